package io.lightpath.reconcile;

import io.lightpath.southbound.spi.ConfigChange;
import java.util.List;

/**
 * A difference found by {@link ConfigDiff}, with the device changes that remove it (applied as one
 * device transaction, with the SPI's preconditions, so a device that changed since it was read is
 * not overwritten).
 *
 * @param kind MISSING, MISMATCH or ORPHAN
 * @param item the configuration item, as in {@link Finding#item()}
 * @param serviceIds services needing the item
 * @param expected what the services need ("" for an orphan)
 * @param actual what the device has ("" when missing)
 * @param fixes the corrections; empty when it can only be reported
 * @param unfixable why there are no fixes, or empty
 */
record Discrepancy(FindingKind kind, String item, List<String> serviceIds, String expected,
    String actual, List<ConfigChange> fixes, String unfixable) {
  Discrepancy {
    serviceIds = List.copyOf(serviceIds);
    fixes = List.copyOf(fixes);
  }

  Discrepancy(FindingKind kind, String item, List<String> serviceIds, String expected, String actual,
      List<ConfigChange> fixes) {
    this(kind, item, serviceIds, expected, actual, fixes, "");
  }
}
