package io.lightpath.store.mvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.ManualClock;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MVStore-specific behaviour beyond the contract: file ownership and bad files. */
class MvStateStoreTest {

  @TempDir Path dataDir;

  @Test
  void secondOpenOfTheSameDirectoryFailsClearlyAndHarmsNothing() {
    try (StateStore store = MvStateStore.open(dataDir, new ManualClock())) {
      store.put("a", "1");
      StoreException e = assertThrows(StoreException.class, () -> MvStateStore.open(dataDir, new ManualClock()));
      assertTrue(e.getMessage().contains(MvStateStore.FILE_NAME), e.getMessage());
      assertEquals("1", store.get("a").orElseThrow().valueUtf8());
      store.put("a", "2");
    }
    try (StateStore reopened = MvStateStore.open(dataDir, new ManualClock())) {
      assertEquals("2", reopened.get("a").orElseThrow().valueUtf8());
    }
  }

  @Test
  void garbageFileIsReportedNotOverwritten() throws Exception {
    Path file = dataDir.resolve(MvStateStore.FILE_NAME);
    byte[] garbage = "this is not an MVStore file".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(file, garbage);
    StoreException e = assertThrows(StoreException.class, () -> MvStateStore.open(dataDir, new ManualClock()));
    assertTrue(e.getMessage().contains(MvStateStore.FILE_NAME), e.getMessage());
    assertEquals(garbage.length, Files.size(file), "the file is left for inspection");
  }

  /**
   * The file stays bounded under a steady write load with history compaction: 8,000 writes of
   * 700-byte values (a service record's size) over 1,000 keys keep ~0.7 MB of current values
   * plus 1,000 revisions of history; the file must stay within a small multiple of that, not
   * grow with every write (without compaction, and with the log holding a copy of each value,
   * the same writes left ~17 MB of records alone).
   */
  @Test
  void fileSizeStaysBoundedWithHistoryCompaction() {
    byte[] value = new byte[700];
    try (MvStateStore store = MvStateStore.open(dataDir, new ManualClock(), 0)) {
      io.lightpath.store.AutoCompactor compactor = new io.lightpath.store.AutoCompactor(store, 1_000);
      for (int i = 0; i < 8_000; i++) {
        value[0] = (byte) i;
        store.put(io.lightpath.store.Bytes.utf8("/services/s" + (i % 1_000)),
            io.lightpath.store.Bytes.wrap(value.clone()));
        if (i % 200 == 199) {
          compactor.compactOnce();
        }
      }
      long size = store.fileSizeBytes();
      assertTrue(size < 8L << 20, "file " + size + " bytes after 8,000 writes");
      // history before the retained window is gone; the retained window still reads
      long revision = store.revision();
      assertThrows(io.lightpath.store.CompactedException.class,
          () -> store.range(io.lightpath.store.KeyRange.prefix("/services/"), revision - 1_500));
      assertEquals(1_000, store.range(io.lightpath.store.KeyRange.prefix("/services/"),
          revision - 500).kvs().size());
    }
  }

  /** The I/O counters the commit-cost benchmark reads: one commit per write, its bytes counted. */
  @Test
  void fileIoCountsEachDurableWrite() {
    try (MvStateStore store = MvStateStore.open(dataDir, new ManualClock())) {
      MvStateStore.FileIo before = store.fileIo();
      store.put("/services/s1", "x".repeat(700));
      store.put("/services/s2", "y".repeat(700));
      MvStateStore.FileIo after = store.fileIo();

      assertEquals(2, after.commits() - before.commits());
      assertEquals(0, after.checkpoints() - before.checkpoints(), "a checkpoint per 4 MiB of log");
      assertTrue(after.writes() - before.writes() >= 2, after + " after " + before);
      // each commit's log record holds the 700-byte value twice (current and versions)
      assertTrue(after.bytesWritten() - before.bytesWritten() >= 2 * 2 * 700, after + " after " + before);
    }
  }

  @Test
  void closedStoreRejectsOperations() {
    StateStore store = MvStateStore.open(dataDir, new ManualClock());
    store.close();
    assertThrows(StoreException.class, () -> store.put("a", "1"));
    assertThrows(StoreException.class, () -> store.get("a"));
    store.close(); // idempotent
  }
}
