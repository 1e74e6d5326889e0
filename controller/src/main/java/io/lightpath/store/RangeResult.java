package io.lightpath.store;

import java.util.List;
import java.util.Optional;

/**
 * The keys of a range read, in key order, all as of one revision.
 *
 * @param kvs the keys found, in unsigned key order
 * @param revision the store revision the read is consistent with
 */
public record RangeResult(List<KeyValue> kvs, long revision) {

  public RangeResult {
    kvs = List.copyOf(kvs);
  }

  public Optional<KeyValue> first() {
    return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0));
  }

  public int count() {
    return kvs.size();
  }
}
