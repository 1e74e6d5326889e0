package io.lightpath.reconcile;

/** How a device's configuration disagrees with what the services need. */
public enum FindingKind {
  /** A service needs the item and the device does not have it. */
  MISSING,
  /** The device has the item, with values other than the service needs (frequency, power, port, state). */
  MISMATCH,
  /** Controller-managed configuration (media channel, cross-connect, lit optical channel) no service owns. */
  ORPHAN,
  /** The device could not be read, so it was not compared and nothing was changed on it. */
  UNREACHABLE
}
