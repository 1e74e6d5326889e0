package io.lightpath.store.mvstore;

import io.lightpath.store.Bytes;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM for {@link MvStoreCrashTest}: opens the store in {@code args[0]} and runs {@code
 * args[1]} writer threads (default 1) until killed; {@code args[2]}, when given, is the
 * write-ahead log size at which the store checkpoints (small: crashes land in checkpoints too). Writer {@code t} continues its sequence where
 * the last run stopped; each step is one transaction putting {@code k/t/i}, {@code pair/t/i} and
 * {@code last/t = i}. "ACK t i" is printed only after the transaction returned, i.e. after it was
 * acknowledged as durable. Several writers exercise the group commit.
 */
public final class CrashWriterMain {

  private CrashWriterMain() {}

  public static void main(String[] args) throws InterruptedException {
    StateStore store = args.length > 2
        ? MvStateStore.open(Path.of(args[0]), Long.parseLong(args[2]))
        : MvStateStore.open(Path.of(args[0]));
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int writer = t;
      long next = store.get("last/" + t).map(kv -> Long.parseLong(kv.valueUtf8()) + 1).orElse(0L);
      threads.add(new Thread(() -> write(store, writer, next), "writer-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void write(StateStore store, int writer, long next) {
    for (long i = next; ; i++) {
      String n = Long.toString(i);
      store.txn(
          Txn.of(
              Op.put(key("k/", writer, i), Bytes.utf8(n)),
              Op.put(key("pair/", writer, i), Bytes.utf8(n)),
              Op.put("last/" + writer, n)));
      synchronized (System.out) {
        System.out.println("ACK " + writer + " " + n);
        System.out.flush();
      }
    }
  }

  /** Zero-padded so key order is numeric order. */
  static Bytes key(String prefix, int writer, long i) {
    return Bytes.utf8(String.format("%s%d/%08d", prefix, writer, i));
  }
}
