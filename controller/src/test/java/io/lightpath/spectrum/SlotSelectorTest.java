package io.lightpath.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlotSelectorTest {
  // 20 slots; free blocks: [0,5) len 5, [8,10) len 2, [12,20) len 8
  private final long[] free = mask(20, 0, 5, 8, 10, 12, 20);
  private final SlotSelector sel = new SlotSelector(20, new SplittableRandom(7));

  private static long[] mask(int slots, int... ranges) {
    long[] m = new long[SlotBits.words(slots)];
    for (int i = 0; i < ranges.length; i += 2) {
      SlotBits.set(m, ranges[i], ranges[i + 1]);
    }
    return m;
  }

  @Test
  void firstAndLastFit() {
    assertEquals(0, sel.choose(SpectrumPolicy.FIRST_FIT, free, 2, null));
    assertEquals(12, sel.choose(SpectrumPolicy.FIRST_FIT, free, 6, null));
    assertEquals(18, sel.choose(SpectrumPolicy.LAST_FIT, free, 2, null));
    assertEquals(-1, sel.choose(SpectrumPolicy.FIRST_FIT, free, 9, null));
  }

  @Test
  void bestFitTakesTheSmallestBlockThatFits() {
    assertEquals(8, sel.choose(SpectrumPolicy.BEST_FIT, free, 2, null));
    assertEquals(0, sel.choose(SpectrumPolicy.BEST_FIT, free, 3, null));
    assertEquals(12, sel.choose(SpectrumPolicy.BEST_FIT, free, 6, null));
  }

  @Test
  void mostAndLeastUsedFollowUsage() {
    int[] usage = new int[20];
    usage[13] = 5;
    usage[14] = 5;
    usage[3] = 1;
    assertEquals(13, sel.choose(SpectrumPolicy.MOST_USED, free, 2, usage));
    // least used: zero-usage starts exist; lowest index among them wins
    assertEquals(0, sel.choose(SpectrumPolicy.LEAST_USED, free, 2, usage));
    usage[0] = 9;
    assertEquals(1, sel.choose(SpectrumPolicy.LEAST_USED, free, 2, usage));
  }

  @Test
  void randomOnlyPicksFittingStartsAndCoversThem() {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      int s = sel.choose(SpectrumPolicy.RANDOM, free, 2, null);
      assertTrue(SlotBits.allSet(free, s, s + 2), "start " + s);
      seen.add(s);
    }
    // starts for 2 slots: 0..3, 8, 12..18 = 4 + 1 + 7
    assertEquals(12, seen.size());
  }
}
