package io.lightpath.store.mvstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.KeyRange;
import io.lightpath.store.ManualClock;
import io.lightpath.store.internal.SortedTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's write-ahead log: what a crash leaves is recovered exactly. A "crash image"
 * is a copy of the data directory taken while the store is still open: the files as the OS holds
 * them after the last acknowledged write, which is what a killed process leaves behind.
 */
class WriteAheadLogTest {

  @TempDir Path dir;

  private Path crashImage(String name) throws IOException {
    return crashImage(live(), name);
  }

  private Path crashImage(Path of, String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(of)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return copy;
  }

  private Path live() {
    return dir.resolve("live");
  }

  private static Path logOf(Path dataDir) {
    return dataDir.resolve(MvStateStore.FILE_NAME + MvStoreTables.LOG_SUFFIX);
  }

  @Test
  void acknowledgedWritesSinceTheLastCheckpointAreReplayedAfterACrash() throws IOException {
    long revision;
    Path image;
    try (MvStateStore store = MvStateStore.open(live(), new ManualClock(), 0)) {
      for (int i = 0; i < 50; i++) {
        store.put("/k/" + i, "v" + i);
      }
      store.delete(KeyRange.key("/k/7"));
      revision = store.revision();
      assertEquals(0, store.fileIo().checkpoints() - 1, "only the checkpoint of the open");
      assertTrue(Files.size(logOf(live())) > 0, "the writes are in the log, not the file");
      image = crashImage("image");
    }
    try (MvStateStore recovered = MvStateStore.open(image, new ManualClock(), 0)) {
      assertEquals(revision, recovered.revision());
      assertEquals(49, recovered.range(KeyRange.prefix("/k/")).kvs().size());
      assertTrue(recovered.get("/k/7").isEmpty());
      assertEquals("v49", recovered.get("/k/49").orElseThrow().valueUtf8());
      // recovery checkpoints and starts an empty log
      assertEquals(0, Files.size(logOf(image)));
    }
  }

  @Test
  void aTornLastRecordIsDroppedAndLaterWritesAppendAfterTheGoodOnes() throws IOException {
    Path image;
    try (MvStateStore store = MvStateStore.open(live(), new ManualClock(), 0)) {
      store.put("/a", "1");
      store.put("/b", "2");
      image = crashImage("image");
    }
    Path log = logOf(image);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 5); // the last record was being written when the process died
    }
    Path second;
    try (MvStateStore recovered = MvStateStore.open(image, new ManualClock(), 0)) {
      assertEquals("1", recovered.get("/a").orElseThrow().valueUtf8());
      assertTrue(recovered.get("/b").isEmpty(), "the torn record was never acknowledged");
      recovered.put("/c", "3");
      second = crashImage(image, "second");
    }
    // the new write went into a clean log, not after the torn bytes: a crash recovers it too
    try (MvStateStore reopened = MvStateStore.open(second, new ManualClock(), 0)) {
      assertEquals("1", reopened.get("/a").orElseThrow().valueUtf8());
      assertEquals("3", reopened.get("/c").orElseThrow().valueUtf8());
    }
  }

  @Test
  void recordsOfAnEarlierGenerationAreNeverAppliedOverACheckpoint() throws IOException {
    Path staleLog = dir.resolve("stale.wal");
    try (MvStateStore store = MvStateStore.open(live(), new ManualClock(), 0)) {
      store.put("/k", "old");
      Files.copy(logOf(live()), staleLog); // holds "put /k old" of the first generation
    }
    try (MvStateStore store = MvStateStore.open(live(), new ManualClock(), 0)) {
      store.delete(KeyRange.key("/k"));
    }
    // a checkpoint whose log truncation was lost: the old records are still in the file
    Files.copy(staleLog, logOf(live()), StandardCopyOption.REPLACE_EXISTING);
    try (MvStateStore store = MvStateStore.open(live(), new ManualClock(), 0)) {
      assertTrue(store.get("/k").isEmpty(), "a stale record brought a deleted key back");
    }
  }

  @Test
  void rollbackUndoesOnlyTheUncommittedChangesAndNoneReachTheLog() throws IOException {
    Files.createDirectories(live());
    Path file = live().resolve(MvStateStore.FILE_NAME);
    MvStoreTables tables = new MvStoreTables(file);
    try {
      SortedTable t = tables.table("t");
      t.put(bytes("x"), bytes("1"));
      t.put(bytes("gone"), bytes("soon"));
      tables.commit();

      t.put(bytes("x"), bytes("2"));
      t.put(bytes("y"), bytes("3"));
      t.remove(bytes("gone"));
      t.put(bytes("x"), bytes("4"));
      tables.rollback();

      assertArrayEquals(bytes("1"), t.get(bytes("x")));
      assertNull(t.get(bytes("y")));
      assertArrayEquals(bytes("soon"), t.get(bytes("gone")));

      t.put(bytes("y"), bytes("uncommitted"));
      Path image = crashImage("image");
      MvStoreTables recovered = new MvStoreTables(image.resolve(MvStateStore.FILE_NAME));
      try {
        SortedTable r = recovered.table("t");
        assertArrayEquals(bytes("1"), r.get(bytes("x")));
        assertArrayEquals(bytes("soon"), r.get(bytes("gone")));
        assertNull(r.get(bytes("y")), "an uncommitted change survived a crash");
      } finally {
        recovered.close();
      }
    } finally {
      tables.close();
    }
  }

  /**
   * MVStore writes a chunk of its own once about 1 MB is unsaved, even with auto-commit off;
   * a transaction larger than that (a big topology document) was then partly in the file
   * before its commit. No longer: nothing reaches the file or the log before the commit.
   */
  @Test
  void aTransactionLargerThanMvstoresWriteBufferIsNotPartlyWrittenBeforeItsCommit()
      throws IOException {
    Files.createDirectories(live());
    MvStoreTables tables = new MvStoreTables(live().resolve(MvStateStore.FILE_NAME));
    try {
      SortedTable t = tables.table("t");
      byte[] value = new byte[4096];
      for (int i = 0; i < 8_000; i++) { // ~32 MB
        t.put(bytes("big/" + i), value);
      }
      Path image = crashImage("image");
      MvStoreTables recovered = new MvStoreTables(image.resolve(MvStateStore.FILE_NAME));
      try {
        assertTrue(recovered.table("t").get(bytes("big/0")) == null, "half a transaction was durable");
        assertEquals(false, recovered.table("t").scan(bytes(""), null).hasNext());
      } finally {
        recovered.close();
      }
    } finally {
      tables.close();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
