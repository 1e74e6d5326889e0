package io.lightpath.southbound.emulator.device;

import java.util.List;
import java.util.Map;

/** A device's configuration as the optics engine sees it. */
public sealed interface OpticalView {
  /**
   * A transponder's per-port tuning.
   *
   * @param tuning port name to its tuning; ports without a configured frequency are absent
   */
  record Transponder(Map<String, Tuning> tuning) implements OpticalView {}

  /**
   * Laser settings of one transponder port.
   *
   * @param frequencyMhz carrier centre frequency in MHz
   * @param outputPowerDbm launch power in dBm
   */
  record Tuning(long frequencyMhz, double outputPowerDbm) {}

  /**
   * A ROADM's enabled media channels.
   *
   * @param channels channels in index order
   */
  record Roadm(List<MediaChannel> channels) implements OpticalView {}

  /**
   * One unidirectional media channel.
   *
   * @param index list key
   * @param lowerFrequencyMhz lower edge of the passband, MHz
   * @param upperFrequencyMhz upper edge of the passband, MHz
   * @param sourcePort port light enters
   * @param destPort port light leaves
   * @param enabled false when admin-status is not ENABLED
   */
  record MediaChannel(
      long index,
      long lowerFrequencyMhz,
      long upperFrequencyMhz,
      String sourcePort,
      String destPort,
      boolean enabled) {}

  /**
   * An OCS's cross-connects, usable in both directions.
   *
   * @param peer each connected port to the port it is connected to (both directions present)
   */
  record Ocs(Map<String, String> peer) implements OpticalView {}
}
