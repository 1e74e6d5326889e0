package io.lightpath.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.KeyRange;
import io.lightpath.store.ManualClock;
import io.lightpath.store.StateStore;
import io.lightpath.store.Op;
import io.lightpath.store.StoreException;
import io.lightpath.store.Txn;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import io.lightpath.store.memory.InMemoryStateStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Delivery guarantees of the embedded engine's watches beyond the contract. */
class WatchDeliveryTest {

  @Test
  void aThrowingListenerDoesNotStopItsWatch() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (StateStore store = new InMemoryStateStore(new ManualClock())) {
      store.watch(
          KeyRange.all(),
          0,
          event -> {
            seen.add(event.kv().valueUtf8());
            if (event.kv().valueUtf8().equals("boom")) {
              throw new IllegalStateException("listener bug");
            }
          });
      store.txn(Txn.of(Op.put("a", "boom"), Op.put("b", "same revision")));
      store.put("a", "after");
      assertEquals("boom", seen.poll(20, TimeUnit.SECONDS));
      assertEquals("same revision", seen.poll(20, TimeUnit.SECONDS));
      assertEquals("after", seen.poll(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void closingTheStoreEndsWatchesWithAnError() throws Exception {
    CompletableFuture<StoreException> error = new CompletableFuture<>();
    StateStore store = new InMemoryStateStore(new ManualClock());
    store.watch(
        KeyRange.all(),
        0,
        new WatchListener() {
          @Override
          public void onEvent(WatchEvent event) {}

          @Override
          public void onError(StoreException e) {
            error.complete(e);
          }
        });
    store.close();
    StoreException e = error.get(20, TimeUnit.SECONDS);
    assertNotNull(e);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void aSlowListenerDoesNotBlockWritersOrOtherWatches() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<WatchEvent> fast = new LinkedBlockingQueue<>();
    try (StateStore store = new InMemoryStateStore(new ManualClock())) {
      store.watch(
          KeyRange.all(),
          0,
          event -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      store.watch(KeyRange.all(), 0, fast::add);
      for (int i = 0; i < 100; i++) {
        store.put("k", Integer.toString(i)); // returns although the slow listener is stuck
      }
      for (int i = 0; i < 100; i++) {
        assertNotNull(fast.poll(20, TimeUnit.SECONDS));
      }
      release.countDown();
    }
  }
}
