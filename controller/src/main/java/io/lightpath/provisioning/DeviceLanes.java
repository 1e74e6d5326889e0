package io.lightpath.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous work one at a time per device, in call order. Needed because a ROADM step
 * reads the media channels in use and then picks free indexes: two services doing that at once on
 * one ROADM would pick the same index. Different devices never wait for each other.
 */
final class DeviceLanes {
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  <T> CompletableFuture<T> run(String deviceId, Supplier<CompletableFuture<T>> work) {
    // Only the hand-over happens inside compute: the work itself (and whatever completes with it,
    // which with gNMI's direct executor can be a whole chain when a call fails at once) runs
    // outside the map's lock, so it may use other lanes freely.
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<CompletableFuture<Void>> previous = new ArrayList<>(1);
    tails.compute(deviceId, (id, tail) -> {
      previous.add(tail == null ? CompletableFuture.completedFuture(null) : tail);
      return done;
    });
    CompletableFuture<T> result = new CompletableFuture<>();
    previous.get(0).thenCompose(v -> {
      try {
        return work.get();
      } catch (RuntimeException e) {
        return CompletableFuture.<T>failedFuture(e);
      }
    }).whenComplete((v, t) -> {
      done.complete(null);
      if (t != null) {
        result.completeExceptionally(t);
      } else {
        result.complete(v);
      }
    });
    return result;
  }
}
