package io.lightpath.store.internal;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyValue;
import io.lightpath.store.WatchEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Value formats of the engine's tables. Every record starts with a format byte so a later
 * version can change the layout and still read old files.
 */
final class RecordCodec {

  private static final byte FORMAT_1 = 1;
  /** log table only: an event that refers to its value in the versions table. */
  private static final byte FORMAT_EVENT_REF = 2;
  private static final byte LIVE = 0;
  private static final byte TOMBSTONE = 1;

  private RecordCodec() {}

  /** current table: format, createRev, modRev, version, lease, value. */
  static byte[] encodeCurrent(KeyValue kv) {
    byte[] value = kv.value().unsafeArray();
    return ByteBuffer.allocate(33 + value.length)
        .put(FORMAT_1)
        .putLong(kv.createRevision())
        .putLong(kv.modRevision())
        .putLong(kv.version())
        .putLong(kv.leaseId())
        .put(value)
        .array();
  }

  static KeyValue decodeCurrent(Bytes key, byte[] rec) {
    ByteBuffer buf = ByteBuffer.wrap(rec);
    checkFormat(buf.get());
    long create = buf.getLong();
    long mod = buf.getLong();
    long version = buf.getLong();
    long lease = buf.getLong();
    return new KeyValue(key, rest(rec, 33), create, mod, version, lease);
  }

  /** versions table: format, live/tombstone, createRev, version, lease, value. */
  static byte[] encodeVersion(KeyValue kv, boolean tombstone) {
    byte[] value = kv.value().unsafeArray();
    return ByteBuffer.allocate(26 + value.length)
        .put(FORMAT_1)
        .put(tombstone ? TOMBSTONE : LIVE)
        .putLong(kv.createRevision())
        .putLong(kv.version())
        .putLong(kv.leaseId())
        .put(value)
        .array();
  }

  static boolean isTombstone(byte[] rec) {
    return rec[1] == TOMBSTONE;
  }

  static KeyValue decodeVersion(Bytes key, long modRevision, byte[] rec) {
    ByteBuffer buf = ByteBuffer.wrap(rec);
    checkFormat(buf.get());
    buf.get();
    long create = buf.getLong();
    long version = buf.getLong();
    long lease = buf.getLong();
    return new KeyValue(key, rest(rec, 26), create, modRevision, version, lease);
  }

  /**
   * log table: format 2, type, key. The event's value and metadata are the {@code versions}
   * entry of (key, revision), written in the same commit, so the log does not hold a third copy
   * of every value; a deletion's tombstone is all zero and needs nothing else.
   */
  static byte[] encodeEventRef(WatchEvent event) {
    byte[] key = event.kv().key().unsafeArray();
    byte[] rec = new byte[2 + key.length];
    rec[0] = FORMAT_EVENT_REF;
    rec[1] = event.type() == WatchEvent.Type.PUT ? LIVE : TOMBSTONE;
    System.arraycopy(key, 0, rec, 2, key.length);
    return rec;
  }

  /** Whether a log record is a reference ({@link #encodeEventRef}) rather than a whole event. */
  static boolean isEventRef(byte[] rec) {
    return rec[0] == FORMAT_EVENT_REF;
  }

  static boolean eventRefIsPut(byte[] rec) {
    return rec[1] == LIVE;
  }

  static Bytes eventRefKey(byte[] rec) {
    return rest(rec, 2);
  }

  /**
   * log table, format 1 (written by earlier versions, still read): format, type, createRev,
   * version, lease, key length, key, value.
   */
  static byte[] encodeEvent(WatchEvent event) {
    KeyValue kv = event.kv();
    byte[] key = kv.key().unsafeArray();
    byte[] value = kv.value().unsafeArray();
    return ByteBuffer.allocate(30 + key.length + value.length)
        .put(FORMAT_1)
        .put(event.type() == WatchEvent.Type.PUT ? LIVE : TOMBSTONE)
        .putLong(kv.createRevision())
        .putLong(kv.version())
        .putLong(kv.leaseId())
        .putInt(key.length)
        .put(key)
        .put(value)
        .array();
  }

  static WatchEvent decodeEvent(long revision, byte[] rec) {
    ByteBuffer buf = ByteBuffer.wrap(rec);
    checkFormat(buf.get());
    WatchEvent.Type type = buf.get() == LIVE ? WatchEvent.Type.PUT : WatchEvent.Type.DELETE;
    long create = buf.getLong();
    long version = buf.getLong();
    long lease = buf.getLong();
    int keyLength = buf.getInt();
    byte[] key = new byte[keyLength];
    buf.get(key);
    Bytes value = rest(rec, 30 + keyLength);
    return new WatchEvent(type, new KeyValue(Bytes.wrap(key), value, create, revision, version, lease));
  }

  /** leases table: format, ttl in ms, deadline in epoch ms. */
  static byte[] encodeLease(long ttlMillis, long deadlineEpochMillis) {
    return ByteBuffer.allocate(17).put(FORMAT_1).putLong(ttlMillis).putLong(deadlineEpochMillis).array();
  }

  static long leaseTtlMillis(byte[] rec) {
    checkFormat(rec[0]);
    return ByteBuffer.wrap(rec, 1, 8).getLong();
  }

  static long leaseDeadlineMillis(byte[] rec) {
    checkFormat(rec[0]);
    return ByteBuffer.wrap(rec, 9, 8).getLong();
  }

  private static Bytes rest(byte[] rec, int offset) {
    return Bytes.wrap(Arrays.copyOfRange(rec, offset, rec.length));
  }

  private static void checkFormat(byte format) {
    if (format != FORMAT_1) {
      throw new IllegalStateException("unknown store record format " + format);
    }
  }
}
