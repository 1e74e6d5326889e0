package io.lightpath.provisioning;

import io.lightpath.southbound.gnmi.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock and scheduler that move only when the test calls {@link #advance}: tasks run on the
 * test's thread when their time comes, so a test sees exactly what happens before a timer fires.
 */
final class ManualTime extends Clock implements Scheduler {
  private record Task(long dueNanos, Runnable run, boolean[] cancelled) {}

  private long nanos;
  private final List<Task> tasks = new ArrayList<>();

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    boolean[] cancelled = {false};
    tasks.add(new Task(nanos + delay.toNanos(), task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Moves time forward by {@code d}, running every task that falls due, in due order. */
  void advance(Duration d) {
    long target;
    synchronized (this) {
      target = nanos + d.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> t.dueNanos() <= target)
            .min(Comparator.comparingLong(Task::dueNanos)).orElse(null);
        if (next == null) {
          nanos = target;
          return;
        }
        tasks.remove(next);
        nanos = Math.max(nanos, next.dueNanos());
      }
      if (!next.cancelled()[0]) {
        next.run().run();
      }
    }
  }

  synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
  }

  @Override
  public synchronized Instant instant() {
    return Instant.EPOCH.plusNanos(nanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
