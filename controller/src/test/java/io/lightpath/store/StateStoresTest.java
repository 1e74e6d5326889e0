package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoresTest {

  @TempDir Path dir;

  @Test
  void opensEachBackendFromItsLocation() {
    try (StateStore memory = StateStores.open("memory:")) {
      assertInstanceOf(InMemoryStateStore.class, memory);
    }
    try (StateStore mv = StateStores.open("mvstore:" + dir.resolve("a"))) {
      assertInstanceOf(MvStateStore.class, mv);
      mv.put("k", "v");
    }
    assertTrue(Files.exists(dir.resolve("a").resolve(MvStateStore.FILE_NAME)));
    try (StateStore plain = StateStores.open(dir.resolve("a").toString())) {
      assertEquals("v", plain.get("k").orElseThrow().valueUtf8(), "a plain path is an MVStore dir");
    }
  }

  @Test
  void badLocationsAreRejectedWithTheirReason() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StateStores.open(" "))
            .getMessage()
            .contains("memory:"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StateStores.open("redis://x"))
            .getMessage()
            .contains("unknown state store scheme"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StateStores.open("mvstore:"))
            .getMessage()
            .contains("a directory"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StateStores.open("etcd:"))
            .getMessage()
            .contains("endpoint"));
  }
}
