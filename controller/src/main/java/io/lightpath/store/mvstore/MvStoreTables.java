package io.lightpath.store.mvstore;

import io.lightpath.store.StoreException;
import io.lightpath.store.internal.SortedTable;
import io.lightpath.store.internal.Tables;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables in one H2 MVStore file behind a {@link WriteAheadLog}. A {@link #commit} appends the
 * changes made since the last one to the log and forces it to the device ({@code fdatasync}), so
 * a returned commit survives a crash. The MVStore file is written only at a <em>checkpoint</em>
 * (every 4 MiB of log, and at close), which folds all commits
 * since the last one into one chunk and then empties the log; opening replays what the log holds
 * beyond the last checkpoint.
 *
 * <p>Why: an MVStore commit rewrites every B-tree page a change touches, up to the root, in
 * every map, plus the chunk metadata: ~82 KB and most of the store's CPU for ~2.5 KB of records
 * per service (docs/store.md). Random keys make consecutive commits touch different leaves, but
 * a checkpoint of a few hundred services rewrites each leaf once, however often it changed.
 *
 * <p>Uncommitted changes are undone from an undo list ({@link #rollback}); MVStore's own
 * rollback would also drop committed changes that are not checkpointed yet. MVStore must not
 * write a chunk of its own between checkpoints (it would hold half a transaction): auto-commit
 * is off and its write buffer is raised to {@value #UNSAVED_LIMIT_KB} KiB, far above what a
 * checkpoint interval leaves unsaved (by default MVStore stores a chunk when ~1 MB is unsaved,
 * even with auto-commit off).
 */
final class MvStoreTables implements Tables {

  /** Page size at which MVStore splits a page, in bytes. */
  static final int PAGE_SPLIT_BYTES = 4 * 1024;

  /**
   * Log size at which a commit checkpoints (~1,600 service creations). Larger folds more commits
   * into one MVStore write (less CPU and fewer bytes per commit) but makes that commit, and every
   * writer queued behind it, wait longer, and recovery replay more. Measured with CommitCostBench
   * on 5,000 services (docs/store.md): 512 KiB 280 us and 43 KB per service, 4 MiB 220 us and
   * 21 KB, 16 MiB 205 us and 10 KB.
   */
  static final long CHECKPOINT_LOG_BYTES = 4L << 20;

  /** MVStore's unsaved-memory limit in KiB: effectively never reached between checkpoints. */
  static final int UNSAVED_LIMIT_KB = 1 << 20;

  /**
   * Compaction: MVStore frees a chunk only when all its pages are dead and, with auto-commit
   * off, nothing rewrites the few live pages that keep old chunks allocated, so every checkpoint
   * also rewrites up to {@link #COMPACT_WRITE_BYTES} of live pages out of chunks filled below
   * {@link #COMPACT_FILL_PERCENT} %. Before the log that was 1 MiB every 64 commits; a checkpoint
   * comes every ~3,000 commits, so it gets more (with 1 MiB the 100,000-service benchmark's file
   * grew from 852 MB to 1.4 GB).
   */
  static final int COMPACT_FILL_PERCENT = 50;
  static final int COMPACT_WRITE_BYTES = 16 << 20;

  /** Name of the write-ahead log beside the store file. */
  static final String LOG_SUFFIX = ".wal";

  private static final Logger LOG = LoggerFactory.getLogger(MvStoreTables.class);
  private static final String GENERATION = "generation";

  private final long checkpointLogBytes;
  private final MVStore store;
  /** The log's generation: how many checkpoints this file has had. */
  private final MVMap<String, Long> logState;
  private final WriteAheadLog log;
  private final Map<String, MvTable> tables = new HashMap<>();
  /** Changes since the last commit, in order: what the next commit logs and a rollback undoes. */
  private final List<Pending> pending = new ArrayList<>();
  /** Written under the engine's write lock only; volatile for {@link #fileIo} readers. */
  private volatile long checkpoints;
  private volatile long checkpointNanos;
  /** Set when a checkpoint failed: the store then refuses commits (fail-stop). */
  private RuntimeException failedCheckpoint;

  /** One uncommitted change as the log will hold it, and the value it replaced (null: absent). */
  private record Pending(MvTable table, WriteAheadLog.Change change, byte[] previous) {}

  MvStoreTables(Path file) {
    this(file, CHECKPOINT_LOG_BYTES);
  }

  /** As {@link #MvStoreTables(Path)}, checkpointing every {@code checkpointLogBytes} of log. */
  MvStoreTables(Path file, long checkpointLogBytes) {
    this.checkpointLogBytes = checkpointLogBytes;
    try {
      // h2 2.3.232 ignores pageSplitSize (pages split at 48 keys or a 16 KiB memory estimate;
      // see docs/store.md "Page size"); kept so a version that honours it writes smaller pages
      this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
          .autoCommitBufferSize(UNSAVED_LIMIT_KB).pageSplitSize(PAGE_SPLIT_BYTES).open();
      store.setRetentionTime(0);
      // Readers never overlap a checkpoint (the engine's write lock), so no old version needs
      // its chunks; with the default (5) a checkpoint's chunks lived five checkpoints and the
      // file grew ~2x.
      store.setVersionsToKeep(0);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new StoreException("state store file " + file + " is in use by another process"
            + " (another lightpath serve on this data directory?)", e);
      }
      throw new StoreException("cannot open state store file " + file + ": " + e.getMessage(), e);
    }
    this.logState = store.openMap("writeAheadLog");
    WriteAheadLog opened = null;
    try {
      opened = WriteAheadLog.open(file.resolveSibling(file.getFileName() + LOG_SUFFIX));
      replay(opened, opened.recover(logState.getOrDefault(GENERATION, 0L)));
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      store.closeImmediately();
      throw e;
    }
    this.log = opened;
  }

  /** Applies the logged commits the file does not hold yet, then checkpoints them. */
  private void replay(WriteAheadLog log, List<List<WriteAheadLog.Change>> records) {
    for (List<WriteAheadLog.Change> changes : records) {
      for (WriteAheadLog.Change c : changes) {
        MVMap<byte[], byte[]> map = openTable(c.table()).map;
        if (c.value() == null) {
          map.remove(c.key());
        } else {
          map.put(c.key(), c.value());
        }
      }
    }
    if (!records.isEmpty()) {
      LOG.info("state store: replayed {} commits from the write-ahead log", records.size());
    }
    checkpoint(log); // also drops a torn or stale tail, so appends start on a clean log
  }

  @Override
  public synchronized SortedTable table(String name) {
    return openTable(name);
  }

  private MvTable openTable(String name) {
    return tables.computeIfAbsent(name, n -> new MvTable(n, store.openMap(n,
        new MVMap.Builder<byte[], byte[]>()
            .keyType(UnsignedBytesType.INSTANCE)
            .valueType(ByteArrayDataType.INSTANCE))));
  }

  @Override
  public void commit() {
    if (failedCheckpoint != null) {
      throw new StoreException("state store is read-only until restarted: a checkpoint failed ("
          + failedCheckpoint.getMessage() + "); the write-ahead log keeps every acknowledged write",
          failedCheckpoint);
    }
    if (!pending.isEmpty()) {
      // throws before anything is durable: the caller rolls back
      log.append(pending.stream().map(Pending::change).toList());
      pending.clear();
    }
    if (log.sizeBytes() >= checkpointLogBytes) {
      try {
        checkpoint();
      } catch (RuntimeException e) {
        // This commit is durable (in the log, or in the checkpoint if its chunk landed). Whether
        // the file now holds the next generation is unknown, and a later record of the old one
        // would be skipped on replay if it does, so nothing more is written until a restart.
        failedCheckpoint = e;
        LOG.error("state store checkpoint failed; refusing further writes until restarted", e);
      }
    }
  }

  /** Writes everything committed so far to the MVStore file, durably, and empties the log. */
  private void checkpoint() {
    checkpoint(log);
  }

  private void checkpoint(WriteAheadLog log) {
    long start = System.nanoTime();
    try {
      long next = logState.getOrDefault(GENERATION, 0L) + 1;
      logState.put(GENERATION, next);
      store.commit();
      if (store.compact(COMPACT_FILL_PERCENT, COMPACT_WRITE_BYTES)) {
        store.commit(); // the moved live pages; durable with the sync below
      }
      store.sync();
      checkpoints++;
      checkpointNanos += System.nanoTime() - start;
      log.reset(next);
    } catch (MVStoreException e) {
      throw new StoreException("state store checkpoint failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void rollback() {
    for (int i = pending.size() - 1; i >= 0; i--) {
      Pending p = pending.get(i);
      byte[] key = p.change().key();
      if (p.previous() == null) {
        p.table().map.remove(key);
      } else {
        p.table().map.put(key, p.previous());
      }
    }
    pending.clear();
  }

  @Override
  public void close() {
    boolean checkpointed = false;
    try {
      if (!store.isClosed() && failedCheckpoint == null) {
        rollback(); // nothing uncommitted reaches the file
        checkpoint();
        checkpointed = true;
      }
    } finally {
      try {
        log.close();
      } finally {
        if (checkpointed) {
          store.close();
        } else {
          store.closeImmediately(); // as a crash would: the log has what the file lacks
        }
      }
    }
  }

  /** Size of the store file and the log in bytes, for benchmarks and diagnostics. */
  long fileSizeBytes() {
    return store.getFileStore().size() + log.sizeBytes();
  }

  /** What this store wrote to and read from its files since it was opened. */
  MvStateStore.FileIo fileIo() {
    Map<String, String> info = new HashMap<>();
    // FileStore's byte counters are not public in h2 2.3.232, its info map has them
    store.getFileStore().populateInfo(info::put);
    return new MvStateStore.FileIo(log.appends(), checkpoints, checkpointNanos,
        store.getFileStore().getWriteCount() + log.appends(),
        Long.parseLong(info.get("info.FILE_WRITE_BYTES")) + log.bytesWritten(),
        store.getFileStore().getReadCount(), Long.parseLong(info.get("info.FILE_READ_BYTES")));
  }

  private final class MvTable implements SortedTable {
    private final String name;
    private final MVMap<byte[], byte[]> map;

    MvTable(String name, MVMap<byte[], byte[]> map) {
      this.name = name;
      this.map = map;
    }

    @Override
    public byte[] get(byte[] key) {
      return map.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      byte[] own = key.clone();
      byte[] previous = map.put(own, value);
      pending.add(new Pending(this, new WriteAheadLog.Change(name, own, value), previous));
    }

    @Override
    public void remove(byte[] key) {
      byte[] previous = map.remove(key);
      if (previous != null) {
        pending.add(new Pending(this, new WriteAheadLog.Change(name, key.clone(), null), previous));
      }
    }

    @Override
    public Iterator<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] toExclusive) {
      Cursor<byte[], byte[]> cursor = map.cursor(from);
      return new Iterator<>() {
        private byte[] nextKey = advance();

        private byte[] advance() {
          if (!cursor.hasNext()) {
            return null;
          }
          byte[] key = cursor.next();
          return toExclusive != null && Arrays.compareUnsigned(key, toExclusive) >= 0 ? null : key;
        }

        @Override
        public boolean hasNext() {
          return nextKey != null;
        }

        @Override
        public Map.Entry<byte[], byte[]> next() {
          if (nextKey == null) {
            throw new NoSuchElementException();
          }
          Map.Entry<byte[], byte[]> entry = new AbstractMap.SimpleImmutableEntry<>(nextKey, cursor.getValue());
          nextKey = advance();
          return entry;
        }
      };
    }
  }
}
