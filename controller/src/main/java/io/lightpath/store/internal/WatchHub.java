package io.lightpath.store.internal;

import io.lightpath.store.KeyRange;
import io.lightpath.store.StoreException;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running watches of one store. The store calls {@link #publish} and {@link #register} while
 * holding a lock that excludes writers, so each watch sees its backlog and then live events in
 * revision order with no gap and no duplicate; delivery happens on a per-watch serial executor so
 * a slow listener delays only its own watch, never a writer.
 */
final class WatchHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private final ExecutorService pool;

  WatchHub(String storeName) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, storeName + "-watch-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts a watch whose first events are {@code backlog}; live events follow. */
  Watch register(KeyRange range, long fromRevision, WatchListener listener, List<WatchEvent> backlog) {
    Watcher watcher = new Watcher(range, fromRevision, listener);
    if (!backlog.isEmpty()) {
      watcher.deliver(backlog);
    }
    watchers.add(watcher);
    return watcher;
  }

  /** A watch that failed before it started. */
  Watch failed(WatchListener listener, StoreException error) {
    Watcher watcher = new Watcher(KeyRange.all(), 0, listener);
    watcher.fail(error);
    return watcher;
  }

  /** Hands the events of one committed revision to every watch whose range they touch. */
  void publish(List<WatchEvent> events) {
    for (Watcher watcher : watchers) {
      List<WatchEvent> matching = new ArrayList<>();
      for (WatchEvent event : events) {
        if (event.revision() >= watcher.fromRevision && watcher.range.contains(event.kv().key())) {
          matching.add(event);
        }
      }
      if (!matching.isEmpty()) {
        watcher.deliver(matching);
      }
    }
  }

  @Override
  public void close() {
    for (Watcher watcher : watchers) {
      watcher.fail(new StoreException("store closed"));
    }
    pool.shutdown();
  }

  private final class Watcher implements Watch {
    private final KeyRange range;
    private final long fromRevision;
    private final WatchListener listener;
    private final SerialExecutor executor = new SerialExecutor(pool);
    private volatile boolean closed;

    Watcher(KeyRange range, long fromRevision, WatchListener listener) {
      this.range = range;
      this.fromRevision = fromRevision;
      this.listener = listener;
    }

    void deliver(List<WatchEvent> events) {
      executor.execute(
          () -> {
            for (WatchEvent event : events) {
              if (closed) {
                return;
              }
              try {
                listener.onEvent(event);
              } catch (RuntimeException e) {
                // A listener bug must not cost the watch its later events.
                LOG.warn("watch listener failed on revision {}", event.revision(), e);
              }
            }
          });
    }

    void fail(StoreException error) {
      watchers.remove(this);
      executor.execute(
          () -> {
            if (!closed) {
              closed = true;
              listener.onError(error);
            }
          });
    }

    @Override
    public void close() {
      closed = true;
      watchers.remove(this);
    }
  }
}
