package io.lightpath.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotBitsTest {

  @Test
  void setClearAndQueriesAcrossWordBoundaries() {
    long[] b = new long[3];
    SlotBits.set(b, 60, 130);
    assertEquals(70, SlotBits.cardinality(b, 3));
    assertTrue(SlotBits.allSet(b, 60, 130));
    assertFalse(SlotBits.anySet(b, 0, 60));
    assertFalse(SlotBits.anySet(b, 130, 192));
    assertEquals(60, SlotBits.nextSet(b, 0, 3));
    assertEquals(129, SlotBits.lastSet(b, 3));
    SlotBits.clear(b, 64, 128);
    assertEquals(6, SlotBits.cardinality(b, 3));
    assertEquals(128, SlotBits.nextSet(b, 64, 3));
  }

  /** Property: the start mask equals a naive scan, for random masks, counts and grid sizes. */
  @Test
  void startsMatchNaiveScan() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 2_000; trial++) {
      int slots = 1 + rnd.nextInt(800);
      int words = SlotBits.words(slots);
      long[] free = new long[words];
      double density = rnd.nextDouble();
      for (int i = 0; i < slots; i++) {
        if (rnd.nextDouble() < density) {
          SlotBits.set(free, i, i + 1);
        }
      }
      int count = 1 + rnd.nextInt(Math.min(slots, 140));
      long[] starts = free.clone();
      SlotBits.startsInPlace(starts, count, words);
      for (int s = 0; s < slots; s++) {
        boolean expect = s + count <= slots && SlotBits.allSet(free, s, s + count);
        assertEquals(expect, SlotBits.get(starts, s), "slots=" + slots + " count=" + count + " s=" + s);
      }
    }
  }

  @Test
  void freeAlongIsTheIntersectionOfFreeSlots() {
    long[] a = new long[1];
    long[] b = new long[1];
    SlotBits.set(a, 0, 3);
    SlotBits.set(b, 5, 6);
    long[] valid = SlotBits.validMask(10);
    long[] free = new long[1];
    SlotBits.freeAlong(new long[][] {a, b}, valid, free, 1);
    assertEquals(0b1111011000L, free[0]);
  }
}
