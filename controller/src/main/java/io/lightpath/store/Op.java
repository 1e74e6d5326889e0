package io.lightpath.store;

import java.util.Objects;

/** One operation of a {@link Txn} branch. */
public sealed interface Op {

  /** Sets {@code key} to {@code value}, attached to lease {@code leaseId} (0 for none). */
  record Put(Bytes key, Bytes value, long leaseId) implements Op {
    public Put {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("key must not be empty");
      }
    }
  }

  /** Deletes every key in {@code range}. */
  record Delete(KeyRange range) implements Op {
    public Delete {
      Objects.requireNonNull(range, "range");
    }
  }

  /** Reads every key in {@code range}, seeing the writes of earlier ops in the same branch. */
  record Get(KeyRange range) implements Op {
    public Get {
      Objects.requireNonNull(range, "range");
    }
  }

  static Op put(Bytes key, Bytes value) {
    return new Put(key, value, 0);
  }

  static Op put(String key, String value) {
    return new Put(Bytes.utf8(key), Bytes.utf8(value), 0);
  }

  static Op put(Bytes key, Bytes value, long leaseId) {
    return new Put(key, value, leaseId);
  }

  static Op delete(Bytes key) {
    return new Delete(KeyRange.key(key));
  }

  static Op delete(KeyRange range) {
    return new Delete(range);
  }

  static Op get(KeyRange range) {
    return new Get(range);
  }
}
