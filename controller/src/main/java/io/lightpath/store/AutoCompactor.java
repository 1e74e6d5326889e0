package io.lightpath.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a store's history bounded, like etcd's auto-compaction: each run compacts away what is
 * older than both the newest {@code retainedRevisions} revisions and (when a minimum age is given)
 * everything written within the last {@code minAge}. The age floor is what a watcher relies on: a
 * client that reconnects within {@code minAge} resumes from its last revision whatever the write
 * rate, while an idle store still keeps its newest revisions. Watchers that fall further behind get
 * {@link CompactedException} and must re-list.
 *
 * <p>Ages come from samples of the store's revision taken at each run (as etcd's periodic mode
 * does), so a revision is compacted only once a sample at or after it is at least {@code minAge}
 * old: history is kept up to one run period longer than asked, never shorter.
 */
public final class AutoCompactor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AutoCompactor.class);

  /** The store's revision at a run's time. */
  private record Sample(long atMillis, long revision) {}

  private final StateStore store;
  private final long retainedRevisions;
  private final Duration minAge;
  private final Clock clock;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private long lastCompacted;
  private ScheduledFuture<?> task;

  /**
   * @param retainedRevisions how many recent revisions stay readable and watchable, at least 1
   */
  public AutoCompactor(StateStore store, long retainedRevisions) {
    this(store, retainedRevisions, Duration.ZERO, Clock.systemUTC());
  }

  /**
   * @param retainedRevisions how many recent revisions stay readable and watchable, at least 1
   * @param minAge history younger than this is never compacted (zero: no age floor)
   * @param clock time of the samples; tests pass a manual clock
   */
  public AutoCompactor(StateStore store, long retainedRevisions, Duration minAge, Clock clock) {
    if (retainedRevisions < 1) {
      throw new IllegalArgumentException("retainedRevisions must be >= 1: " + retainedRevisions);
    }
    if (minAge.isNegative()) {
      throw new IllegalArgumentException("minAge must not be negative: " + minAge);
    }
    this.store = store;
    this.retainedRevisions = retainedRevisions;
    this.minAge = minAge;
    this.clock = clock;
  }

  /**
   * Compacts now if the history is longer than the retention.
   *
   * @return the revision compacted at, or 0 when nothing was compacted
   */
  public synchronized long compactOnce() {
    long revision = store.revision();
    long target = revision - retainedRevisions + 1;
    if (!minAge.isZero()) {
      long now = clock.millis();
      samples.addLast(new Sample(now, revision));
      long oldEnough = 0; // newest revision sampled at least minAge ago: all up to it is that old
      while (samples.peekFirst().atMillis() <= now - minAge.toMillis()) {
        oldEnough = samples.pollFirst().revision();
      }
      target = Math.min(target, oldEnough);
    }
    if (target <= lastCompacted || target < 2) {
      return 0;
    }
    try {
      store.compact(target);
    } catch (CompactedException e) {
      // Someone else compacted at or beyond the target; that is just as good.
      lastCompacted = Math.max(target, e.compactRevision());
      return 0;
    }
    lastCompacted = target;
    return target;
  }

  /** Runs {@link #compactOnce} every {@code periodMillis} on {@code scheduler}. */
  public synchronized void start(ScheduledExecutorService scheduler, long periodMillis) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    task =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                compactOnce();
              } catch (StoreException e) {
                LOG.warn("auto-compaction failed; will retry", e);
              }
            },
            periodMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
