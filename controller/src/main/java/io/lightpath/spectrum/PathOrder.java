package io.lightpath.spectrum;

/** In what order the k candidate paths and the free slots on them are tried. */
public enum PathOrder {
  /**
   * Route first (KSP-x): take the first of the k paths (shortest first) that has any fitting slot
   * range and pick a range on it with the policy.
   */
  KSP,
  /**
   * Spectrum first (x across all k paths): score every fitting range on every path with the
   * policy and take the best; ties go to the shorter path. With FIRST_FIT this is the "lowest
   * slot index across all k paths" ordering.
   */
  ACROSS_PATHS
}
