package io.lightpath.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * One disagreement between a device and the services, and what was done about it.
 *
 * @param deviceId the device ("{id}" of "devices/{id}")
 * @param kind how it disagrees
 * @param item the configuration item, e.g. "media-channel 193100000-193150000 MHz add1>east",
 *     "cross-connect p1<>p2" or "optical-channel line1"; empty for {@link FindingKind#UNREACHABLE}
 * @param serviceIds the services that need the item (empty for an orphan)
 * @param expected what the services need, empty for an orphan
 * @param actual what the device has, empty when missing
 * @param action what was done
 * @param detail why a correction failed or the device could not be read; otherwise empty
 */
public record Finding(String deviceId, FindingKind kind, String item, List<String> serviceIds,
    String expected, String actual, FindingAction action, String detail) {

  public Finding {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(item, "item");
    serviceIds = List.copyOf(serviceIds);
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
  }

  /** A device that could not be read. */
  static Finding unreachable(String deviceId, String detail) {
    return new Finding(deviceId, FindingKind.UNREACHABLE, "", List.of(), "", "", FindingAction.REPORTED, detail);
  }
}
