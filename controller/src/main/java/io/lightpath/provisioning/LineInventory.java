package io.lightpath.provisioning;

import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the provisioner knows is configured on each ROADM (media channels, {@link RoadmChannels})
 * and OCS (cross-connects by input port), so a provision picks free media-channel indexes and
 * spots existing media channels and cross-connects without reading whole lists from the device
 * every time.
 *
 * <p>A device's entry is read once, on first use, and then kept up to date by the provisioner's
 * own changes (they run one at a time per device, {@link DeviceLanes}). It can go stale only
 * through changes made by others or through rollbacks (which {@link #invalidate} it); that is
 * safe because every change carries a precondition checked against the device's real values just
 * before the Set (a media channel is created only at a free index, an entry is removed only if it
 * is the expected one): a stale entry makes the change fail with CONFLICT, the entry is dropped,
 * read again and the change retried once.
 *
 * <p>Thread-safe.
 */
final class LineInventory {
  private final Map<String, CompletableFuture<RoadmChannels>> roadms = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Map<String, CrossConnect>>> switches =
      new ConcurrentHashMap<>();

  /** The media channels of a ROADM (read from the device on first use). */
  CompletableFuture<RoadmChannels> mediaChannels(String deviceId, MediaChannelConfig roadm) {
    return loaded(roadms, deviceId, () -> roadm.readMediaChannels().thenApply(list -> {
      RoadmChannels channels = new RoadmChannels();
      list.forEach(channels::add);
      return channels;
    }));
  }

  /** The cross-connects of an OCS by input port (read from the device on first use). */
  CompletableFuture<Map<String, CrossConnect>> crossConnects(
      String deviceId, CrossConnectConfig ocs) {
    return loaded(switches, deviceId, () -> ocs.readCrossConnects().thenApply(list -> {
      Map<String, CrossConnect> m = new ConcurrentHashMap<>();
      list.forEach(c -> m.put(c.inputPort(), c));
      return m;
    }));
  }

  /** Forgets what is known of a device; the next use reads it again. */
  void invalidate(String deviceId) {
    roadms.remove(deviceId);
    switches.remove(deviceId);
  }

  /**
   * What makes a configured media channel the one an op asks for: the same slot edges between the
   * same ports (index and attenuation do not matter).
   */
  record Slot(long lowerFrequencyMhz, long upperFrequencyMhz, String sourcePort, String destPort) {
    static Slot of(MediaChannel m) {
      return new Slot(m.lowerFrequencyMhz(), m.upperFrequencyMhz(), m.sourcePort(), m.destPort());
    }

    static Slot of(DeviceOp.OpenMediaChannel op) {
      return new Slot(op.lowerFrequencyMhz(), op.upperFrequencyMhz(), op.sourcePort(),
          op.destPort());
    }
  }

  /**
   * The media channels known on one ROADM, by index (free indexes are found by walking them in
   * order) and by {@link Slot}, so that "is this op's channel already there" is a lookup instead
   * of a scan of every channel: a busy ROADM has hundreds, and each ROADM step asks twice (the
   * read-ahead and the Set). Changed only through {@link #add} and {@link #remove}, which keep the
   * two views in step.
   *
   * <p>Changes come one at a time per ROADM ({@link DeviceLanes}), but a read-ahead ({@link
   * DeviceSteps#prefetch}) may read while a step changes it, so both views are concurrent maps. A
   * read racing a change may see it in one view and not yet in the other; that only costs the
   * read-ahead a wasted read, since the step plans again in its lane.
   */
  static final class RoadmChannels {
    private final NavigableMap<Integer, MediaChannel> byIndex = new ConcurrentSkipListMap<>();
    /** Usually one channel per slot; a device may hold copies that someone else made. */
    private final Map<Slot, List<MediaChannel>> bySlot = new ConcurrentHashMap<>();

    /** Records a channel configured on the ROADM, replacing whatever was known at its index. */
    void add(MediaChannel channel) {
      MediaChannel replaced = byIndex.put(channel.index(), channel);
      if (replaced != null) {
        unindex(replaced);
      }
      bySlot.merge(Slot.of(channel), List.of(channel), (known, added) -> {
        List<MediaChannel> all = new ArrayList<>(known);
        all.addAll(added);
        return List.copyOf(all);
      });
    }

    /** Forgets {@code channel} if it is the one known at its index. */
    boolean remove(MediaChannel channel) {
      if (!byIndex.remove(channel.index(), channel)) {
        return false;
      }
      unindex(channel);
      return true;
    }

    private void unindex(MediaChannel channel) {
      bySlot.computeIfPresent(Slot.of(channel), (slot, known) -> {
        List<MediaChannel> rest = new ArrayList<>(known);
        rest.remove(channel);
        return rest.isEmpty() ? null : List.copyOf(rest);
      });
    }

    /** Whether a channel of this slot is configured. */
    boolean has(Slot slot) {
      return bySlot.containsKey(slot);
    }

    /** The channels of this slot (any order). */
    List<MediaChannel> withSlot(Slot slot) {
      return bySlot.getOrDefault(slot, List.of());
    }

    /** The indexes in use, ascending. */
    NavigableSet<Integer> indexes() {
      return Collections.unmodifiableNavigableSet(byIndex.navigableKeySet());
    }

    /** Every channel, by ascending index. */
    Collection<MediaChannel> all() {
      return Collections.unmodifiableCollection(byIndex.values());
    }
  }

  private static <T> CompletableFuture<T> loaded(Map<String, CompletableFuture<T>> cache,
      String deviceId, java.util.function.Supplier<CompletableFuture<T>> load) {
    CompletableFuture<T> f = cache.computeIfAbsent(deviceId, id -> load.get());
    if (f.isCompletedExceptionally()) {
      cache.remove(deviceId, f);
      return f; // report this failure; the next use reads again
    }
    return f;
  }
}
