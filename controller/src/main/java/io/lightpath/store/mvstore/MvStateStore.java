package io.lightpath.store.mvstore;

import io.lightpath.store.AutoCompactor;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.internal.MvccStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded, durable {@link StateStore}: etcd semantics on one H2 MVStore file ({@code
 * state.mv.db}) and its write-ahead log ({@code state.mv.db.wal}) in a data directory. Every
 * acknowledged write is in the log and synced to disk; the MVStore file is written at
 * checkpoints. Revisions, history (until compacted) and leases with their deadlines survive
 * restart. One process at a time may open a directory (MVStore locks the file).
 */
public final class MvStateStore extends MvccStateStore {

  /** Name of the store file inside the data directory. */
  public static final String FILE_NAME = "state.mv.db";

  /**
   * History the production configuration keeps: the newest this many revisions stay readable
   * and watchable (a watcher further behind re-lists). Without a bound every write's old value
   * stays in the file forever (the file grew by ~25 KB per created service).
   */
  public static final long HISTORY_REVISIONS = 10_000;

  /**
   * History younger than this is never compacted, however fast revisions come: a WatchServices
   * client that reconnects within it resumes from its last revision and misses nothing.
   */
  public static final Duration HISTORY_MIN_AGE = Duration.ofMinutes(5);

  /** How often the production configuration compacts history, in milliseconds. */
  public static final long HISTORY_COMPACTION_PERIOD_MILLIS = 1_000;

  private final MvStoreTables mvTables;
  private ScheduledExecutorService compaction;

  private MvStateStore(MvStoreTables tables, Clock clock) {
    super("mvstore", tables, clock);
    this.mvTables = tables;
  }

  /**
   * Opens (creating if needed) the store in {@code dataDir}, keeping the newest {@value
   * #HISTORY_REVISIONS} revisions of history and at least the last {@link #HISTORY_MIN_AGE} of it
   * (compacted every {@value #HISTORY_COMPACTION_PERIOD_MILLIS} ms). Leases expire on {@code clock} lazily, at the next
   * operation after their deadline.
   */
  public static MvStateStore open(Path dataDir, Clock clock) {
    return open(dataDir, clock, HISTORY_REVISIONS);
  }

  /**
   * As {@link #open(Path, Clock)}, keeping {@code historyRevisions} revisions of history, or all
   * of it (until {@link #compact}ed) when {@code historyRevisions} is 0.
   */
  public static MvStateStore open(Path dataDir, Clock clock, long historyRevisions) {
    return open(dataDir, clock, historyRevisions, MvStoreTables.CHECKPOINT_LOG_BYTES);
  }

  private static MvStateStore open(Path dataDir, Clock clock, long historyRevisions,
      long checkpointLogBytes) {
    if (historyRevisions < 0) {
      throw new IllegalArgumentException("historyRevisions must be >= 0: " + historyRevisions);
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create state store directory " + dataDir, e);
    }
    MvStoreTables tables = new MvStoreTables(dataDir.resolve(FILE_NAME), checkpointLogBytes);
    MvStateStore store;
    try {
      store = new MvStateStore(tables, clock);
    } catch (RuntimeException e) {
      tables.close(); // release the file lock; the caller gets the reason
      throw new StoreException("cannot recover state store in " + dataDir + ": " + e.getMessage(), e);
    }
    if (historyRevisions > 0) {
      store.startHistoryCompaction(historyRevisions, HISTORY_MIN_AGE, clock,
          HISTORY_COMPACTION_PERIOD_MILLIS);
    }
    return store;
  }

  /**
   * Opens the store in {@code dataDir} on the system clock, expiring leases every 500 ms even
   * when idle. This is the production configuration.
   */
  public static MvStateStore open(Path dataDir) {
    return open(dataDir, MvStoreTables.CHECKPOINT_LOG_BYTES);
  }

  /**
   * The production configuration, checkpointing every {@code checkpointLogBytes} of write-ahead
   * log instead of the default (crash tests use a small value to crash inside checkpoints too).
   */
  static MvStateStore open(Path dataDir, long checkpointLogBytes) {
    MvStateStore store = open(dataDir, Clock.systemUTC(), HISTORY_REVISIONS, checkpointLogBytes);
    store.startLeaseReaper(Duration.ofMillis(500), "mvstore");
    return store;
  }

  /**
   * Compacts the history every {@code periodMillis} down to the newest {@code retainedRevisions}
   * revisions and the last {@code minAge} (an {@link AutoCompactor} on a daemon thread), until
   * the store is closed.
   */
  private synchronized void startHistoryCompaction(long retainedRevisions, Duration minAge,
      Clock clock, long periodMillis) {
    if (compaction != null) {
      throw new IllegalStateException("history compaction already started");
    }
    compaction = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mvstore-compaction");
      t.setDaemon(true);
      return t;
    });
    new AutoCompactor(this, retainedRevisions, minAge, clock).start(compaction, periodMillis);
  }

  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = compaction;
    }
    if (running != null) {
      // no interrupt: an interrupted FileChannel write would close the store file under us
      running.shutdown();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    super.close();
  }

  /** Size of the store file in bytes. */
  public long fileSizeBytes() {
    return mvTables.fileSizeBytes();
  }

  /**
   * What the store wrote to and read from its file since it was opened.
   *
   * @param commits durable commits, each one write-ahead log record (a group commit of several
   *     transactions is one; so is a compaction, a lease grant or a keep-alive)
   * @param checkpoints checkpoints: writes of the committed state to the MVStore file
   * @param checkpointNanos time spent in checkpoints (the writes queued behind one wait for it)
   * @param writes file writes ({@code pwrite}s), the log's and the MVStore file's
   * @param bytesWritten bytes written
   * @param reads file reads (pages that were not in MVStore's cache)
   * @param bytesRead bytes read
   */
  public record FileIo(long commits, long checkpoints, long checkpointNanos, long writes,
      long bytesWritten, long reads, long bytesRead) {}

  /** What the store wrote to and read from its files since it was opened (for benchmarks). */
  public FileIo fileIo() {
    return mvTables.fileIo();
  }
}
