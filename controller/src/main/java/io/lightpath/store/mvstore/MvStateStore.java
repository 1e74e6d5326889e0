package io.lightpath.store.mvstore;

import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.internal.MvccStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The embedded, durable {@link StateStore}: etcd semantics on one H2 MVStore file ({@code
 * state.mv.db}) in a data directory. Every acknowledged write is committed and synced to disk;
 * revisions, history (until compacted) and leases with their deadlines survive restart. One
 * process at a time may open a directory (MVStore locks the file).
 */
public final class MvStateStore extends MvccStateStore {

  /** Name of the store file inside the data directory. */
  public static final String FILE_NAME = "state.mv.db";

  private final MvStoreTables mvTables;

  private MvStateStore(MvStoreTables tables, Clock clock) {
    super("mvstore", tables, clock);
    this.mvTables = tables;
  }

  /**
   * Opens (creating if needed) the store in {@code dataDir}. Leases expire on {@code clock}
   * lazily, at the next operation after their deadline.
   */
  public static MvStateStore open(Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create state store directory " + dataDir, e);
    }
    MvStoreTables tables = new MvStoreTables(dataDir.resolve(FILE_NAME));
    try {
      return new MvStateStore(tables, clock);
    } catch (RuntimeException e) {
      tables.close(); // release the file lock; the caller gets the reason
      throw new StoreException("cannot recover state store in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the store in {@code dataDir} on the system clock, expiring leases every 500 ms even
   * when idle. This is the production configuration.
   */
  public static MvStateStore open(Path dataDir) {
    MvStateStore store = open(dataDir, Clock.systemUTC());
    store.startLeaseReaper(Duration.ofMillis(500), "mvstore");
    return store;
  }

  /** Size of the store file in bytes. */
  public long fileSizeBytes() {
    return mvTables.fileSizeBytes();
  }
}
