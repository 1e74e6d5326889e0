package io.lightpath.reconcile;

/** What the automatic passes (startup, periodic) do with what they find. */
public enum ReconcilePolicy {
  /** Report every finding and change the devices to agree with the services. */
  CORRECT,
  /** Report every finding, change nothing. */
  REPORT,
  /** No automatic passes (the ReconcileDevices RPC still works). */
  OFF;
}
