package io.lightpath.store;

/** The result of one {@link Op}, in the same position as the op in its branch. */
public sealed interface OpResult {

  /** A put; {@code previous} is the key's value before the put, or {@code null}. */
  record PutResult(KeyValue previous) implements OpResult {}

  /** A delete; how many keys it removed. */
  record DeleteResult(long deleted) implements OpResult {}

  /** A get; the keys in the range. */
  record GetResult(java.util.List<KeyValue> kvs) implements OpResult {
    public GetResult {
      kvs = java.util.List.copyOf(kvs);
    }
  }
}
