package io.lightpath.spectrum;

/**
 * Bitset operations over slot occupancy kept as {@code long[]} words: bit {@code i} is slot
 * {@code i} (word {@code i >>> 6}, bit {@code i & 63}). None of these allocate, so the simulator's
 * hot loop and the path computer can reuse scratch arrays.
 */
public final class SlotBits {
  private SlotBits() {}

  /** Number of words for {@code slots} bits. */
  public static int words(int slots) {
    return (slots + 63) >>> 6;
  }

  /** Whether bit {@code i} is set. */
  public static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  /** Sets bits {@code [from, to)}. */
  public static void set(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      int w = i >>> 6;
      int hi = Math.min(to, (w + 1) << 6);
      bits[w] |= rangeMask(i & 63, hi - i);
      i = hi;
    }
  }

  /** Clears bits {@code [from, to)}. */
  public static void clear(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      int w = i >>> 6;
      int hi = Math.min(to, (w + 1) << 6);
      bits[w] &= ~rangeMask(i & 63, hi - i);
      i = hi;
    }
  }

  /** Whether any bit in {@code [from, to)} is set. */
  public static boolean anySet(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      int w = i >>> 6;
      int hi = Math.min(to, (w + 1) << 6);
      if ((bits[w] & rangeMask(i & 63, hi - i)) != 0) {
        return true;
      }
      i = hi;
    }
    return false;
  }

  /** Whether every bit in {@code [from, to)} is set. */
  public static boolean allSet(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      int w = i >>> 6;
      int hi = Math.min(to, (w + 1) << 6);
      long m = rangeMask(i & 63, hi - i);
      if ((bits[w] & m) != m) {
        return false;
      }
      i = hi;
    }
    return true;
  }

  /** Number of set bits. */
  public static int cardinality(long[] bits, int nWords) {
    int c = 0;
    for (int w = 0; w < nWords; w++) {
      c += Long.bitCount(bits[w]);
    }
    return c;
  }

  /** Index of the lowest set bit at or above {@code from}, or -1. */
  public static int nextSet(long[] bits, int from, int nWords) {
    int w = from >>> 6;
    if (w >= nWords) {
      return -1;
    }
    long word = bits[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w >= nWords) {
        return -1;
      }
      word = bits[w];
    }
  }

  /** Index of the highest set bit, or -1. */
  public static int lastSet(long[] bits, int nWords) {
    for (int w = nWords - 1; w >= 0; w--) {
      if (bits[w] != 0) {
        return (w << 6) + 63 - Long.numberOfLeadingZeros(bits[w]);
      }
    }
    return -1;
  }

  /**
   * Writes into {@code free} the slots that are unused on every one of {@code occupancy}'s
   * arrays: {@code free = valid & ~(occ[0] | occ[1] | ...)}. This is the continuity constraint: a
   * channel keeps its slots end to end.
   */
  public static void freeAlong(long[][] occupancy, long[] valid, long[] free, int nWords) {
    for (int w = 0; w < nWords; w++) {
      long used = 0;
      for (long[] occ : occupancy) {
        used |= occ[w];
      }
      free[w] = valid[w] & ~used;
    }
  }

  /**
   * Turns a free mask into a start mask in place: afterwards bit {@code j} is set iff slots
   * {@code j .. j + count - 1} were all free (contiguity). Bits above the grid must be clear on
   * entry, so no start runs past the band edge. O(words × log count).
   */
  public static void startsInPlace(long[] bits, int count, int nWords) {
    int run = 1;
    while (run * 2 <= count) {
      andShiftedRight(bits, run, nWords);
      run *= 2;
    }
    if (count > run) {
      andShiftedRight(bits, count - run, nWords);
    }
  }

  /** {@code bits &= bits >>> shift} across words; ascending order reads only unmodified words. */
  static void andShiftedRight(long[] bits, int shift, int nWords) {
    int ws = shift >>> 6;
    int bs = shift & 63;
    for (int w = 0; w < nWords; w++) {
      int src = w + ws;
      long lo = src < nWords ? bits[src] : 0L;
      long shifted;
      if (bs == 0) {
        shifted = lo;
      } else {
        long hi = src + 1 < nWords ? bits[src + 1] : 0L;
        shifted = (lo >>> bs) | (hi << (64 - bs));
      }
      bits[w] &= shifted;
    }
  }

  /** A mask with the low {@code slots} bits set (the slots that exist on a grid). */
  public static long[] validMask(int slots) {
    long[] m = new long[words(slots)];
    set(m, 0, slots);
    return m;
  }

  private static long rangeMask(int bit, int len) {
    return len == 64 ? -1L : ((1L << len) - 1) << bit;
  }
}
