package io.lightpath.store;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a store's history bounded, like etcd's {@code --auto-compaction-mode=revision}: each run
 * compacts away everything older than the newest {@code retainedRevisions} revisions. Watchers
 * that fall further behind than that get {@link CompactedException} and must re-list.
 */
public final class AutoCompactor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AutoCompactor.class);

  private final StateStore store;
  private final long retainedRevisions;
  private long lastCompacted;
  private ScheduledFuture<?> task;

  /**
   * @param retainedRevisions how many recent revisions stay readable and watchable, at least 1
   */
  public AutoCompactor(StateStore store, long retainedRevisions) {
    if (retainedRevisions < 1) {
      throw new IllegalArgumentException("retainedRevisions must be >= 1: " + retainedRevisions);
    }
    this.store = store;
    this.retainedRevisions = retainedRevisions;
  }

  /**
   * Compacts now if the history is longer than the retention.
   *
   * @return the revision compacted at, or 0 when nothing was compacted
   */
  public synchronized long compactOnce() {
    long target = store.revision() - retainedRevisions + 1;
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
