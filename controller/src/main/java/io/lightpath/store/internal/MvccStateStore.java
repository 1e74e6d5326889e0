package io.lightpath.store.internal;

import io.lightpath.failpoint.Failpoints;
import io.lightpath.store.Bytes;
import io.lightpath.store.CompactedException;
import io.lightpath.store.Compare;
import io.lightpath.store.FutureRevisionException;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.LeaseGrant;
import io.lightpath.store.LeaseNotFoundException;
import io.lightpath.store.Op;
import io.lightpath.store.OpResult;
import io.lightpath.store.RangeResult;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Txn;
import io.lightpath.store.TxnResult;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * etcd's MVCC model over {@link Tables}. Tables:
 *
 * <ul>
 *   <li>{@code current}: key to its latest {@link KeyValue} (latest reads, compares);
 *   <li>{@code versions}: (key, revision) to every put and deletion (reads at past revisions);
 *   <li>{@code log}: (revision, sub-revision) to the event (watch catch-up);
 *   <li>{@code leases}: lease id to TTL and deadline; {@code leaseKeys}: (lease id, key);
 *   <li>{@code meta}: revision, compact revision, next lease id.
 * </ul>
 *
 * <p>The first four belong to the {@link Keyspace}; this class owns locking, transactions (group
 * commit), watches, compaction bookkeeping and leases.
 *
 * <p>Writers are serialised by a write lock held across the durable commit, so a revision is
 * visible to readers and watchers only once it is durable; concurrent transactions share one
 * commit (group commit, see {@link #txn}). Readers share a read lock.
 */
public class MvccStateStore implements StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(MvccStateStore.class);

  /** Failpoint reached after a write is applied to the tables, before the durable commit. */
  public static final String FAILPOINT_BEFORE_COMMIT = "store.before-commit";

  /** Failpoint reached after the durable commit, before the write is visible or acknowledged. */
  public static final String FAILPOINT_AFTER_COMMIT = "store.after-commit";

  /** The revision of an empty store, as in etcd. */
  public static final long INITIAL_REVISION = 1;

  private static final byte[] META_REVISION = Bytes.utf8("revision").toByteArray();
  private static final byte[] META_COMPACT = Bytes.utf8("compactRevision").toByteArray();
  private static final byte[] META_NEXT_LEASE = Bytes.utf8("nextLeaseId").toByteArray();
  private static final byte[] EMPTY = new byte[0];

  private final Tables tables;
  private final Clock clock;
  private final Keyspace keyspace;
  private final SortedTable leases;
  private final SortedTable meta;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Lock readLock = lock.readLock();
  private final Lock writeLock = lock.writeLock();
  private final LeaseSchedule leaseSchedule = new LeaseSchedule();
  private final WatchHub watchHub;
  private final Queue<PendingTxn> pendingTxns = new ConcurrentLinkedQueue<>();

  private volatile long revision;
  private volatile long compactRevision;
  private long nextLeaseId;
  private volatile boolean closed;
  private ScheduledExecutorService leaseReaper;

  /**
   * Opens the engine on {@code tables}, recovering revision, compaction point and leases.
   *
   * @param clock drives lease expiry; tests pass a manual clock
   */
  protected MvccStateStore(String name, Tables tables, Clock clock) {
    this.tables = tables;
    this.clock = clock;
    this.keyspace = new Keyspace(tables);
    this.leases = tables.table("leases");
    this.meta = tables.table("meta");
    this.revision = readMeta(META_REVISION, INITIAL_REVISION);
    this.compactRevision = readMeta(META_COMPACT, 0);
    this.nextLeaseId = readMeta(META_NEXT_LEASE, 1);
    for (Iterator<Map.Entry<byte[], byte[]>> it = leases.scan(EMPTY, null); it.hasNext(); ) {
      Map.Entry<byte[], byte[]> e = it.next();
      leaseSchedule.set(KeyCodec.readLong(e.getKey()), RecordCodec.leaseDeadlineMillis(e.getValue()));
    }
    this.watchHub = new WatchHub(name);
  }

  private long readMeta(byte[] key, long defaultValue) {
    byte[] value = meta.get(key);
    return value == null ? defaultValue : KeyCodec.readLong(value);
  }

  @Override
  public long revision() {
    checkOpen();
    return revision;
  }

  /** The compaction revision: reads below it fail. 0 when never compacted. */
  public long compactRevision() {
    return compactRevision;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public RangeResult range(KeyRange range, long atRevision) {
    expireLeasesIfDue();
    readLock.lock();
    try {
      checkOpen();
      long rev = revision;
      if (atRevision == 0 || atRevision == rev) {
        return new RangeResult(keyspace.scanCurrent(range), rev);
      }
      checkReadable(atRevision);
      return new RangeResult(keyspace.scanAt(range, atRevision), atRevision);
    } finally {
      readLock.unlock();
    }
  }

  private void checkReadable(long atRevision) {
    if (atRevision < 0) {
      throw new IllegalArgumentException("revision must be >= 0: " + atRevision);
    }
    if (atRevision > revision) {
      throw new FutureRevisionException(atRevision, revision);
    }
    if (atRevision < compactRevision) {
      throw new CompactedException(atRevision, compactRevision);
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * Group commit: the caller queues its transaction and takes the write lock; whoever gets the
   * lock first applies every queued transaction in order (each with its own revision) and makes
   * them durable with one commit, so concurrent writers share an fsync. A caller whose
   * transaction was committed by another thread finds it done when it gets the lock. Revisions
   * become visible only after the commit, as before.
   */
  @Override
  public TxnResult txn(Txn txn) {
    PendingTxn mine = new PendingTxn(txn);
    pendingTxns.add(mine);
    writeLock.lock();
    try {
      if (!mine.done) {
        runGroup();
      }
    } finally {
      writeLock.unlock();
    }
    if (mine.error != null) {
      throw mine.error;
    }
    return mine.result;
  }

  /** A queued transaction; fields are guarded by the write lock. */
  private static final class PendingTxn {
    final Txn txn;
    TxnResult result;
    RuntimeException error;
    boolean done;

    PendingTxn(Txn txn) {
      this.txn = txn;
    }
  }

  private void runGroup() {
    List<PendingTxn> group = new ArrayList<>();
    for (PendingTxn p = pendingTxns.poll(); p != null; p = pendingTxns.poll()) {
      group.add(p);
    }
    long rev = revision;
    List<WriteBatch> staged = new ArrayList<>();
    try {
      checkOpen();
      expireDueLocked();
      rev = revision;
      for (PendingTxn p : group) {
        WriteBatch batch = new WriteBatch(rev + 1);
        try {
          p.result = applyTxn(p.txn, batch);
        } catch (LeaseNotFoundException e) {
          p.error = e; // detected before the transaction wrote anything
          continue;
        }
        if (!batch.events.isEmpty()) {
          keyspace.stage(batch);
          staged.add(batch);
          rev = batch.revision;
        }
        p.result = new TxnResult(p.result.succeeded(), rev, p.result.results());
      }
      if (!staged.isEmpty()) {
        meta.put(META_REVISION, KeyCodec.longKey(rev));
        commitDurably();
      }
    } catch (RuntimeException | Error e) {
      // Undo everything uncommitted (an Error too: a half-applied group must never reach a later
      // commit) and fail every transaction of the group that has no error of its own.
      rollbackAfter(e);
      StoreException forOthers =
          e instanceof StoreException se ? se : new StoreException("transaction not applied: " + e, e);
      for (PendingTxn p : group) {
        if (p.error == null) {
          p.error = e instanceof RuntimeException re ? re : forOthers;
        }
        p.done = true;
      }
      if (e instanceof Error error) {
        throw error;
      }
      return;
    }
    revision = rev;
    for (WriteBatch batch : staged) {
      watchHub.publish(batch.events);
    }
    for (PendingTxn p : group) {
      p.done = true;
    }
  }

  /** Evaluates the compares and applies the chosen branch to the tables (not yet committed). */
  private TxnResult applyTxn(Txn txn, WriteBatch batch) {
    boolean succeeded = true;
    for (Compare compare : txn.compares()) {
      if (!compare.test(keyspace.get(compare.key()))) {
        succeeded = false;
        break;
      }
    }
    List<Op> ops = succeeded ? txn.success() : txn.failure();
    for (Op op : ops) {
      if (op instanceof Op.Put put
          && put.leaseId() != 0
          && leases.get(KeyCodec.longKey(put.leaseId())) == null) {
        throw new LeaseNotFoundException(put.leaseId());
      }
    }
    List<OpResult> results = new ArrayList<>(ops.size());
    for (Op op : ops) {
      results.add(apply(batch, op));
    }
    return new TxnResult(succeeded, batch.revision, results);
  }

  private OpResult apply(WriteBatch batch, Op op) {
    if (op instanceof Op.Put put) {
      return new OpResult.PutResult(keyspace.put(batch, put));
    } else if (op instanceof Op.Delete delete) {
      return new OpResult.DeleteResult(keyspace.delete(batch, delete.range()));
    } else {
      return new OpResult.GetResult(keyspace.scanCurrent(((Op.Get) op).range()));
    }
  }

  private void commitDurably() {
    Failpoints.hit(FAILPOINT_BEFORE_COMMIT);
    tables.commit();
    Failpoints.hit(FAILPOINT_AFTER_COMMIT);
  }

  /**
   * Logs the batch's events, advances the revision and commits durably, then publishes to
   * watchers. A batch without events commits only what else was changed (e.g. lease records) and
   * keeps the revision.
   */
  private void finishWrite(WriteBatch batch) {
    if (!batch.events.isEmpty()) {
      keyspace.stage(batch);
      meta.put(META_REVISION, KeyCodec.longKey(batch.revision));
    }
    commitDurably();
    if (!batch.events.isEmpty()) {
      revision = batch.revision;
      watchHub.publish(batch.events);
    }
  }

  // ---------------------------------------------------------------- watch

  @Override
  public Watch watch(KeyRange range, long fromRevision, WatchListener listener) {
    if (fromRevision < 0) {
      throw new IllegalArgumentException("revision must be >= 0: " + fromRevision);
    }
    expireLeasesIfDue();
    // The read lock excludes writers, so no revision lands between the backlog and registration.
    readLock.lock();
    try {
      checkOpen();
      long start = fromRevision == 0 ? revision + 1 : fromRevision;
      if (start < compactRevision) {
        return watchHub.failed(listener, new CompactedException(start, compactRevision));
      }
      List<WatchEvent> backlog = new ArrayList<>();
      if (start <= revision) {
        backlog.addAll(keyspace.eventsSince(start, range));
      }
      return watchHub.register(range, start, listener, backlog);
    } finally {
      readLock.unlock();
    }
  }

  // ---------------------------------------------------------------- compaction

  @Override
  public void compact(long atRevision) {
    writeLock.lock();
    try {
      checkOpen();
      if (atRevision > revision) {
        throw new FutureRevisionException(atRevision, revision);
      }
      if (atRevision <= compactRevision) {
        throw new CompactedException(atRevision, compactRevision);
      }
      try {
        keyspace.compact(compactRevision, atRevision);
        meta.put(META_COMPACT, KeyCodec.longKey(atRevision));
        tables.commit();
      } catch (RuntimeException | Error e) {
        rollbackAfter(e);
        throw e;
      }
      compactRevision = atRevision;
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- leases

  @Override
  public LeaseGrant grantLease(Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("lease TTL must be at least 1 s: " + ttl);
    }
    // Whole seconds, rounded up, as etcd grants them.
    long ttlMillis = Math.multiplyExact((ttl.toMillis() + 999) / 1000, 1000L);
    writeLock.lock();
    try {
      checkOpen();
      expireDueLocked();
      long id = nextLeaseId;
      long deadline = clock.millis() + ttlMillis;
      try {
        leases.put(KeyCodec.longKey(id), RecordCodec.encodeLease(ttlMillis, deadline));
        meta.put(META_NEXT_LEASE, KeyCodec.longKey(id + 1));
        tables.commit();
      } catch (RuntimeException | Error e) {
        rollbackAfter(e);
        throw e;
      }
      nextLeaseId = id + 1;
      leaseSchedule.set(id, deadline);
      return new LeaseGrant(id, Duration.ofMillis(ttlMillis));
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Duration keepAlive(long leaseId) {
    writeLock.lock();
    try {
      checkOpen();
      expireDueLocked();
      byte[] rec = leases.get(KeyCodec.longKey(leaseId));
      if (rec == null) {
        throw new LeaseNotFoundException(leaseId);
      }
      long ttlMillis = RecordCodec.leaseTtlMillis(rec);
      long deadline = clock.millis() + ttlMillis;
      try {
        leases.put(KeyCodec.longKey(leaseId), RecordCodec.encodeLease(ttlMillis, deadline));
        tables.commit();
      } catch (RuntimeException | Error e) {
        rollbackAfter(e);
        throw e;
      }
      leaseSchedule.set(leaseId, deadline);
      return Duration.ofMillis(ttlMillis);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void revokeLease(long leaseId) {
    writeLock.lock();
    try {
      checkOpen();
      expireDueLocked();
      if (leases.get(KeyCodec.longKey(leaseId)) == null) {
        throw new LeaseNotFoundException(leaseId);
      }
      revokeLocked(leaseId);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Optional<Duration> leaseTimeToLive(long leaseId) {
    expireLeasesIfDue();
    readLock.lock();
    try {
      checkOpen();
      byte[] rec = leases.get(KeyCodec.longKey(leaseId));
      if (rec == null) {
        return Optional.empty();
      }
      long remaining = RecordCodec.leaseDeadlineMillis(rec) - clock.millis();
      return Optional.of(Duration.ofMillis(Math.max(0, remaining)));
    } finally {
      readLock.unlock();
    }
  }

  /**
   * Revokes every lease whose deadline has passed on the injected clock. Every operation calls
   * this first; a backend that should expire leases while idle calls it from a timer.
   */
  public void expireLeases() {
    if (clock.millis() < leaseSchedule.nextDeadlineMillis()) {
      return;
    }
    writeLock.lock();
    try {
      if (!closed) {
        expireDueLocked();
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void expireLeasesIfDue() {
    if (clock.millis() >= leaseSchedule.nextDeadlineMillis()) {
      expireLeases();
    }
  }

  private void expireDueLocked() {
    long now = clock.millis();
    for (long id = leaseSchedule.firstDue(now); id != 0; id = leaseSchedule.firstDue(now)) {
      revokeLocked(id);
    }
  }

  /** Deletes the lease and, in one new revision, every key attached to it. */
  private void revokeLocked(long leaseId) {
    byte[] prefix = KeyCodec.longKey(leaseId);
    List<Bytes> keys = keyspace.keysOfLease(leaseId);
    WriteBatch batch = new WriteBatch(revision + 1);
    try {
      for (Bytes key : keys) {
        KeyValue prev = keyspace.get(key);
        if (prev != null) {
          keyspace.deleteKey(batch, prev);
        }
      }
      leases.remove(prefix);
      finishWrite(batch);
    } catch (RuntimeException | Error e) {
      rollbackAfter(e);
      throw e;
    }
    leaseSchedule.remove(leaseId);
  }

  /**
   * Expires leases every {@code interval} even when no operation arrives, so watchers see the
   * deletions of an idle store. Without it, leases expire lazily at the next operation.
   */
  protected final synchronized void startLeaseReaper(Duration interval, String name) {
    if (leaseReaper != null) {
      return;
    }
    leaseReaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-lease-reaper");
              t.setDaemon(true);
              return t;
            });
    long periodMillis = interval.toMillis();
    leaseReaper.scheduleWithFixedDelay(
        this::expireLeasesQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void expireLeasesQuietly() {
    try {
      expireLeases();
    } catch (RuntimeException e) {
      // Keep the timer alive; the next operation retries the expiry and reports the failure.
      LOG.warn("lease expiry failed", e);
    }
  }

  /** Undoes uncommitted changes after {@code cause}; a failing rollback must not hide the cause. */
  private void rollbackAfter(Throwable cause) {
    try {
      tables.rollback();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  private void checkOpen() {
    if (closed) {
      throw new StoreException("store is closed");
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      synchronized (this) {
        if (leaseReaper != null) {
          leaseReaper.shutdown();
        }
      }
      watchHub.close();
      tables.close();
    } finally {
      writeLock.unlock();
    }
  }
}
