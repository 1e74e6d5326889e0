package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lightpath.store.Compare.Operator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link StateStore} contract, run against every backend by a subclass (grpc-java's
 * AbstractInteropTest style). Every test works under its own random key prefix so backends that
 * share a server (etcd) can run it, and asserts revisions relative to the store's current one.
 */
@SuppressWarnings("try") // try-with-resources closes watches the body never names
public abstract class StateStoreContractTest {

  protected StateStore store;
  private String prefix;

  /** A new store for one test; the subclass owns its clock and data directory. */
  protected abstract StateStore createStore() throws Exception;

  /** Whether {@link #advanceClock} drives lease expiry (false for a real etcd server). */
  protected boolean hasManualClock() {
    return false;
  }

  protected void advanceClock(Duration by) {
    throw new UnsupportedOperationException();
  }

  /** Whether {@link #reopen} closes and reopens the same data. */
  protected boolean supportsRestart() {
    return false;
  }

  /** Closes the store and opens the same data again. */
  protected StateStore reopen(StateStore old) throws Exception {
    throw new UnsupportedOperationException();
  }

  @BeforeEach
  void openStore() throws Exception {
    prefix = "contract/" + UUID.randomUUID() + "/";
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected Bytes k(String name) {
    return Bytes.utf8(prefix + name);
  }

  protected static Bytes v(String value) {
    return Bytes.utf8(value);
  }

  protected KeyRange all() {
    return KeyRange.prefix(prefix);
  }

  private List<String> keysIn(RangeResult result) {
    List<String> names = new ArrayList<>();
    for (KeyValue kv : result.kvs()) {
      names.add(kv.key().toUtf8().substring(prefix.length()));
    }
    return names;
  }

  // ------------------------------------------------------------------ basic KV

  @Test
  void putAssignsRevisionsAndVersions() {
    long start = store.revision();
    long rev1 = store.put(k("a"), v("1"));
    assertEquals(start + 1, rev1);
    KeyValue kv = store.get(k("a")).orElseThrow();
    assertEquals("1", kv.valueUtf8());
    assertEquals(rev1, kv.createRevision());
    assertEquals(rev1, kv.modRevision());
    assertEquals(1, kv.version());
    assertEquals(0, kv.leaseId());

    long rev2 = store.put(k("a"), v("2"));
    assertEquals(rev1 + 1, rev2);
    KeyValue updated = store.get(k("a")).orElseThrow();
    assertEquals("2", updated.valueUtf8());
    assertEquals(rev1, updated.createRevision());
    assertEquals(rev2, updated.modRevision());
    assertEquals(2, updated.version());
    assertEquals(rev2, store.revision());
  }

  @Test
  void deleteRemovesKeyAndRecreationStartsNewLife() {
    long rev1 = store.put(k("a"), v("1"));
    store.put(k("a"), v("2"));
    assertEquals(1, store.delete(KeyRange.key(k("a"))));
    assertTrue(store.get(k("a")).isEmpty());
    long afterDelete = store.revision();
    assertEquals(rev1 + 2, afterDelete);

    long rev4 = store.put(k("a"), v("3"));
    KeyValue kv = store.get(k("a")).orElseThrow();
    assertEquals(1, kv.version());
    assertEquals(rev4, kv.createRevision());
  }

  @Test
  void deletingNothingKeepsTheRevision() {
    store.put(k("a"), v("1"));
    long before = store.revision();
    assertEquals(0, store.delete(KeyRange.key(k("missing"))));
    assertEquals(before, store.revision());
  }

  @Test
  void prefixRangeIsSortedUnsignedAndExcludesOtherPrefixes() {
    store.put(k("dir/b"), v("b"));
    store.put(k("dir/a"), v("a"));
    store.put(Bytes.utf8(prefix + "dir/").concat(Bytes.of(new byte[] {(byte) 0xff})), v("ff"));
    store.put(Bytes.utf8(prefix + "dir/").concat(Bytes.of(new byte[] {0x00})), v("00"));
    store.put(k("dir"), v("not under dir/"));
    store.put(k("dis"), v("other"));

    RangeResult result = store.range(KeyRange.prefix(k("dir/")));
    List<String> values = new ArrayList<>();
    result.kvs().forEach(kv -> values.add(kv.valueUtf8()));
    assertEquals(List.of("00", "a", "b", "ff"), values);
    assertEquals(store.revision(), result.revision());
    assertEquals(List.of("dir", "dir/\u0000"), keysIn(store.range(KeyRange.between(k("dir"), k("dir/a")))));
    assertEquals(6, store.range(all()).count());
  }

  @Test
  void rangeAtPastRevisionIsASnapshot() {
    long rev1 = store.put(k("a"), v("1"));
    store.put(k("b"), v("1"));
    long rev3 = store.put(k("a"), v("2"));
    store.delete(KeyRange.key(k("b")));
    store.put(k("c"), v("1"));

    RangeResult atRev1 = store.range(all(), rev1);
    assertEquals(List.of("a"), keysIn(atRev1));
    assertEquals("1", atRev1.kvs().get(0).valueUtf8());
    assertEquals(rev1, atRev1.revision());

    RangeResult atRev3 = store.range(all(), rev3);
    assertEquals(List.of("a", "b"), keysIn(atRev3));
    assertEquals("2", atRev3.kvs().get(0).valueUtf8());
    assertEquals(2, atRev3.kvs().get(0).version());
    assertEquals(rev3, atRev3.kvs().get(0).modRevision());

    assertEquals(List.of("a", "c"), keysIn(store.range(all())));
    assertEquals(
        "1", store.range(KeyRange.key(k("b")), rev3 - 1).first().orElseThrow().valueUtf8());
    assertThrows(FutureRevisionException.class, () -> store.range(all(), store.revision() + 10));
  }

  @Test
  void emptyKeyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Op.put(Bytes.EMPTY, v("x")));
  }

  // ------------------------------------------------------------------ transactions

  @Test
  void txnRunsSuccessBranchWhenComparesHold() {
    long rev1 = store.put(k("a"), v("1"));
    TxnResult result =
        store.txn(
            Txn.builder()
                .when(
                    Compare.value(k("a"), Operator.EQUAL, v("1")),
                    Compare.version(k("a"), Operator.EQUAL, 1),
                    Compare.modRevision(k("a"), Operator.EQUAL, rev1),
                    Compare.createRevision(k("a"), Operator.LESS, rev1 + 1),
                    Compare.absent(k("b")))
                .then(Op.put(k("a"), v("2")), Op.put(k("b"), v("2")))
                .otherwise(Op.put(k("failed"), v("yes")))
                .build());
    assertTrue(result.succeeded());
    assertEquals(rev1 + 1, result.revision());
    assertEquals(rev1 + 1, store.get(k("a")).orElseThrow().modRevision());
    assertEquals(rev1 + 1, store.get(k("b")).orElseThrow().modRevision(), "one revision per txn");
    assertTrue(store.get(k("failed")).isEmpty());
    OpResult.PutResult first = assertInstanceOf(OpResult.PutResult.class, result.results().get(0));
    assertEquals("1", first.previous().valueUtf8());
  }

  @Test
  void txnRunsFailureBranchWhenACompareFails() {
    store.put(k("a"), v("1"));
    TxnResult result =
        store.txn(
            Txn.builder()
                .when(Compare.exists(k("a")), Compare.value(k("a"), Operator.GREATER, v("5")))
                .then(Op.delete(k("a")))
                .otherwise(Op.put(k("else"), v("ran")), Op.get(KeyRange.key(k("a"))))
                .build());
    assertFalse(result.succeeded());
    assertEquals("ran", store.get(k("else")).orElseThrow().valueUtf8());
    assertTrue(store.get(k("a")).isPresent());
    OpResult.GetResult get = assertInstanceOf(OpResult.GetResult.class, result.results().get(1));
    assertEquals("1", get.kvs().get(0).valueUtf8());
  }

  @Test
  void valueCompareOnMissingKeyIsFalseAndVersionIsZero() {
    assertFalse(
        store.txn(Txn.builder().when(Compare.value(k("none"), Operator.NOT_EQUAL, v("x"))).build())
            .succeeded());
    assertTrue(
        store.txn(Txn.builder().when(Compare.version(k("none"), Operator.EQUAL, 0)).build())
            .succeeded());
    assertTrue(
        store.txn(Txn.builder().when(Compare.createRevision(k("none"), Operator.EQUAL, 0)).build())
            .succeeded());
  }

  @Test
  void readOnlyTxnKeepsRevisionAndGetSeesEarlierWrites() {
    store.put(k("a"), v("1"));
    long before = store.revision();
    TxnResult readOnly = store.txn(Txn.of(Op.get(all())));
    assertEquals(before, readOnly.revision());
    assertEquals(before, store.revision());

    TxnResult writeThenRead =
        store.txn(Txn.of(Op.put(k("b"), v("2")), Op.get(KeyRange.key(k("b")))));
    OpResult.GetResult get =
        assertInstanceOf(OpResult.GetResult.class, writeThenRead.results().get(1));
    assertEquals("2", get.kvs().get(0).valueUtf8());
  }

  @Test
  void txnDeleteRangeDeletesEveryKeyInOneRevision() {
    store.put(k("d/1"), v("1"));
    store.put(k("d/2"), v("2"));
    store.put(k("e"), v("3"));
    TxnResult result = store.txn(Txn.of(Op.delete(KeyRange.prefix(k("d/")))));
    assertEquals(2, ((OpResult.DeleteResult) result.results().get(0)).deleted());
    assertEquals(List.of("e"), keysIn(store.range(all())));
  }

  @Test
  void txnWritingAKeyTwiceIsRejectedAndAppliesNothing() {
    long before = store.revision();
    assertThrows(
        IllegalArgumentException.class,
        () -> store.txn(Txn.of(Op.put(k("x"), v("1")), Op.put(k("x"), v("2")))));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.txn(Txn.of(Op.put(k("p/x"), v("1")), Op.delete(KeyRange.prefix(k("p/"))))));
    assertEquals(before, store.revision());
    assertTrue(store.get(k("x")).isEmpty());
  }

  @Test
  void txnWithUnknownLeaseAppliesNothing() {
    long before = store.revision();
    assertThrows(
        LeaseNotFoundException.class,
        () -> store.txn(Txn.of(Op.put(k("ok"), v("1")), Op.put(k("leased"), v("1"), 987654321L))));
    assertTrue(store.get(k("ok")).isEmpty());
    assertEquals(before, store.revision());
  }

  // ------------------------------------------------------------------ watch

  @Test
  void watchFromNowSeesPutsAndDeletesInOrder() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (Watch watch = store.watch(KeyRange.prefix(k("w/")), 0, listener)) {
      long rev1 = store.put(k("w/a"), v("1"));
      store.put(k("other"), v("ignored"));
      long rev3 = store.put(k("w/a"), v("2"));
      store.delete(KeyRange.key(k("w/a")));
      long rev5 = store.revision();

      List<WatchEvent> events = listener.next(3);
      assertEquals(WatchEvent.Type.PUT, events.get(0).type());
      assertEquals(rev1, events.get(0).revision());
      assertEquals("1", events.get(0).kv().valueUtf8());
      assertEquals(rev3, events.get(1).revision());
      assertEquals(2, events.get(1).kv().version());
      assertEquals(WatchEvent.Type.DELETE, events.get(2).type());
      assertEquals(rev5, events.get(2).revision());
      assertEquals(k("w/a"), events.get(2).kv().key());
    }
  }

  @Test
  void watchFromOldRevisionReplaysEverythingThenFollows() throws Exception {
    long rev1 = store.put(k("a"), v("1"));
    store.put(k("b"), v("1"));
    store.txn(Txn.of(Op.put(k("a"), v("2")), Op.put(k("c"), v("2"))));
    store.delete(KeyRange.key(k("b")));

    RecordingListener listener = new RecordingListener();
    try (Watch watch = store.watch(all(), rev1 + 1, listener)) {
      long live = store.put(k("d"), v("live"));
      List<WatchEvent> events = listener.next(5);
      List<String> seen = new ArrayList<>();
      for (WatchEvent e : events) {
        seen.add(e.type() + " " + e.kv().key().toUtf8().substring(prefix.length()) + "@" + (e.revision() - rev1));
      }
      assertEquals(List.of("PUT b@1", "PUT a@2", "PUT c@2", "DELETE b@3", "PUT d@4"), seen);
      assertEquals(live, events.get(4).revision());
    }
  }

  @Test
  void closedWatchStopsDelivering() throws Exception {
    RecordingListener listener = new RecordingListener();
    Watch watch = store.watch(all(), 0, listener);
    store.put(k("a"), v("1"));
    listener.next();
    watch.close();
    store.put(k("a"), v("2"));
    // A marker watch proves the second put has been dispatched before we check the first one.
    RecordingListener marker = new RecordingListener();
    try (Watch m = store.watch(all(), store.revision(), marker)) {
      marker.next();
    }
    assertTrue(listener.events.isEmpty(), "closed watch got " + listener.events);
  }

  // ------------------------------------------------------------------ compaction

  @Test
  void compactionDropsOldRevisionsWithClearErrors() throws Exception {
    long rev1 = store.put(k("a"), v("1"));
    long rev2 = store.put(k("a"), v("2"));
    store.put(k("b"), v("1"));
    store.delete(KeyRange.key(k("b")));
    long rev5 = store.put(k("a"), v("3"));

    store.compact(rev2);
    CompactedException e = assertThrows(CompactedException.class, () -> store.range(all(), rev1));
    assertEquals(rev2, e.compactRevision());
    assertTrue(e.getMessage().contains("compacted"), e.getMessage());
    assertEquals("2", store.range(KeyRange.key(k("a")), rev2).first().orElseThrow().valueUtf8());
    assertEquals(List.of("a", "b"), keysIn(store.range(all(), rev2 + 1)));
    assertEquals("3", store.get(k("a")).orElseThrow().valueUtf8());
    assertEquals(rev5, store.revision(), "compaction does not change the revision");

    RecordingListener listener = new RecordingListener();
    store.watch(all(), rev1, listener);
    assertInstanceOf(CompactedException.class, listener.awaitError());

    RecordingListener after = new RecordingListener();
    try (Watch w = store.watch(all(), rev2 + 1, after)) {
      assertEquals(rev2 + 1, after.next().revision());
    }

    assertThrows(CompactedException.class, () -> store.compact(rev2));
    assertThrows(FutureRevisionException.class, () -> store.compact(store.revision() + 100));
  }

  // ------------------------------------------------------------------ leases

  @Test
  void leaseRevokeDeletesAttachedKeysInOneRevision() throws Exception {
    LeaseGrant lease = store.grantLease(Duration.ofSeconds(30));
    assertTrue(lease.ttl().compareTo(Duration.ofSeconds(30)) >= 0);
    store.put(k("l/1"), v("1"), lease.id());
    store.put(k("l/2"), v("2"), lease.id());
    store.put(k("plain"), v("3"));
    assertEquals(lease.id(), store.get(k("l/1")).orElseThrow().leaseId());
    assertTrue(store.leaseTimeToLive(lease.id()).isPresent());

    RecordingListener listener = new RecordingListener();
    try (Watch w = store.watch(all(), 0, listener)) {
      store.revokeLease(lease.id());
      List<WatchEvent> events = listener.next(2);
      assertEquals(WatchEvent.Type.DELETE, events.get(0).type());
      assertEquals(events.get(0).revision(), events.get(1).revision());
      assertEquals(store.revision(), events.get(0).revision());
    }
    assertEquals(List.of("plain"), keysIn(store.range(all())));
    assertTrue(store.leaseTimeToLive(lease.id()).isEmpty());
    assertThrows(LeaseNotFoundException.class, () -> store.keepAlive(lease.id()));
    assertThrows(LeaseNotFoundException.class, () -> store.revokeLease(lease.id()));
    assertThrows(LeaseNotFoundException.class, () -> store.put(k("late"), v("x"), lease.id()));
  }

  @Test
  void leaseExpiresOnTheClockUnlessKeptAlive() {
    assumeTrue(hasManualClock(), "lease expiry needs an injected clock");
    LeaseGrant lease = store.grantLease(Duration.ofSeconds(10));
    store.put(k("session"), v("alive"), lease.id());
    advanceClock(Duration.ofSeconds(8));
    assertEquals(Duration.ofSeconds(10), store.keepAlive(lease.id()));
    advanceClock(Duration.ofSeconds(8));
    assertTrue(store.get(k("session")).isPresent(), "keep-alive restarted the TTL");
    assertEquals(Duration.ofSeconds(2), store.leaseTimeToLive(lease.id()).orElseThrow());

    long before = store.revision();
    advanceClock(Duration.ofSeconds(3));
    assertTrue(store.get(k("session")).isEmpty());
    assertEquals(before + 1, store.revision(), "expiry deletes the keys in one revision");
    assertThrows(LeaseNotFoundException.class, () -> store.keepAlive(lease.id()));
  }

  @Test
  void reattachingAKeyMovesItToTheNewLease() {
    LeaseGrant first = store.grantLease(Duration.ofSeconds(30));
    LeaseGrant second = store.grantLease(Duration.ofSeconds(30));
    assertTrue(first.id() != second.id());
    store.put(k("x"), v("1"), first.id());
    store.put(k("x"), v("2"), second.id());
    store.revokeLease(first.id());
    assertEquals("2", store.get(k("x")).orElseThrow().valueUtf8());
    store.put(k("x"), v("3"));
    store.revokeLease(second.id());
    assertEquals("3", store.get(k("x")).orElseThrow().valueUtf8(), "detached by a plain put");
  }

  /** jetcd 0.8.7 has no lease compare target. */
  protected boolean supportsLeaseCompare() {
    return true;
  }

  @Test
  void leaseCompareSeesTheAttachedLease() {
    assumeTrue(supportsLeaseCompare(), "backend has no lease compare");
    LeaseGrant lease = store.grantLease(Duration.ofSeconds(30));
    store.put(k("x"), v("1"), lease.id());
    assertTrue(
        store.txn(Txn.builder().when(Compare.lease(k("x"), Operator.EQUAL, lease.id())).build()).succeeded());
    assertTrue(
        store.txn(Txn.builder().when(Compare.lease(k("missing"), Operator.EQUAL, 0)).build()).succeeded());
    store.put(k("x"), v("2"));
    assertFalse(
        store.txn(Txn.builder().when(Compare.lease(k("x"), Operator.EQUAL, lease.id())).build()).succeeded());
  }

  @Test
  void leaseTtlBelowOneSecondIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> store.grantLease(Duration.ofMillis(10)));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void concurrentCompareAndSetIncrementsLoseNoUpdate() throws Exception {
    int threads = 8;
    int incrementsPerThread = incrementsPerThread();
    Bytes counter = k("counter");
    store.put(counter, v("0"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> retries = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      retries.add(
          pool.submit(
              () -> {
                start.await();
                int conflicts = 0;
                for (int i = 0; i < incrementsPerThread; ) {
                  KeyValue kv = store.get(counter).orElseThrow();
                  long next = Long.parseLong(kv.valueUtf8()) + 1;
                  TxnResult r =
                      store.txn(
                          Txn.builder()
                              .when(Compare.modRevision(counter, Operator.EQUAL, kv.modRevision()))
                              .then(Op.put(counter, v(Long.toString(next))))
                              .build());
                  if (r.succeeded()) {
                    i++;
                  } else {
                    conflicts++;
                  }
                }
                return conflicts;
              }));
    }
    start.countDown();
    for (Future<Integer> f : retries) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    KeyValue fin = store.get(counter).orElseThrow();
    assertEquals(threads * incrementsPerThread, Long.parseLong(fin.valueUtf8()));
    assertEquals(threads * incrementsPerThread + 1, fin.version());
  }

  /** Fewer for backends where every commit is a disk sync or a network round trip. */
  protected int incrementsPerThread() {
    return 200;
  }

  @Test
  void watchSeesEveryRevisionExactlyOnceInOrderUnderConcurrentWriters() throws Exception {
    int writers = 4;
    int putsPerWriter = incrementsPerThread() / 2;
    RecordingListener listener = new RecordingListener();
    try (Watch watch = store.watch(KeyRange.prefix(k("w/")), 0, listener)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  List<Long> revs = new ArrayList<>();
                  for (int i = 0; i < putsPerWriter; i++) {
                    revs.add(store.put(k("w/" + id + "/" + (i % 5)), v(Integer.toString(i))));
                  }
                  return revs;
                }));
      }
      Set<Long> written = new TreeSet<>();
      for (Future<List<Long>> f : futures) {
        written.addAll(f.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      List<Long> seen = new ArrayList<>();
      for (WatchEvent e : listener.next(writers * putsPerWriter)) {
        seen.add(e.revision());
      }
      List<Long> sorted = new ArrayList<>(seen);
      Collections.sort(sorted);
      assertEquals(sorted, seen, "in revision order");
      assertEquals(written.size(), seen.size(), "each revision once");
      assertEquals(new ArrayList<>(written), seen);
    }
  }

  @Test
  void watchStartedFromThePastWhileWritersRunMeetsTheLiveStreamExactly() throws Exception {
    int writers = 4;
    int putsPerWriter = incrementsPerThread() / 2;
    long from = store.put(k("w/start"), v("0"));
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch halfway = new CountDownLatch(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int id = t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < putsPerWriter; i++) {
                  store.put(k("w/" + id), v(Integer.toString(i)));
                  if (i == putsPerWriter / 2) {
                    halfway.countDown();
                  }
                }
                return null;
              }));
    }
    RecordingListener listener = new RecordingListener();
    halfway.await();
    // Started while writes are landing: the backlog/live hand-over is exercised under load.
    try (Watch watch = store.watch(KeyRange.prefix(k("w/")), from, listener)) {
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      int expected = 1 + writers * putsPerWriter;
      List<Long> seen = new ArrayList<>();
      for (WatchEvent e : listener.next(expected)) {
        seen.add(e.revision());
      }
      List<Long> all = new ArrayList<>();
      for (long r = from; r < from + expected; r++) {
        all.add(r);
      }
      assertEquals(all, seen, "every revision since the start, once, in order");
    }
  }

  // ------------------------------------------------------------------ restart

  @Test
  void restartKeepsDataRevisionsHistoryAndLeases() throws Exception {
    assumeTrue(supportsRestart(), "backend has no restart");
    long rev1 = store.put(k("a"), v("1"));
    long rev2 = store.put(k("a"), v("2"));
    LeaseGrant lease = store.grantLease(Duration.ofSeconds(10));
    store.put(k("leased"), v("x"), lease.id());
    store.delete(KeyRange.key(k("a")));
    long rev4 = store.put(k("b"), v("1"));
    store.compact(rev2);

    store = reopen(store);
    assertEquals(rev4, store.revision());
    KeyValue b = store.get(k("b")).orElseThrow();
    assertEquals(rev4, b.modRevision());
    assertTrue(store.get(k("a")).isEmpty());
    assertEquals("2", store.range(KeyRange.key(k("a")), rev2).first().orElseThrow().valueUtf8());
    assertThrows(CompactedException.class, () -> store.range(all(), rev1));
    assertEquals(lease.id(), store.get(k("leased")).orElseThrow().leaseId());

    RecordingListener listener = new RecordingListener();
    try (Watch w = store.watch(all(), rev2 + 1, listener)) {
      assertEquals(rev2 + 1, listener.next().revision());
    }
    long rev5 = store.put(k("c"), v("1"));
    assertEquals(rev4 + 1, rev5, "revisions continue after restart");
    LeaseGrant another = store.grantLease(Duration.ofSeconds(5));
    assertTrue(another.id() != lease.id(), "lease ids are not reused after restart");

    if (hasManualClock()) {
      advanceClock(Duration.ofSeconds(11));
      assertTrue(store.get(k("leased")).isEmpty(), "persisted deadline expires after restart");
    }
  }
}
