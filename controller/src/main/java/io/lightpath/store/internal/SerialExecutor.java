package io.lightpath.store.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks one at a time in submission order on a shared executor (one per watch). */
final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final Executor executor;
  private boolean running;

  SerialExecutor(Executor executor) {
    this.executor = executor;
  }

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
    if (!running) {
      running = true;
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = tasks.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        // A failing task must not stall the tasks queued behind it.
        LOG.warn("watch delivery task failed", e);
      }
    }
  }
}
