package io.lightpath.store;

import java.util.ArrayList;
import java.util.List;

/**
 * An atomic multi-key transaction: if every compare holds, the {@code success} ops run, otherwise
 * the {@code failure} ops run. All writes of the branch that ran get one new revision.
 *
 * <p>Within one branch a key may be written at most once (etcd rejects a put and a delete, or two
 * puts, of the same key in one transaction); the constructor throws {@link
 * IllegalArgumentException} for such a branch.
 */
public record Txn(List<Compare> compares, List<Op> success, List<Op> failure) {

  public Txn {
    compares = List.copyOf(compares);
    success = List.copyOf(success);
    failure = List.copyOf(failure);
    checkNoDuplicateWrites(success);
    checkNoDuplicateWrites(failure);
  }

  /** etcd rejects a branch that writes one key twice; every backend does, before any write. */
  private static void checkNoDuplicateWrites(List<Op> ops) {
    List<KeyRange> written = new ArrayList<>();
    for (Op op : ops) {
      KeyRange range = null;
      if (op instanceof Op.Put put) {
        range = KeyRange.key(put.key());
      } else if (op instanceof Op.Delete delete) {
        range = delete.range();
      }
      if (range == null) {
        continue;
      }
      for (KeyRange other : written) {
        if (range.overlaps(other)) {
          throw new IllegalArgumentException("transaction writes " + range + " more than once");
        }
      }
      written.add(range);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A transaction without compares that runs {@code ops}. */
  public static Txn of(Op... ops) {
    return new Txn(List.of(), List.of(ops), List.of());
  }

  /** Builds a {@link Txn}. */
  public static final class Builder {
    private final List<Compare> compares = new ArrayList<>();
    private final List<Op> success = new ArrayList<>();
    private final List<Op> failure = new ArrayList<>();

    private Builder() {}

    public Builder when(Compare... cmps) {
      compares.addAll(List.of(cmps));
      return this;
    }

    public Builder then(Op... ops) {
      success.addAll(List.of(ops));
      return this;
    }

    public Builder otherwise(Op... ops) {
      failure.addAll(List.of(ops));
      return this;
    }

    public Txn build() {
      return new Txn(compares, success, failure);
    }
  }
}
