package io.lightpath.store.etcd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lightpath.store.StateStore;
import io.lightpath.store.StateStoreContractTest;

/**
 * The contract against a real etcd server, given by {@code -Dlightpath.etcd.endpoint=URL}
 * (skipped otherwise). Tests use random key prefixes so a shared server is fine; the compaction
 * test compacts the whole server. See docs/store.md for starting etcd in CI.
 */
class EtcdStateStoreContractTest extends StateStoreContractTest {

  static final String ENDPOINT_PROPERTY = "lightpath.etcd.endpoint";

  @Override
  protected StateStore createStore() {
    String endpoint = System.getProperty(ENDPOINT_PROPERTY);
    assumeTrue(endpoint != null && !endpoint.isBlank(), "no etcd: set -D" + ENDPOINT_PROPERTY);
    return EtcdStateStore.connect(endpoint);
  }

  /** Each increment is a network round trip plus an etcd fsync. */
  @Override
  protected int incrementsPerThread() {
    return 50;
  }
}
