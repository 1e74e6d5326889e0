package io.lightpath.provisioning;

import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the provisioner knows is configured on each ROADM (media channels by index) and OCS
 * (cross-connects by input port), so a provision picks free media-channel indexes and spots
 * existing cross-connects without reading whole lists from the device every time.
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
  private final Map<String, CompletableFuture<NavigableMap<Integer, MediaChannel>>> roadms =
      new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Map<String, CrossConnect>>> switches =
      new ConcurrentHashMap<>();

  /** The media channels of a ROADM by index (read from the device on first use). */
  CompletableFuture<NavigableMap<Integer, MediaChannel>> mediaChannels(
      String deviceId, MediaChannelConfig roadm) {
    return loaded(roadms, deviceId, () -> roadm.readMediaChannels().thenApply(list -> {
      NavigableMap<Integer, MediaChannel> m = new ConcurrentSkipListMap<>();
      list.forEach(c -> m.put(c.index(), c));
      return m;
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
