package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lightpath.store.memory.InMemoryStateStore;
import java.time.Duration;
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
  void historyYoungerThanTheMinimumAgeIsKeptWhateverTheRate() {
    ManualClock clock = new ManualClock();
    try (StateStore store = new InMemoryStateStore(clock)) {
      // one revision is all the count floor keeps: the age floor alone decides here
      AutoCompactor compactor = new AutoCompactor(store, 1, Duration.ofMinutes(5), clock);
      for (int i = 0; i < 100; i++) {
        store.put("k", Integer.toString(i));
      }
      long burst = store.revision();
      assertEquals(0, compactor.compactOnce(), "100 revisions in one instant: all younger than 5 min");
      clock.advance(Duration.ofMinutes(4));
      store.put("k", "later");
      assertEquals(0, compactor.compactOnce(), "still younger than 5 min");
      assertEquals("0", store.range(KeyRange.key("k"), 2).first().orElseThrow().valueUtf8(),
          "a watcher 4 minutes behind still finds its revision");
      clock.advance(Duration.ofMinutes(1));
      // the burst is now 5 minutes old: compacted up to the revision sampled then, not beyond
      assertEquals(burst, compactor.compactOnce());
      assertThrows(CompactedException.class, () -> store.range(KeyRange.key("k"), burst - 1));
      assertEquals("later", store.get("k").orElseThrow().valueUtf8());
    }
  }

  @Test
  void rejectsZeroRetention() {
    try (StateStore store = new InMemoryStateStore(new ManualClock())) {
      assertThrows(IllegalArgumentException.class, () -> new AutoCompactor(store, 0));
    }
  }
}
