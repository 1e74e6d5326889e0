package io.lightpath.southbound.emulator.device;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

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
   * in frequency (nor those reaching one dest port), so at most one enabled channel passes a
   * given carrier from a given port; {@link #passing} finds it with one ordered-map lookup
   * instead of a scan of every channel, and {@link #overlapping} finds a new channel's
   * conflicts the same way.
   *
   * <p>All maps are persistent (structure-sharing), so {@link #with} derives the view after an
   * edit in time proportional to the edited channels times log(channels), not to all channels.
   *
   * @param byIndex every channel by its index
   * @param enabledBySource enabled channels by source port, keyed by lower frequency (MHz);
   *     derived from {@code byIndex}
   * @param enabledByDest enabled channels by dest port, keyed by lower frequency (MHz); derived
   *     from {@code byIndex}
   */
  record Roadm(
      PSortedMap<Long, MediaChannel> byIndex,
      PMap<String, PSortedMap<Long, MediaChannel>> enabledBySource,
      PMap<String, PSortedMap<Long, MediaChannel>> enabledByDest)
      implements OpticalView {
    private static final PSortedMap<Long, MediaChannel> NO_CHANNELS = TreePMap.empty();

    /** A ROADM with {@code channels} (in index order). */
    public Roadm(List<MediaChannel> channels) {
      this(NO_CHANNELS, HashTreePMap.empty(), HashTreePMap.empty(), channels);
    }

    private Roadm(PSortedMap<Long, MediaChannel> byIndex,
        PMap<String, PSortedMap<Long, MediaChannel>> bySource,
        PMap<String, PSortedMap<Long, MediaChannel>> byDest, List<MediaChannel> added) {
      this(withAll(byIndex, added), index(bySource, added, MediaChannel::sourcePort),
          index(byDest, added, MediaChannel::destPort));
    }

    private static PSortedMap<Long, MediaChannel> withAll(
        PSortedMap<Long, MediaChannel> byIndex, List<MediaChannel> added) {
      for (MediaChannel mc : added) {
        byIndex = byIndex.plus(mc.index(), mc);
      }
      return byIndex;
    }

    private static PMap<String, PSortedMap<Long, MediaChannel>> index(
        PMap<String, PSortedMap<Long, MediaChannel>> by, List<MediaChannel> added,
        java.util.function.Function<MediaChannel, String> port) {
      for (MediaChannel mc : added) {
        if (mc.enabled()) {
          PSortedMap<Long, MediaChannel> m = by.getOrDefault(port.apply(mc), NO_CHANNELS);
          // First in index order wins on an (invalid) duplicate lower edge, as a scan would.
          if (!m.containsKey(mc.lowerFrequencyMhz())) {
            by = by.plus(port.apply(mc), m.plus(mc.lowerFrequencyMhz(), mc));
          }
        }
      }
      return by;
    }

    private static PMap<String, PSortedMap<Long, MediaChannel>> unindex(
        PMap<String, PSortedMap<Long, MediaChannel>> by, MediaChannel mc,
        java.util.function.Function<MediaChannel, String> port) {
      PSortedMap<Long, MediaChannel> m = by.get(port.apply(mc));
      if (m == null || m.get(mc.lowerFrequencyMhz()) != mc) {
        return by;
      }
      m = m.minus(mc.lowerFrequencyMhz());
      return m.isEmpty() ? by.minus(port.apply(mc)) : by.plus(port.apply(mc), m);
    }

    /**
     * This view with the channels at {@code indexes} replaced by {@code channels} (those of
     * them that still exist, each at one of those indexes). Valid for views of valid configs
     * (no two enabled channels of a port share a lower edge).
     */
    public Roadm with(Collection<Long> indexes, List<MediaChannel> channels) {
      PSortedMap<Long, MediaChannel> all = byIndex;
      PMap<String, PSortedMap<Long, MediaChannel>> bySource = enabledBySource;
      PMap<String, PSortedMap<Long, MediaChannel>> byDest = enabledByDest;
      for (long index : indexes) {
        MediaChannel old = all.get(index);
        if (old != null) {
          all = all.minus(index);
          bySource = unindex(bySource, old, MediaChannel::sourcePort);
          byDest = unindex(byDest, old, MediaChannel::destPort);
        }
      }
      return new Roadm(all, bySource, byDest, channels);
    }

    /** Every channel in index order (a copy; diagnostics and full checks). */
    public List<MediaChannel> channels() {
      return List.copyOf(byIndex.values());
    }

    /** The channel at {@code index}, or null. */
    public MediaChannel channel(long index) {
      return byIndex.get(index);
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

    /**
     * The enabled channels whose passband overlaps {@code lowMhz..highMhz} (open at both ends)
     * and that leave {@code sourcePort} or reach {@code destPort}.
     */
    public Set<MediaChannel> overlapping(String sourcePort, String destPort, long lowMhz, long highMhz) {
      Set<MediaChannel> out = new LinkedHashSet<>();
      overlapping(enabledBySource.get(sourcePort), lowMhz, highMhz, out);
      overlapping(enabledByDest.get(destPort), lowMhz, highMhz, out);
      return out;
    }

    private static void overlapping(NavigableMap<Long, MediaChannel> byLower, long lowMhz,
        long highMhz, Set<MediaChannel> out) {
      if (byLower == null) {
        return;
      }
      // Channels of one port do not overlap each other, so only the one starting below lowMhz
      // can reach into the range from below.
      Map.Entry<Long, MediaChannel> below = byLower.lowerEntry(lowMhz);
      if (below != null && below.getValue().upperFrequencyMhz() > lowMhz) {
        out.add(below.getValue());
      }
      for (MediaChannel mc : byLower.subMap(lowMhz, true, highMhz, false).values()) {
        out.add(mc);
      }
    }

    /** The channels that differ between {@code before} and this view: removed, added or changed ones (either version). */
    public List<MediaChannel> changedSince(Roadm before) {
      List<MediaChannel> out = new ArrayList<>();
      if (before.byIndex == byIndex) {
        return out;
      }
      var a = before.byIndex.values().iterator();
      var b = byIndex.values().iterator();
      MediaChannel x = a.hasNext() ? a.next() : null;
      MediaChannel y = b.hasNext() ? b.next() : null;
      while (x != null || y != null) {
        if (y == null || (x != null && x.index() < y.index())) {
          out.add(x);
          x = a.hasNext() ? a.next() : null;
        } else if (x == null || y.index() < x.index()) {
          out.add(y);
          y = b.hasNext() ? b.next() : null;
        } else {
          if (x != y && !x.equals(y)) {
            out.add(x);
            out.add(y);
          }
          x = a.hasNext() ? a.next() : null;
          y = b.hasNext() ? b.next() : null;
        }
      }
      return out;
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
