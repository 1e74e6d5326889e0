package io.lightpath.store.internal;

import java.util.Iterator;
import java.util.Map;

/** A map from byte-array keys to byte-array values, sorted by unsigned lexicographic key order. */
public interface SortedTable {

  /** The value of {@code key}, or {@code null}. */
  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  void remove(byte[] key);

  /**
   * The entries with {@code from <= key < toExclusive} in key order; {@code toExclusive == null}
   * means no upper bound. The table must not be modified while the iterator is in use.
   */
  Iterator<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] toExclusive);
}
