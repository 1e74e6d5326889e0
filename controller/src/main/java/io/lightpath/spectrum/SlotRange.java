package io.lightpath.spectrum;

/**
 * A run of contiguous slots: {@code [first, first + count)}.
 *
 * @param first index of the lowest slot
 * @param count number of slots, at least 1
 */
public record SlotRange(int first, int count) {

  public SlotRange {
    if (first < 0 || count <= 0) {
      throw new IllegalArgumentException("invalid slot range first=" + first + " count=" + count);
    }
  }

  /** One past the highest slot. */
  public int end() {
    return first + count;
  }

  /** Width in MHz on a 6.25 GHz slot grid. */
  public long widthMhz() {
    return count * SpectrumGrid.SLOT_WIDTH_MHZ;
  }

  /** Whether the two ranges share a slot. */
  public boolean overlaps(SlotRange other) {
    return first < other.end() && other.first < end();
  }

  /** This range grown by {@code guardSlots} on the high side (the guard band it reserves). */
  public SlotRange withGuard(int guardSlots) {
    return new SlotRange(first, count + guardSlots);
  }

  @Override
  public String toString() {
    return "[" + first + "," + end() + ")";
  }
}
