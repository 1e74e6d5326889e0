package io.lightpath.store.memory;

import io.lightpath.store.StateStore;
import io.lightpath.store.internal.MvccStateStore;
import java.time.Clock;
import java.time.Duration;

/**
 * A {@link StateStore} on the heap: full etcd semantics (revisions, history, watches, leases),
 * nothing durable. For tests and for a controller run that needs no persistence.
 */
public final class InMemoryStateStore extends MvccStateStore {

  /**
   * Creates an empty store.
   *
   * @param clock drives lease expiry (any operation expires due leases first)
   */
  public InMemoryStateStore(Clock clock) {
    super("memstore", new MemoryTables(), clock);
  }

  /** An empty store on the system UTC clock that expires leases every 500 ms even when idle. */
  public InMemoryStateStore() {
    this(Clock.systemUTC());
    startLeaseReaper(Duration.ofMillis(500), "memstore");
  }
}
