package io.lightpath.provisioning;

import io.lightpath.southbound.gnmi.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Virtual time for tests: a clock that only moves when something is scheduled, and a scheduler
 * that advances it by the delay and runs the task at once (on {@code executor}). So a wait of 30 s
 * costs no wall-clock time and a test never sleeps.
 */
final class VirtualTime extends Clock implements Scheduler {
  private final AtomicLong nanos = new AtomicLong();
  private final Executor executor;

  VirtualTime(Executor executor) {
    this.executor = executor;
  }

  private final AtomicReference<Runnable> beforeNextTask = new AtomicReference<>();

  /** Runs {@code action} once, just before the next scheduled task (to inject a fault mid-wait). */
  void beforeNextTask(Runnable action) {
    beforeNextTask.set(action);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Runnable hook = beforeNextTask.getAndSet(null);
    if (hook != null) {
      hook.run();
    }
    nanos.addAndGet(delay.toNanos());
    executor.execute(task);
    return () -> { };
  }

  /** Virtual time elapsed since the start. */
  Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(nanos.get());
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
