package io.lightpath.store.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import io.lightpath.store.LeaseGrant;
import io.lightpath.store.StateStore;
import io.lightpath.store.StateStoreContractTest;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real etcd server, given by {@code -Dlightpath.etcd.endpoint=URL}
 * or {@code $LIGHTPATH_ETCD_ENDPOINT} (skipped otherwise). Tests use random key prefixes so a shared server is fine; the compaction
 * test compacts the whole server. See docs/store.md for starting etcd in CI.
 */
class EtcdStateStoreContractTest extends StateStoreContractTest {

  static final String ENDPOINT_PROPERTY = "lightpath.etcd.endpoint";
  static final String ENDPOINT_ENV = "LIGHTPATH_ETCD_ENDPOINT";

  @Override
  protected StateStore createStore() {
    // CI's .ci/run starts etcd and exports the endpoint; a developer can pass the property
    String endpoint = System.getProperty(ENDPOINT_PROPERTY, System.getenv(ENDPOINT_ENV));
    assumeTrue(endpoint != null && !endpoint.isBlank(),
        "no etcd: set -D" + ENDPOINT_PROPERTY + " or $" + ENDPOINT_ENV);
    return EtcdStateStore.connect(endpoint);
  }

  @Test
  @SuppressWarnings("try") // the watch is only closed
  void leaseExpiresOnTheServerClock() throws Exception {
    LeaseGrant lease = store.grantLease(Duration.ofSeconds(2));
    store.put(k("ephemeral"), Bytes.utf8("x"), lease.id());
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (Watch watch = store.watch(KeyRange.key(k("ephemeral")), 0, events::add)) {
      // Liveness bound only: etcd expires the lease after its (possibly raised) minimum TTL.
      WatchEvent event = events.poll(lease.ttl().toSeconds() + 30, TimeUnit.SECONDS);
      assertNotNull(event, "lease did not expire");
      assertEquals(WatchEvent.Type.DELETE, event.type());
    }
    assertTrue(store.get(k("ephemeral")).isEmpty());
    assertTrue(store.leaseTimeToLive(lease.id()).isEmpty());
  }

  @Override
  protected boolean supportsLeaseCompare() {
    return false;
  }

  /** Each increment is a network round trip plus an etcd fsync. */
  @Override
  protected int incrementsPerThread() {
    return 50;
  }
}
