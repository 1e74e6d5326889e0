package io.lightpath.store;

import java.util.Objects;

/**
 * A set of keys: one key, or every key in {@code [start, end)}.
 *
 * @param start the first key (inclusive)
 * @param end {@code null} for the single key {@code start}; {@link Bytes#EMPTY} for "every key at
 *     or after {@code start}"; otherwise the exclusive upper bound
 */
public record KeyRange(Bytes start, Bytes end) {

  public KeyRange {
    Objects.requireNonNull(start, "start");
    if (end != null && !end.isEmpty() && end.compareTo(start) <= 0) {
      throw new IllegalArgumentException("range end " + end + " must be after start " + start);
    }
  }

  public static KeyRange key(Bytes key) {
    return new KeyRange(key, null);
  }

  public static KeyRange key(String key) {
    return key(Bytes.utf8(key));
  }

  /** Every key that starts with {@code prefix}; the empty prefix means every key. */
  public static KeyRange prefix(Bytes prefix) {
    return new KeyRange(prefix, prefix.prefixEnd());
  }

  public static KeyRange prefix(String prefix) {
    return prefix(Bytes.utf8(prefix));
  }

  /** Every key in the store. */
  public static KeyRange all() {
    return new KeyRange(Bytes.EMPTY, Bytes.EMPTY);
  }

  /** Keys in {@code [start, endExclusive)}. */
  public static KeyRange between(Bytes start, Bytes endExclusive) {
    return new KeyRange(start, endExclusive);
  }

  public boolean isSingleKey() {
    return end == null;
  }

  /** Whether the range has no upper bound. */
  public boolean isUnbounded() {
    return end != null && end.isEmpty();
  }

  public boolean contains(Bytes key) {
    if (end == null) {
      return start.equals(key);
    }
    return key.compareTo(start) >= 0 && (end.isEmpty() || key.compareTo(end) < 0);
  }

  /** Whether any key belongs to both ranges. */
  public boolean overlaps(KeyRange other) {
    if (isSingleKey()) {
      return other.contains(start);
    }
    if (other.isSingleKey()) {
      return contains(other.start);
    }
    boolean thisEndsBeforeOther = !isUnbounded() && end.compareTo(other.start) <= 0;
    boolean otherEndsBeforeThis = !other.isUnbounded() && other.end.compareTo(start) <= 0;
    return !thisEndsBeforeOther && !otherEndsBeforeThis;
  }
}
