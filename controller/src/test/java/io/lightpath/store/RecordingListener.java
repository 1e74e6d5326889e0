package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects watch events for assertions; waits are liveness bounds, not speed checks. */
final class RecordingListener implements WatchListener {

  static final long WAIT_SECONDS = 20;

  final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
  final CompletableFuture<StoreException> error = new CompletableFuture<>();

  @Override
  public void onEvent(WatchEvent event) {
    events.add(event);
  }

  @Override
  public void onError(StoreException e) {
    error.complete(e);
  }

  WatchEvent next() throws InterruptedException {
    WatchEvent event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(event, "no watch event within " + WAIT_SECONDS + " s");
    return event;
  }

  List<WatchEvent> next(int count) throws InterruptedException {
    List<WatchEvent> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  StoreException awaitError() throws Exception {
    return error.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
