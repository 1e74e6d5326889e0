package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One device's work in call order, other devices independent, work run outside the lane's lock. */
class DeviceLanesTest {
  private final DeviceLanes lanes = new DeviceLanes();

  @Test
  void workOnOneDeviceRunsInCallOrderAndOthersDoNotWait() {
    List<String> ran = new ArrayList<>();
    CompletableFuture<Void> firstDone = new CompletableFuture<>();
    lanes.run("d1", () -> {
      ran.add("d1-first");
      return firstDone;
    });
    CompletableFuture<String> second = lanes.run("d1", () -> {
      ran.add("d1-second");
      return CompletableFuture.completedFuture("second");
    });
    CompletableFuture<String> other = lanes.run("d2", () -> {
      ran.add("d2");
      return CompletableFuture.completedFuture("other");
    });
    assertEquals(List.of("d1-first", "d2"), ran, "d1's second waits, d2 does not");
    assertTrue(other.isDone());
    assertFalse(second.isDone());
    firstDone.complete(null);
    assertEquals("second", second.join());
    assertEquals(List.of("d1-first", "d2", "d1-second"), ran);
  }

  @Test
  void aFailureDoesNotBlockTheLane() {
    CompletableFuture<Void> failed = lanes.run("d1", () -> {
      throw new IllegalStateException("boom");
    });
    assertTrue(failed.isCompletedExceptionally());
    assertEquals("next", lanes.run("d1", () -> CompletableFuture.completedFuture("next")).join());
  }

  @Test
  void workThatCompletesAtOnceMayQueueMoreWorkOnTheSameDevice() {
    // As when a gNMI call fails at once on the network thread and the failure's handling (a
    // rollback, a retry) queues on the same device: it must queue, not break the lane.
    List<CompletableFuture<String>> inner = new ArrayList<>();
    CompletableFuture<String> outer = lanes.run("d1", () -> {
      inner.add(lanes.run("d1", () -> CompletableFuture.completedFuture("inner")));
      return CompletableFuture.completedFuture("outer");
    });
    assertEquals("outer", outer.join());
    assertEquals("inner", inner.get(0).join());
  }
}
