package io.lightpath.store.internal;

/**
 * The storage a {@link MvccStateStore} runs on: named sorted tables plus atomic, durable commit.
 * Changes made to the tables since the last commit are either all made durable by {@link #commit}
 * or all undone by {@link #rollback}. Only one thread modifies the tables at a time (the engine's
 * write lock); readers may run concurrently with each other.
 */
public interface Tables extends AutoCloseable {

  /** Opens (creating if needed) the table called {@code name}. */
  SortedTable table(String name);

  /** Makes every change since the last commit durable; returns only once it is. */
  void commit();

  /** Undoes every change since the last commit. */
  void rollback();

  @Override
  void close();
}
