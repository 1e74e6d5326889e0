package io.lightpath.reconcile;

/** What reconciliation did about a finding. */
public enum FindingAction {
  /** Reported only (policy {@code report}, a dry run, or a device that could not be read). */
  REPORTED,
  /** The device was changed to agree with the services, and the change was verified. */
  CORRECTED,
  /** A correction was attempted and the device refused it or did not answer; retried on the next pass. */
  CORRECTION_FAILED
}
