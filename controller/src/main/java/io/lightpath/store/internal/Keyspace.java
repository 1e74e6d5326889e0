package io.lightpath.store.internal;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multi-version keyspace: the {@code current}, {@code versions}, {@code log} and {@code
 * leaseKeys} tables and the operations on them. Not thread-safe: {@link MvccStateStore} calls
 * writes under its write lock and reads under its read lock.
 */
final class Keyspace {

  private static final byte[] EMPTY = new byte[0];

  private final SortedTable current;
  private final SortedTable versions;
  private final SortedTable log;
  private final SortedTable leaseKeys;

  Keyspace(Tables tables) {
    this.current = tables.table("current");
    this.versions = tables.table("versions");
    this.log = tables.table("log");
    this.leaseKeys = tables.table("leaseKeys");
  }

  /** The current keys in {@code range}. */
  List<KeyValue> scanCurrent(KeyRange range) {
    List<KeyValue> out = new ArrayList<>();
    Iterator<Map.Entry<byte[], byte[]>> it =
        current.scan(KeyCodec.scanFrom(range), KeyCodec.scanTo(range));
    while (it.hasNext()) {
      Map.Entry<byte[], byte[]> e = it.next();
      out.add(RecordCodec.decodeCurrent(Bytes.of(e.getKey()), e.getValue()));
    }
    return out;
  }

  /** The current value of {@code key}, or {@code null}. */
  KeyValue get(Bytes key) {
    byte[] rec = current.get(key.unsafeArray());
    return rec == null ? null : RecordCodec.decodeCurrent(key, rec);
  }

  /** For each key in range, its latest version at or before {@code atRevision} unless deleted. */
  List<KeyValue> scanAt(KeyRange range, long atRevision) {
    List<KeyValue> out = new ArrayList<>();
    Iterator<Map.Entry<byte[], byte[]>> it =
        versions.scan(KeyCodec.versionScanFrom(range), KeyCodec.versionScanTo(range));
    Bytes key = null;
    byte[] best = null;
    long bestRevision = 0;
    while (it.hasNext()) {
      Map.Entry<byte[], byte[]> e = it.next();
      Bytes entryKey = KeyCodec.versionKeyKey(e.getKey());
      if (!entryKey.equals(key)) {
        emitVersion(out, key, bestRevision, best);
        key = entryKey;
        best = null;
      }
      long rev = KeyCodec.versionKeyRevision(e.getKey());
      if (rev <= atRevision) {
        best = e.getValue();
        bestRevision = rev;
      }
    }
    emitVersion(out, key, bestRevision, best);
    return out;
  }

  private static void emitVersion(List<KeyValue> out, Bytes key, long rev, byte[] rec) {
    if (rec != null && !RecordCodec.isTombstone(rec)) {
      out.add(RecordCodec.decodeVersion(key, rev, rec));
    }
  }

  /** Applies a put at the batch's revision; returns the previous value or {@code null}. */
  KeyValue put(WriteBatch batch, Op.Put put) {
    KeyValue prev = get(put.key());
    long rev = batch.revision;
    KeyValue kv =
        new KeyValue(
            put.key(),
            put.value(),
            prev == null ? rev : prev.createRevision(),
            rev,
            prev == null ? 1 : prev.version() + 1,
            put.leaseId());
    byte[] rawKey = put.key().unsafeArray();
    current.put(rawKey, RecordCodec.encodeCurrent(kv));
    versions.put(KeyCodec.versionKey(put.key(), rev), RecordCodec.encodeVersion(kv, false));
    if (prev != null && prev.leaseId() != 0 && prev.leaseId() != put.leaseId()) {
      leaseKeys.remove(KeyCodec.leaseKey(prev.leaseId(), put.key()));
    }
    if (put.leaseId() != 0) {
      leaseKeys.put(KeyCodec.leaseKey(put.leaseId(), put.key()), EMPTY);
    }
    batch.add(new WatchEvent(WatchEvent.Type.PUT, kv));
    return prev;
  }

  /** Deletes every key in {@code range} at the batch's revision; returns how many. */
  long delete(WriteBatch batch, KeyRange range) {
    List<KeyValue> doomed = scanCurrent(range);
    for (KeyValue prev : doomed) {
      deleteKey(batch, prev);
    }
    return doomed.size();
  }

  void deleteKey(WriteBatch batch, KeyValue prev) {
    KeyValue tombstone = new KeyValue(prev.key(), Bytes.EMPTY, 0, batch.revision, 0, 0);
    current.remove(prev.key().unsafeArray());
    versions.put(KeyCodec.versionKey(prev.key(), batch.revision), RecordCodec.encodeVersion(tombstone, true));
    if (prev.leaseId() != 0) {
      leaseKeys.remove(KeyCodec.leaseKey(prev.leaseId(), prev.key()));
    }
    batch.add(new WatchEvent(WatchEvent.Type.DELETE, tombstone));
  }

  /** Writes the batch's events to the log table (part of the next commit). */
  void stage(WriteBatch batch) {
    int sub = 0;
    for (WatchEvent event : batch.events) {
      log.put(KeyCodec.logKey(batch.revision, sub++), RecordCodec.encodeEventRef(event));
    }
  }

  /** The logged events at revision {@code start} or later for keys in {@code range}. */
  List<WatchEvent> eventsSince(long start, KeyRange range) {
    List<WatchEvent> out = new ArrayList<>();
    Iterator<Map.Entry<byte[], byte[]>> it = log.scan(KeyCodec.logKey(start, 0), null);
    while (it.hasNext()) {
      Map.Entry<byte[], byte[]> e = it.next();
      long revision = KeyCodec.logKeyRevision(e.getKey());
      byte[] rec = e.getValue();
      if (!RecordCodec.isEventRef(rec)) {
        WatchEvent event = RecordCodec.decodeEvent(revision, rec);
        if (range.contains(event.kv().key())) {
          out.add(event);
        }
        continue;
      }
      Bytes key = RecordCodec.eventRefKey(rec);
      if (!range.contains(key)) {
        continue;
      }
      if (RecordCodec.eventRefIsPut(rec)) {
        byte[] version = versions.get(KeyCodec.versionKey(key, revision));
        if (version == null) {
          throw new IllegalStateException("log entry at revision " + revision + " has no version");
        }
        out.add(new WatchEvent(WatchEvent.Type.PUT, RecordCodec.decodeVersion(key, revision, version)));
      } else {
        out.add(new WatchEvent(WatchEvent.Type.DELETE,
            new KeyValue(key, Bytes.EMPTY, 0, revision, 0, 0)));
      }
    }
    return out;
  }

  /** The keys attached to {@code leaseId}. */
  List<Bytes> keysOfLease(long leaseId) {
    List<Bytes> keys = new ArrayList<>();
    Iterator<Map.Entry<byte[], byte[]>> it =
        leaseKeys.scan(KeyCodec.longKey(leaseId), KeyCodec.longKey(leaseId + 1));
    while (it.hasNext()) {
      keys.add(KeyCodec.leaseKeyKey(it.next().getKey()));
    }
    return keys;
  }

  /**
   * Keeps, per key, only the latest version at or before {@code atRevision} (none if deleted),
   * and drops logged events before {@code atRevision}. Only keys changed after the previous
   * compaction ({@code previousCompact}) can have versions to drop, and the log (kept from
   * {@code previousCompact} on) names them, so the work is proportional to the changes since,
   * not to the size of the history.
   */
  void compact(long previousCompact, long atRevision) {
    Set<Bytes> changed = new HashSet<>();
    List<byte[]> oldEvents = new ArrayList<>();
    Iterator<Map.Entry<byte[], byte[]>> logIt = log.scan(EMPTY, KeyCodec.logKey(atRevision + 1, 0));
    while (logIt.hasNext()) {
      Map.Entry<byte[], byte[]> e = logIt.next();
      long revision = KeyCodec.logKeyRevision(e.getKey());
      if (revision >= previousCompact) {
        byte[] rec = e.getValue();
        changed.add(RecordCodec.isEventRef(rec) ? RecordCodec.eventRefKey(rec)
            : RecordCodec.decodeEvent(revision, rec).kv().key());
      }
      if (revision < atRevision) {
        oldEvents.add(e.getKey());
      }
    }
    List<byte[]> obsolete = new ArrayList<>();
    for (Bytes key : changed) {
      byte[] latestKey = null;
      byte[] latestRec = null;
      Iterator<Map.Entry<byte[], byte[]>> it = versions.scan(KeyCodec.versionKey(key, 0),
          KeyCodec.versionKey(key, atRevision + 1));
      while (it.hasNext()) {
        Map.Entry<byte[], byte[]> e = it.next();
        if (latestKey != null) {
          obsolete.add(latestKey);
        }
        latestKey = e.getKey();
        latestRec = e.getValue();
      }
      dropIfTombstone(obsolete, latestKey, latestRec);
    }
    obsolete.forEach(versions::remove);
    oldEvents.forEach(log::remove);
  }

  private static void dropIfTombstone(List<byte[]> obsolete, byte[] versionKey, byte[] rec) {
    if (rec != null && RecordCodec.isTombstone(rec)) {
      obsolete.add(versionKey);
    }
  }
}
