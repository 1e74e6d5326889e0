package io.lightpath.service;

import com.google.protobuf.Timestamp;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.store.Compare;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes DELETED service records from the store once they have been DELETED for the retention
 * (measured from the record's {@code update_time}, which the move to DELETED set, on the injected
 * clock). Until then GetService, ListServices and watchers see the outcome; afterwards GetService
 * answers NOT_FOUND and watchers get one more DELETED event for the name (the store's delete).
 * Each removal is a compare-and-set on the record's modRevision, so a record that changed after it
 * was read is left alone. Started explicitly ({@link #start}) by the serve command.
 */
@Singleton
public final class DeletedServicePurger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeletedServicePurger.class);

  /** The default retention of DELETED records. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final StateStore store;
  private final Clock clock;
  private ScheduledExecutorService timer;

  @Inject
  public DeletedServicePurger(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Removes every service record DELETED at least {@code retention} ago.
   *
   * @return the number of records removed
   */
  public int purge(Duration retention) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
    long cutoffMillis = clock.millis() - retention.toMillis();
    int n = 0;
    for (KeyValue kv : store.range(ServiceNames.range()).kvs()) {
      StoredService s = ServiceCodec.decode(kv);
      if (s.state() != ServiceState.DELETED || millis(s.service().getUpdateTime()) > cutoffMillis) {
        continue;
      }
      boolean removed = store.txn(Txn.builder()
          .when(Compare.modRevision(kv.key(), Compare.Operator.EQUAL, kv.modRevision()))
          .then(Op.delete(kv.key()))
          .build()).succeeded();
      n += removed ? 1 : 0;
    }
    return n;
  }

  /** Purges every {@code period}, the first time after one period. */
  public synchronized void start(Duration period, Duration retention) {
    if (timer != null) {
      return;
    }
    if (retention.isNegative() || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive and retention not negative");
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lightpath-deleted-purger");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        int n = purge(retention);
        if (n > 0) {
          log.info("removed {} service records DELETED more than {} ago", n, retention);
        }
      } catch (RuntimeException e) {
        // a store hiccup: the next run tries again
        log.warn("purge of DELETED service records failed", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }
}
