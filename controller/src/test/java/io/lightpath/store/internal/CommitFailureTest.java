package io.lightpath.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.failpoint.FailpointException;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import io.lightpath.store.LeaseGrant;
import io.lightpath.store.ManualClock;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A write that fails before its commit (injected with a failpoint) leaves no trace. */
class CommitFailureTest {

  @TempDir Path dataDir;

  static Stream<Function<Path, StateStore>> backends() {
    return Stream.of(dir -> new InMemoryStateStore(new ManualClock()), dir -> MvStateStore.open(dir, new ManualClock()));
  }

  @AfterEach
  void reset() {
    Failpoints.disableAll();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void failureBeforeCommitRollsBackTheWholeTransaction(Function<Path, StateStore> backend) {
    try (StateStore store = backend.apply(dataDir)) {
      store.put("a", "1");
      long before = store.revision();
      Failpoints.enable(MvccStateStore.FAILPOINT_BEFORE_COMMIT + ":error*1");
      assertThrows(
          FailpointException.class,
          () -> store.txn(Txn.of(Op.put("a", "2"), Op.put("b", "2"), Op.delete(KeyRange.key(Bytes.utf8("c"))))));
      assertEquals(before, store.revision());
      assertEquals("1", store.get("a").orElseThrow().valueUtf8());
      assertEquals(1, store.get("a").orElseThrow().version());
      assertTrue(store.get("b").isEmpty());
      assertTrue(store.range(KeyRange.all(), before).count() == 1);

      long next = store.put("b", "3");
      assertEquals(before + 1, next, "the failed revision number is not burnt");
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void failedLeaseRevocationKeepsLeaseAndKeys(Function<Path, StateStore> backend) {
    try (StateStore store = backend.apply(dataDir)) {
      LeaseGrant lease = store.grantLease(Duration.ofSeconds(5));
      store.put(Bytes.utf8("l"), Bytes.utf8("x"), lease.id());
      Failpoints.enable(MvccStateStore.FAILPOINT_BEFORE_COMMIT + ":error*1");
      assertThrows(FailpointException.class, () -> store.revokeLease(lease.id()));
      assertTrue(store.get("l").isPresent());
      assertTrue(store.leaseTimeToLive(lease.id()).isPresent());
      store.revokeLease(lease.id());
      assertTrue(store.get("l").isEmpty());
    }
  }
}
