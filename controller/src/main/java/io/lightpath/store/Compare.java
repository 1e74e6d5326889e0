package io.lightpath.store;

import java.util.Objects;

/**
 * A condition on one key evaluated at the start of a {@link Txn}, with etcd's semantics: a key
 * that does not exist has version, create revision, mod revision and lease 0, and any {@link
 * Target#VALUE} compare against it is false.
 *
 * @param key the key
 * @param target which property of the key is compared
 * @param op the comparison, {@code property op operand}
 * @param operand for {@link Target#VALUE} a {@link Bytes}, otherwise a {@link Long}
 */
public record Compare(Bytes key, Target target, Operator op, Object operand) {

  /** The property of the key that is compared. */
  public enum Target {
    VALUE,
    VERSION,
    CREATE_REVISION,
    MOD_REVISION,
    LEASE
  }

  /** The comparison operator. */
  public enum Operator {
    EQUAL,
    NOT_EQUAL,
    LESS,
    GREATER;

    boolean test(int comparison) {
      return switch (this) {
        case EQUAL -> comparison == 0;
        case NOT_EQUAL -> comparison != 0;
        case LESS -> comparison < 0;
        case GREATER -> comparison > 0;
      };
    }
  }

  public Compare {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(operand, "operand");
    if (target == Target.VALUE ? !(operand instanceof Bytes) : !(operand instanceof Long)) {
      throw new IllegalArgumentException("operand " + operand + " does not fit target " + target);
    }
  }

  public static Compare value(Bytes key, Operator op, Bytes value) {
    return new Compare(key, Target.VALUE, op, value);
  }

  public static Compare version(Bytes key, Operator op, long version) {
    return new Compare(key, Target.VERSION, op, version);
  }

  public static Compare modRevision(Bytes key, Operator op, long revision) {
    return new Compare(key, Target.MOD_REVISION, op, revision);
  }

  public static Compare createRevision(Bytes key, Operator op, long revision) {
    return new Compare(key, Target.CREATE_REVISION, op, revision);
  }

  public static Compare lease(Bytes key, Operator op, long leaseId) {
    return new Compare(key, Target.LEASE, op, leaseId);
  }

  /** True when the key exists (version &gt; 0). */
  public static Compare exists(Bytes key) {
    return version(key, Operator.GREATER, 0);
  }

  /** True when the key does not exist (version == 0). */
  public static Compare absent(Bytes key) {
    return version(key, Operator.EQUAL, 0);
  }

  /**
   * Evaluates this compare against the current state of its key.
   *
   * @param current the key's current value, or {@code null} when it does not exist
   */
  public boolean test(KeyValue current) {
    if (target == Target.VALUE) {
      return current != null && op.test(current.value().compareTo((Bytes) operand));
    }
    long actual =
        current == null
            ? 0
            : switch (target) {
              case VERSION -> current.version();
              case CREATE_REVISION -> current.createRevision();
              case MOD_REVISION -> current.modRevision();
              case LEASE -> current.leaseId();
              case VALUE -> throw new AssertionError();
            };
    return op.test(Long.compare(actual, (Long) operand));
  }
}
