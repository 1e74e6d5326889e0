package io.lightpath.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired CreateService request records periodically, so the store does not keep every
 * request id forever. Expired records are already ignored by lookups; this only reclaims space.
 * Started explicitly ({@link #start}) by the serve command, never by injection.
 */
@Singleton
public final class RequestRecordSweeper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RequestRecordSweeper.class);

  private final IdempotencyRecords records;
  private ScheduledExecutorService timer;

  @Inject
  public RequestRecordSweeper(IdempotencyRecords records) {
    this.records = records;
  }

  /** Sweeps every {@code period}, the first time after one period. */
  public synchronized void start(Duration period) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lightpath-request-sweeper");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::sweep, period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    try {
      int n = records.purgeExpired();
      if (n > 0) {
        log.info("removed {} expired request records", n);
      }
    } catch (RuntimeException e) {
      // a store hiccup: the next sweep tries again
      log.warn("request record sweep failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
