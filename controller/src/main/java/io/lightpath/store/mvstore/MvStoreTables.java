package io.lightpath.store.mvstore;

import io.lightpath.store.StoreException;
import io.lightpath.store.internal.SortedTable;
import io.lightpath.store.internal.Tables;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * Tables in one H2 MVStore file. Auto-commit is off: the engine's {@link #commit} writes a new
 * chunk and forces it to the device ({@code FileChannel.force}), so a returned commit survives a
 * crash. MVStore is append-only with checksummed chunks; after a crash it opens at the last
 * complete chunk, i.e. the last commit, so a torn write loses only an unacknowledged commit.
 */
final class MvStoreTables implements Tables {

  /** Page size at which MVStore splits a page, in bytes. */
  static final int PAGE_SPLIT_BYTES = 4 * 1024;

  /**
   * Compaction: with auto-commit off MVStore runs no background writer, so nothing rewrites the
   * live pages of old chunks: every commit appends a chunk, chunks that keep a few live pages are
   * never freed, the file grows by ~90 KB per created service and the chunk table every commit
   * updates grows with it. Every {@value} commits the engine's commit (under the store's write
   * lock, so no uncommitted transaction is pending) rewrites up to {@link #COMPACT_WRITE_BYTES}
   * of sparse chunks when the fill rate is below {@link #COMPACT_FILL_PERCENT}.
   */
  static final int COMPACT_EVERY_COMMITS = 64;
  static final int COMPACT_FILL_PERCENT = 50;
  static final int COMPACT_WRITE_BYTES = 1 << 20;

  private final MVStore store;
  /** Written under the engine's write lock only; volatile for {@link #fileIo} readers. */
  private volatile long commits;

  MvStoreTables(Path file) {
    try {
      // h2 2.3.232 ignores pageSplitSize (pages split at 48 keys or a 16 KiB memory estimate;
      // see docs/store.md "Page size"); kept so a version that honours it writes smaller pages
      this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
          .pageSplitSize(PAGE_SPLIT_BYTES).open();
      store.setRetentionTime(0);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new StoreException("state store file " + file + " is in use by another process"
            + " (another lightpath serve on this data directory?)", e);
      }
      throw new StoreException("cannot open state store file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SortedTable table(String name) {
    MVMap<byte[], byte[]> map =
        store.openMap(
            name,
            new MVMap.Builder<byte[], byte[]>()
                .keyType(UnsignedBytesType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
    return new MvTable(map);
  }

  @Override
  public void commit() {
    try {
      store.commit();
      if (++commits % COMPACT_EVERY_COMMITS == 0 && store.compact(COMPACT_FILL_PERCENT, COMPACT_WRITE_BYTES)) {
        // moves the live pages of sparse chunks; durable with this commit's sync
        store.commit();
      }
      store.sync();
    } catch (MVStoreException e) {
      throw new StoreException("state store commit failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void rollback() {
    store.rollback();
  }

  @Override
  public void close() {
    store.close();
  }

  /** Size of the store file in bytes, for benchmarks and diagnostics. */
  long fileSizeBytes() {
    return store.getFileStore().size();
  }

  /** What this store wrote to and read from its file since it was opened. */
  MvStateStore.FileIo fileIo() {
    Map<String, String> info = new HashMap<>();
    // FileStore's byte counters are not public in h2 2.3.232, its info map has them
    store.getFileStore().populateInfo(info::put);
    return new MvStateStore.FileIo(commits, store.getFileStore().getWriteCount(),
        Long.parseLong(info.get("info.FILE_WRITE_BYTES")), store.getFileStore().getReadCount(),
        Long.parseLong(info.get("info.FILE_READ_BYTES")));
  }

  private static final class MvTable implements SortedTable {
    private final MVMap<byte[], byte[]> map;

    MvTable(MVMap<byte[], byte[]> map) {
      this.map = map;
    }

    @Override
    public byte[] get(byte[] key) {
      return map.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      map.put(key.clone(), value);
    }

    @Override
    public void remove(byte[] key) {
      map.remove(key);
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
