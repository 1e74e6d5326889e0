package io.lightpath.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic passes of {@code serve}: one over every device as soon as it is started (after
 * the startup recovery), then one every {@code interval}. Passes run on the runner's own thread,
 * one at a time, so a slow pass delays the next rather than overlapping it.
 */
public final class ReconcileRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReconcileRunner.class);

  private final Reconciler reconciler;
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> periodic;

  /** @param timer runs the passes; owned by the runner (shut down by {@link #close}) */
  public ReconcileRunner(Reconciler reconciler, ScheduledExecutorService timer) {
    this.reconciler = reconciler;
    this.timer = timer;
  }

  /**
   * Starts the passes.
   *
   * @param policy {@code OFF}: none; {@code REPORT}: report only; {@code CORRECT}: report and correct
   * @param interval time between the end of a pass and the start of the next; zero: only the
   *     startup pass
   * @return the startup pass's report (null when the policy is OFF)
   */
  public synchronized CompletableFuture<ReconcileReport> start(ReconcilePolicy policy, Duration interval) {
    if (policy == ReconcilePolicy.OFF) {
      log.info("device reconciliation is off");
      return CompletableFuture.completedFuture(null);
    }
    if (periodic != null) {
      throw new IllegalStateException("already started");
    }
    boolean correct = policy == ReconcilePolicy.CORRECT;
    CompletableFuture<ReconcileReport> first = new CompletableFuture<>();
    timer.execute(() -> {
      try {
        first.complete(pass(correct));
      } catch (RuntimeException e) {
        first.completeExceptionally(e);
      }
    });
    if (!interval.isZero()) {
      periodic = timer.scheduleWithFixedDelay(() -> pass(correct), interval.toMillis(), interval.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return first;
  }

  private ReconcileReport pass(boolean correct) {
    try {
      return reconciler.reconcile(List.of(), correct).join();
    } catch (RuntimeException e) {
      log.warn("reconcile pass failed", e);
      throw e;
    }
  }

  /** Stops the passes and the runner's thread. */
  @Override
  public synchronized void close() {
    if (periodic != null) {
      periodic.cancel(false);
      periodic = null;
    }
    timer.shutdownNow();
  }
}
