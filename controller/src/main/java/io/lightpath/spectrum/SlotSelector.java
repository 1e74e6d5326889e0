package io.lightpath.spectrum;

import java.util.random.RandomGenerator;

/**
 * Applies a {@link SpectrumPolicy} to the free slots of one path. Holds scratch arrays so a call
 * allocates nothing: not thread-safe, use one per thread.
 */
public final class SlotSelector {
  private final int slots;
  private final int nWords;
  private final long[] starts;
  private final RandomGenerator random;
  private long lastScore;
  private int lastCandidates;

  /**
   * @param slots number of slots on the grid
   * @param random source for {@link SpectrumPolicy#RANDOM}
   */
  public SlotSelector(int slots, RandomGenerator random) {
    this.slots = slots;
    this.nWords = SlotBits.words(slots);
    this.starts = new long[nWords];
    this.random = random;
  }

  /**
   * Picks a start for {@code count} contiguous slots that are all free in {@code free}.
   *
   * @param free free mask (bit set = slot free on every fiber of the path); not modified
   * @param count slots needed, guard band included
   * @param usage per-slot count of fibers using the slot; only read by MOST_USED and LEAST_USED
   * @return the chosen start, or -1 when nothing fits; {@link #lastScore()} then holds its score
   */
  public int choose(SpectrumPolicy policy, long[] free, int count, int[] usage) {
    System.arraycopy(free, 0, starts, 0, nWords);
    SlotBits.startsInPlace(starts, count, nWords);
    return pick(policy, free, count, usage);
  }

  /**
   * Like {@link #choose} but given the fitting starts themselves (bit s set = slots {@code [s,
   * s + count)} fit), for paths whose hops may each use one of several parallel fibers: there a
   * start fits when some fiber of every hop has its slots free, which no single free mask says.
   * BEST_FIT measures blocks of the union of the fitting ranges (a block always begins at a
   * fitting start).
   *
   * @param fitting fitting starts; not modified
   */
  public int chooseAmongStarts(SpectrumPolicy policy, long[] fitting, int count, int[] usage) {
    System.arraycopy(fitting, 0, starts, 0, nWords);
    long[] blocks = null;
    if (policy == SpectrumPolicy.BEST_FIT) {
      blocks = new long[nWords];
      for (int s = SlotBits.nextSet(fitting, 0, nWords); s >= 0;
          s = SlotBits.nextSet(fitting, s + 1, nWords)) {
        SlotBits.set(blocks, s, Math.min(slots, s + count));
      }
    }
    return pick(policy, blocks, count, usage);
  }

  private int pick(SpectrumPolicy policy, long[] free, int count, int[] usage) {
    lastCandidates = 0;
    switch (policy) {
      case FIRST_FIT -> {
        int s = SlotBits.nextSet(starts, 0, nWords);
        lastScore = s;
        lastCandidates = s < 0 ? 0 : 1;
        return s;
      }
      case LAST_FIT -> {
        int s = SlotBits.lastSet(starts, nWords);
        lastScore = slots - s;
        lastCandidates = s < 0 ? 0 : 1;
        return s;
      }
      case RANDOM -> {
        int n = SlotBits.cardinality(starts, nWords);
        lastCandidates = n;
        if (n == 0) {
          return -1;
        }
        int pick = random.nextInt(n);
        int s = SlotBits.nextSet(starts, 0, nWords);
        while (pick-- > 0) {
          s = SlotBits.nextSet(starts, s + 1, nWords);
        }
        lastScore = 0;
        return s;
      }
      case MOST_USED, LEAST_USED -> {
        return chooseByUsage(policy == SpectrumPolicy.MOST_USED, count, usage);
      }
      case BEST_FIT -> {
        return chooseBestFit(free, count);
      }
      default -> throw new IllegalStateException("unknown policy " + policy);
    }
  }

  /** Score of the last successful {@link #choose}: lower is better. */
  public long lastScore() {
    return lastScore;
  }

  /** Number of fitting starts seen by the last RANDOM choice (weights paths uniformly). */
  public int lastCandidates() {
    return lastCandidates;
  }

  private int chooseByUsage(boolean most, int count, int[] usage) {
    int best = -1;
    long bestScore = Long.MAX_VALUE;
    long weight = slots + 1L;
    // Walk set bits word by word (cheaper than repeated nextSet calls in the simulator's loop).
    for (int w = 0; w < nWords; w++) {
      long bits = starts[w];
      while (bits != 0) {
        int s = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        long sum = usage[s];
        for (int i = s + 1; i < s + count; i++) {
          sum += usage[i];
        }
        long score = (most ? -sum : sum) * weight + s;
        if (score < bestScore) {
          bestScore = score;
          best = s;
        }
      }
    }
    lastScore = bestScore;
    lastCandidates = best < 0 ? 0 : 1;
    return best;
  }

  private int chooseBestFit(long[] free, int count) {
    int best = -1;
    long bestScore = Long.MAX_VALUE;
    int i = SlotBits.nextSet(free, 0, nWords);
    while (i >= 0 && i < slots) {
      int end = i;
      while (end < slots && SlotBits.get(free, end)) {
        end++;
      }
      int len = end - i;
      if (len >= count) {
        long score = (long) len * (slots + 1L) + i;
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      }
      i = end < slots ? SlotBits.nextSet(free, end, nWords) : -1;
    }
    lastScore = bestScore;
    lastCandidates = best < 0 ? 0 : 1;
    return best;
  }
}
