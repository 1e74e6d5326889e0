package io.lightpath.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A revisioned key-value store with etcd v3 semantics; the controller keeps all of its state here.
 *
 * <p>Every change gets a revision from one store-wide counter that only grows; all writes of one
 * {@link Txn} share a revision. Each key carries its create revision, mod revision and version.
 * Reads are consistent snapshots at one revision; a past revision can be read until it is
 * compacted. Watches deliver every change after a start revision, in revision order, once.
 * Leases expire keys attached to them when their time to live runs out without a keep-alive.
 *
 * <p>All methods are thread-safe. A write method returns only once the change is durable in the
 * backend (for the embedded store: committed and synced to disk). See docs/store.md.
 */
public interface StateStore extends AutoCloseable {

  /** The current revision: the revision of the latest change (1 for a store never written). */
  long revision();

  /**
   * Reads the keys in {@code range} as of {@code atRevision}.
   *
   * @param atRevision a revision to read at, or 0 for the current revision
   * @throws CompactedException when {@code atRevision} is older than the compaction revision
   * @throws FutureRevisionException when {@code atRevision} is newer than the current revision
   */
  RangeResult range(KeyRange range, long atRevision);

  /**
   * Runs a transaction atomically and durably.
   *
   * @throws LeaseNotFoundException when a put in the branch that runs names an unknown lease
   *     (nothing of the branch is applied)
   */
  TxnResult txn(Txn txn);

  /**
   * Watches the keys in {@code range}, starting with the changes at {@code fromRevision}. A start
   * revision that has been compacted ends the watch with {@link CompactedException} through
   * {@link WatchListener#onError}.
   *
   * @param fromRevision the first revision to deliver, or 0 for "changes after now"
   */
  Watch watch(KeyRange range, long fromRevision, WatchListener listener);

  /**
   * Discards the history before {@code revision}: afterwards reads at revisions below it fail
   * with {@link CompactedException}, reads at it or later still work. Does not change the
   * revision.
   *
   * @throws CompactedException when the store is already compacted at or beyond {@code revision}
   * @throws FutureRevisionException when {@code revision} is newer than the current revision
   */
  void compact(long revision);

  /**
   * Grants a lease. Keys put with the lease are deleted (in one revision) when it expires or is
   * revoked.
   *
   * @param ttl time to live, at least one second; whole seconds (etcd's unit)
   */
  LeaseGrant grantLease(Duration ttl);

  /**
   * Restarts the lease's time to live from now.
   *
   * @return the time to live granted
   * @throws LeaseNotFoundException when the lease has expired or never existed
   */
  Duration keepAlive(long leaseId);

  /**
   * Revokes a lease, deleting its keys.
   *
   * @throws LeaseNotFoundException when the lease has expired or never existed
   */
  void revokeLease(long leaseId);

  /** The lease's remaining time to live, or empty when it does not exist (any more). */
  Optional<Duration> leaseTimeToLive(long leaseId);

  /** Stops watches and releases resources; further calls fail with {@link StoreException}. */
  @Override
  void close();

  // Convenience methods, all defined in terms of the primitives above.

  default RangeResult range(KeyRange range) {
    return range(range, 0);
  }

  default Optional<KeyValue> get(Bytes key) {
    return range(KeyRange.key(key), 0).first();
  }

  default Optional<KeyValue> get(String key) {
    return get(Bytes.utf8(key));
  }

  /** Puts one key and returns the revision of the change. */
  default long put(Bytes key, Bytes value) {
    return txn(Txn.of(Op.put(key, value))).revision();
  }

  default long put(String key, String value) {
    return put(Bytes.utf8(key), Bytes.utf8(value));
  }

  /** Puts one key attached to a lease and returns the revision of the change. */
  default long put(Bytes key, Bytes value, long leaseId) {
    return txn(Txn.of(Op.put(key, value, leaseId))).revision();
  }

  /** Deletes the keys in {@code range}; returns how many were deleted. */
  default long delete(KeyRange range) {
    OpResult.DeleteResult result =
        (OpResult.DeleteResult) txn(Txn.of(Op.delete(range))).results().get(0);
    return result.deleted();
  }

  default long delete(String key) {
    return delete(KeyRange.key(key));
  }
}
