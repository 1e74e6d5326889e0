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

  @Test
  void closedStoreRejectsOperations() {
    StateStore store = MvStateStore.open(dataDir, new ManualClock());
    store.close();
    assertThrows(StoreException.class, () -> store.put("a", "1"));
    assertThrows(StoreException.class, () -> store.get("a"));
    store.close(); // idempotent
  }
}
