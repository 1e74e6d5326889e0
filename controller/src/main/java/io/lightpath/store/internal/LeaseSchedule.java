package io.lightpath.store.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Lease deadlines in epoch milliseconds, ordered so the next lease to expire is found in O(log n).
 * Guarded by the store's write lock except {@link #nextDeadlineMillis}, which readers poll.
 */
final class LeaseSchedule {

  private record Entry(long deadlineMillis, long leaseId) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(deadlineMillis, o.deadlineMillis);
      return c != 0 ? c : Long.compare(leaseId, o.leaseId);
    }
  }

  private final NavigableSet<Entry> byDeadline = new TreeSet<>();
  private final Map<Long, Entry> byId = new HashMap<>();
  private volatile long nextDeadlineMillis = Long.MAX_VALUE;

  void set(long leaseId, long deadlineMillis) {
    remove(leaseId);
    Entry entry = new Entry(deadlineMillis, leaseId);
    byDeadline.add(entry);
    byId.put(leaseId, entry);
    refresh();
  }

  void remove(long leaseId) {
    Entry old = byId.remove(leaseId);
    if (old != null) {
      byDeadline.remove(old);
      refresh();
    }
  }

  /** The id of a lease whose deadline is at or before {@code nowMillis}, or 0 for none. */
  long firstDue(long nowMillis) {
    if (byDeadline.isEmpty() || byDeadline.first().deadlineMillis > nowMillis) {
      return 0;
    }
    return byDeadline.first().leaseId;
  }

  /** The earliest deadline, {@link Long#MAX_VALUE} when there are no leases; safe to read unlocked. */
  long nextDeadlineMillis() {
    return nextDeadlineMillis;
  }

  private void refresh() {
    nextDeadlineMillis = byDeadline.isEmpty() ? Long.MAX_VALUE : byDeadline.first().deadlineMillis;
  }
}
