package io.lightpath.southbound.emulator.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

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
   * A ROADM's media channels.
   *
   * <p>The ROADM model guarantees that enabled channels leaving one source port do not overlap
   * in frequency, so at most one enabled channel passes a given carrier from a given port;
   * {@link #passing} finds it with one ordered-map lookup instead of a scan of every channel.
   *
   * @param channels channels in index order
   * @param enabledBySource enabled channels by source port, keyed by lower frequency (MHz);
   *     derived from {@code channels}
   */
  record Roadm(List<MediaChannel> channels, Map<String, NavigableMap<Long, MediaChannel>> enabledBySource)
      implements OpticalView {
    /** A ROADM with {@code channels} (in index order). */
    public Roadm(List<MediaChannel> channels) {
      this(List.copyOf(channels), index(channels));
    }

    private static Map<String, NavigableMap<Long, MediaChannel>> index(List<MediaChannel> channels) {
      Map<String, NavigableMap<Long, MediaChannel>> out = new HashMap<>();
      for (MediaChannel mc : channels) {
        if (mc.enabled()) {
          // First in index order wins on an (invalid) duplicate lower edge, as a scan would.
          out.computeIfAbsent(mc.sourcePort(), k -> new TreeMap<>())
              .putIfAbsent(mc.lowerFrequencyMhz(), mc);
        }
      }
      return out;
    }

    /**
     * The enabled channel entering at {@code sourcePort} whose passband covers
     * {@code lowMhz..highMhz}, or null.
     */
    public MediaChannel passing(String sourcePort, long lowMhz, long highMhz) {
      NavigableMap<Long, MediaChannel> byLower = enabledBySource.get(sourcePort);
      if (byLower == null) {
        return null;
      }
      Map.Entry<Long, MediaChannel> e = byLower.floorEntry(lowMhz);
      return e != null && e.getValue().upperFrequencyMhz() >= highMhz ? e.getValue() : null;
    }
  }

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
