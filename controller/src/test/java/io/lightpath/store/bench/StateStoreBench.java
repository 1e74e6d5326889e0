package io.lightpath.store.bench;

import io.lightpath.store.Bytes;
import io.lightpath.store.Compare;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import io.lightpath.store.etcd.EtcdStateStore;
import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Throughput of durable writes: puts/s and transactions/s on the MVStore backend (every write
 * committed and fsynced before it returns), with 1 and 8 threads; the in-memory backend as the
 * no-disk baseline. Usage: {@code StateStoreBench [seconds-per-case] [data-dir-parent] [mvstore,memory,etcd]}
 * (etcd at {@code -Dlightpath.etcd.endpoint}, default http://127.0.0.1:2379).
 * Results go to stdout as a markdown table; see docs/benchmarks.md.
 */
public final class StateStoreBench {

  private static final Bytes VALUE = Bytes.utf8("x".repeat(128));

  private StateStoreBench() {}

  /** One benchmark case: an operation run by each thread in a loop. */
  private interface Workload {
    void run(StateStore store, int thread, long iteration);
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
    Workload put = (store, t, i) -> store.put(Bytes.utf8("bench/" + t + "/" + (i % 1000)), VALUE);
    Workload cas =
        (store, t, i) -> {
          // Read-modify-write of a per-thread record plus an index entry, guarded by mod revision:
          // the shape of a service-lifecycle step.
          Bytes key = Bytes.utf8("svc/" + t + "/" + (i % 100));
          long modRevision = store.get(key).map(KeyValue::modRevision).orElse(0L);
          store.txn(
              Txn.builder()
                  .when(Compare.modRevision(key, Compare.Operator.EQUAL, modRevision))
                  .then(Op.put(key, VALUE), Op.put(Bytes.utf8("idx/" + t + "/" + (i % 100)), VALUE))
                  .build());
        };
    System.out.printf(
        Locale.ROOT,
        "java %s, %d cores, %d s per case, data under %s%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        seconds,
        parent);
    System.out.println("| backend | workload | threads | ops/s | mean latency ms | CPU ms/op | file MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<String> backends = args.length > 2 ? List.of(args[2].split(",")) : List.of("mvstore", "memory");
    for (String backend : backends) {
      for (String name : List.of("put", "txn")) {
        for (int threads : new int[] {1, 8}) {
          Path dir = Files.createTempDirectory(parent, "store-bench-");
          StateStore store = open(backend, dir);
          try {
            Workload workload = name.equals("put") ? put : cas;
            run(store, workload, threads, Duration.ofMillis(500)); // warm-up
            Result r = run(store, workload, threads, Duration.ofSeconds(seconds));
            String fileMb =
                store instanceof MvStateStore mv ? String.format(Locale.ROOT, "%.1f", mv.fileSizeBytes() / 1e6) : "-";
            System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %.0f | %.2f | %.3f | %s |%n",
                backend,
                name,
                threads,
                r.opsPerSecond(),
                r.meanLatencyMillis(threads),
                r.cpuMillisPerOp(),
                fileMb);
          } finally {
            store.close();
            deleteRecursively(dir);
          }
        }
      }
    }
  }

  private static StateStore open(String backend, Path dir) {
    return switch (backend) {
      case "mvstore" -> MvStateStore.open(dir);
      case "memory" -> new InMemoryStateStore();
      case "etcd" -> EtcdStateStore.connect(System.getProperty("lightpath.etcd.endpoint", "http://127.0.0.1:2379"));
      default -> throw new IllegalArgumentException("unknown backend " + backend + "; use mvstore, memory or etcd");
    };
  }

  /**
   * @param cpuNanos CPU time of the worker threads only (not of the store's own threads): shows
   *     the engine's cost independent of how loaded the machine is
   */
  private record Result(long ops, long nanos, long cpuNanos) {
    double opsPerSecond() {
      return ops * 1e9 / nanos;
    }

    double cpuMillisPerOp() {
      return cpuNanos / 1e6 / ops;
    }

    /** With every thread always busy, mean latency = threads / throughput. */
    double meanLatencyMillis(int threads) {
      return threads * 1e3 / opsPerSecond();
    }
  }

  private static Result run(StateStore store, Workload workload, int threads, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> counts = new ArrayList<>();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      counts.add(
          pool.submit(
              () -> {
                start.await();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long i = 0;
                while (!stop.get()) {
                  workload.run(store, thread, i++);
                }
                return new long[] {i, cpu.getCurrentThreadCpuTime() - cpuStart};
              }));
    }
    long begin = System.nanoTime();
    start.countDown();
    Thread.sleep(duration.toMillis());
    stop.set(true);
    long ops = 0;
    long cpuNanos = 0;
    for (Future<long[]> f : counts) {
      long[] r = f.get();
      ops += r[0];
      cpuNanos += r[1];
    }
    long elapsed = System.nanoTime() - begin;
    pool.shutdown();
    return new Result(ops, elapsed, cpuNanos);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

}
