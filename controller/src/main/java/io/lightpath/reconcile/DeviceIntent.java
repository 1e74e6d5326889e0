package io.lightpath.reconcile;

import java.util.List;

/**
 * What the services in the store need on one device.
 *
 * @param deviceId the device
 * @param expected items of services that should be lit (ACTIVE, DEGRADED): missing or different
 *     ones are findings
 * @param inFlight items of services being provisioned or deleted (PENDING, PROVISIONING,
 *     DELETING): never reported and never touched, the provisioner is working on them
 * @param unmapped live services whose channels could not be mapped onto the current topology:
 *     while there are any, nothing is an orphan (their configuration is unknown)
 */
record DeviceIntent(String deviceId, List<Owned> expected, List<Owned> inFlight, List<String> unmapped) {
  DeviceIntent {
    expected = List.copyOf(expected);
    inFlight = List.copyOf(inFlight);
    unmapped = List.copyOf(unmapped);
  }

  /** Whether every live service was mapped, so that configuration nobody needs is an orphan. */
  boolean ownershipKnown() {
    return unmapped.isEmpty();
  }
}
