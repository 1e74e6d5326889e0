package io.lightpath.provisioning;

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
    CompletableFuture<T> result = new CompletableFuture<>();
    tails.compute(deviceId, (id, tail) -> {
      CompletableFuture<Void> prev = tail == null ? CompletableFuture.completedFuture(null) : tail;
      CompletableFuture<T> mine = prev.thenCompose(v -> {
        try {
          return work.get();
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      });
      mine.whenComplete((v, t) -> {
        if (t != null) {
          result.completeExceptionally(t);
        } else {
          result.complete(v);
        }
      });
      return mine.handle((v, t) -> null);
    });
    return result;
  }
}
