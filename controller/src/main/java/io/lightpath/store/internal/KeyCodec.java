package io.lightpath.store.internal;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Order-preserving composite keys. A version key is {@code escape(key) 0x00 0x01 revision(8)}
 * where {@code escape} doubles 0x00 as {@code 0x00 0xff}; so all versions of a key are adjacent,
 * sorted by revision, and keys keep their unsigned order (the FoundationDB tuple-layer trick).
 */
final class KeyCodec {

  private KeyCodec() {}

  static byte[] escape(Bytes key) {
    byte[] raw = key.unsafeArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 10);
    for (byte b : raw) {
      out.write(b);
      if (b == 0) {
        out.write(0xff);
      }
    }
    return out.toByteArray();
  }

  static byte[] versionKey(Bytes key, long revision) {
    byte[] escaped = escape(key);
    ByteBuffer buf = ByteBuffer.allocate(escaped.length + 10);
    buf.put(escaped).put((byte) 0).put((byte) 1).putLong(revision);
    return buf.array();
  }

  /** The key part of a version key. */
  static Bytes versionKeyKey(byte[] versionKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(versionKey.length);
    int end = versionKey.length - 10;
    for (int i = 0; i < end; i++) {
      out.write(versionKey[i]);
      if (versionKey[i] == 0) {
        i++; // skip the 0xff escape
      }
    }
    return Bytes.wrap(out.toByteArray());
  }

  static long versionKeyRevision(byte[] versionKey) {
    return ByteBuffer.wrap(versionKey, versionKey.length - 8, 8).getLong();
  }

  /** Lower bound (inclusive) of the version keys of {@code range}. */
  static byte[] versionScanFrom(KeyRange range) {
    byte[] escaped = escape(range.start());
    if (!range.isSingleKey()) {
      return escaped;
    }
    byte[] from = Arrays.copyOf(escaped, escaped.length + 2);
    from[escaped.length + 1] = 1;
    return from;
  }

  /** Upper bound (exclusive) of the version keys of {@code range}, {@code null} for none. */
  static byte[] versionScanTo(KeyRange range) {
    if (range.isSingleKey()) {
      byte[] escaped = escape(range.start());
      byte[] to = Arrays.copyOf(escaped, escaped.length + 2);
      to[escaped.length + 1] = 2;
      return to;
    }
    return range.isUnbounded() ? null : escape(range.end());
  }

  /** Lower bound (inclusive) of the current-table keys of {@code range}. */
  static byte[] scanFrom(KeyRange range) {
    return range.start().unsafeArray();
  }

  /** Upper bound (exclusive) of the current-table keys of {@code range}, {@code null} for none. */
  static byte[] scanTo(KeyRange range) {
    if (range.isSingleKey()) {
      byte[] start = range.start().unsafeArray();
      return Arrays.copyOf(start, start.length + 1); // the key followed by 0x00: next key up
    }
    return range.isUnbounded() ? null : range.end().unsafeArray();
  }

  static byte[] logKey(long revision, int sub) {
    return ByteBuffer.allocate(12).putLong(revision).putInt(sub).array();
  }

  static long logKeyRevision(byte[] logKey) {
    return ByteBuffer.wrap(logKey, 0, 8).getLong();
  }

  static byte[] longKey(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  static long readLong(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  static byte[] leaseKey(long leaseId, Bytes key) {
    byte[] raw = key.unsafeArray();
    return ByteBuffer.allocate(8 + raw.length).putLong(leaseId).put(raw).array();
  }

  static Bytes leaseKeyKey(byte[] leaseKey) {
    return Bytes.wrap(Arrays.copyOfRange(leaseKey, 8, leaseKey.length));
  }
}
