package io.lightpath.store.mvstore;

import io.lightpath.store.Bytes;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Child JVM for {@link MvStoreCrashTest}: opens the store in {@code args[0]}, continues the
 * sequence where the last run stopped and writes until killed. Each iteration is one transaction
 * putting {@code k/i}, {@code pair/i} and {@code last = i}; "ACK i" is printed only after the
 * transaction returned, i.e. after it was acknowledged as durable.
 */
public final class CrashWriterMain {

  private CrashWriterMain() {}

  public static void main(String[] args) {
    StateStore store = MvStateStore.open(Path.of(args[0]));
    Optional<String> last = store.get("last").map(kv -> kv.valueUtf8());
    long next = last.map(v -> Long.parseLong(v) + 1).orElse(0L);
    System.out.println("READY " + next);
    System.out.flush();
    for (long i = next; ; i++) {
      String n = Long.toString(i);
      store.txn(
          Txn.of(
              Op.put(key("k/", i), Bytes.utf8(n)),
              Op.put(key("pair/", i), Bytes.utf8(n)),
              Op.put("last", n)));
      System.out.println("ACK " + n);
      System.out.flush();
    }
  }

  /** Zero-padded so key order is numeric order. */
  static Bytes key(String prefix, long i) {
    return Bytes.utf8(String.format("%s%08d", prefix, i));
  }
}
