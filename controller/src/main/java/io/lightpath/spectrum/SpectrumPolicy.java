package io.lightpath.spectrum;

/**
 * How to pick a slot range among those free along a path (after continuity and contiguity).
 * Each policy gives every candidate start a score; lower is better, ties go to the lower slot.
 */
public enum SpectrumPolicy {
  /** Lowest free start. Packs channels at the low end and leaves large blocks at the top. */
  FIRST_FIT,
  /** Highest free start. */
  LAST_FIT,
  /** Uniformly random free start. */
  RANDOM,
  /** Start whose slots are used on the most fibers network-wide (packs popular slots). */
  MOST_USED,
  /** Start whose slots are used on the fewest fibers network-wide. */
  LEAST_USED,
  /** Start of the smallest free block that fits (least leftover fragment). */
  BEST_FIT;

  /** Whether scoring needs the network-wide per-slot usage counts. */
  public boolean needsUsage() {
    return this == MOST_USED || this == LEAST_USED;
  }
}
