package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lightpath.store.memory.InMemoryStateStore;
import org.junit.jupiter.api.Test;

class AutoCompactorTest {

  @Test
  void keepsTheNewestRevisionsReadable() {
    try (StateStore store = new InMemoryStateStore(new ManualClock())) {
      AutoCompactor compactor = new AutoCompactor(store, 3);
      assertEquals(0, compactor.compactOnce(), "nothing to compact in a fresh store");
      for (int i = 0; i < 10; i++) {
        store.put("k", Integer.toString(i));
      }
      long rev = store.revision();
      assertEquals(rev - 2, compactor.compactOnce());
      assertEquals(0, compactor.compactOnce(), "no new revisions, no new compaction");
      assertEquals("7", store.range(KeyRange.key("k"), rev - 2).first().orElseThrow().valueUtf8());
      assertThrows(CompactedException.class, () -> store.range(KeyRange.key("k"), rev - 3));

      store.compact(rev);
      store.put("k", "x");
      assertEquals(0, compactor.compactOnce(), "an external compaction beyond the target is fine");
    }
  }

  @Test
  void rejectsZeroRetention() {
    try (StateStore store = new InMemoryStateStore(new ManualClock())) {
      assertThrows(IllegalArgumentException.class, () -> new AutoCompactor(store, 0));
    }
  }
}
