package io.lightpath.store.bench;

import io.lightpath.store.Bytes;
import io.lightpath.store.Compare;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import io.lightpath.store.TxnResult;
import io.lightpath.store.mvstore.MvStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the embedded store writes per durable commit for the service lifecycle's two
 * transactions (create: service record + request record; then the ACTIVE update of the service
 * record), on a store already holding {@code preload} services: commits, bytes and file writes
 * per commit and per service, and the CPU time of the writing threads per service (the thread CPU
 * clock, which other load on the machine does not inflate).
 *
 * <p>Usage: {@code CommitCostBench [preload] [services] [threads] [rounds] [data-dir-parent]};
 * defaults 5000 2000 1 3 (java.io.tmpdir). Each round is a fresh store. See docs/store.md.
 */
public final class CommitCostBench {

  /** A service record (~0.7 KB of protobuf, see docs/lifecycle.md) and a request record (JSON). */
  private static final int SERVICE_BYTES = 700;
  private static final int REQUEST_BYTES = 180;

  private CommitCostBench() {}

  public static void main(String[] args) throws Exception {
    int preload = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int services = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path parent = args.length > 4 ? Path.of(args[4]) : Path.of(System.getProperty("java.io.tmpdir"));
    System.out.printf(Locale.ROOT, "java %s, %d cores; %d services preloaded, %d measured,"
        + " %d threads%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), preload, services, threads);
    System.out.println("| round | commits/service | bytes/commit | bytes/service | pwrites/commit"
        + " | read bytes/service | CPU us/service | wall us/service | file MB | checkpoints"
        + " | ms/checkpoint |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int round = 1; round <= rounds; round++) {
      Path dir = Files.createTempDirectory(parent, "commit-cost-");
      try (MvStateStore store = MvStateStore.open(dir, Clock.systemUTC())) {
        Random random = new Random(round);
        run(store, preload, threads, random);
        MvStateStore.FileIo before = store.fileIo();
        long[] cpuAndWall = run(store, services, threads, random);
        MvStateStore.FileIo after = store.fileIo();
        double commits = after.commits() - before.commits();
        double written = after.bytesWritten() - before.bytesWritten();
        long checkpoints = after.checkpoints() - before.checkpoints();
        System.out.printf(Locale.ROOT,
            "| %d | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.1f | %d | %.0f |%n",
            round, commits / services, written / commits, written / services,
            (after.writes() - before.writes()) / commits,
            (double) (after.bytesRead() - before.bytesRead()) / services,
            cpuAndWall[0] / 1e3 / services, cpuAndWall[1] / 1e3 / services,
            store.fileSizeBytes() / 1e6, checkpoints,
            checkpoints == 0 ? 0.0 : (after.checkpointNanos() - before.checkpointNanos()) / 1e6 / checkpoints);
      } finally {
        deleteRecursively(dir);
      }
    }
  }

  /** Creates and activates {@code n} services on {@code threads} threads; CPU and wall nanos. */
  private static long[] run(StateStore store, int n, int threads, Random random) throws Exception {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add("svc-" + String.format(Locale.ROOT, "%016x", random.nextLong()));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long begin = System.nanoTime();
    List<Future<Long>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = random.nextLong();
      workers.add(pool.submit(() -> {
        long start = cpu.getCurrentThreadCpuTime();
        Random r = new Random(seed);
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          service(store, ids.get(i), r);
        }
        return cpu.getCurrentThreadCpuTime() - start;
      }));
    }
    long cpuNanos = 0;
    for (Future<Long> w : workers) {
      cpuNanos += w.get();
    }
    long wall = System.nanoTime() - begin;
    pool.shutdown();
    return new long[] {cpuNanos, wall};
  }

  /** The lifecycle's two durable transactions of one service (see ServiceRepository). */
  private static void service(StateStore store, String id, Random r) {
    Bytes key = Bytes.utf8("/services/" + id);
    Bytes requestKey = Bytes.utf8("/requests/" + UUID.randomUUID());
    TxnResult created = store.txn(Txn.builder()
        .when(Compare.absent(key), Compare.modRevision(requestKey, Compare.Operator.EQUAL, 0))
        .then(Op.put(key, randomBytes(r, SERVICE_BYTES)),
            Op.put(requestKey, randomBytes(r, REQUEST_BYTES)))
        .build());
    store.txn(Txn.builder()
        .when(Compare.modRevision(key, Compare.Operator.EQUAL, created.revision()))
        .then(Op.put(key, randomBytes(r, SERVICE_BYTES)))
        .build());
  }

  private static Bytes randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.wrap(b);
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
