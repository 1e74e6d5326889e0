package io.lightpath.spectrum;

/**
 * A flexible grid (ITU-T G.694.1): {@code slotCount} slots of 6.25 GHz starting at {@code
 * startMhz}. A channel is a centre frequency on the 6.25 GHz grid ({@code 193.1 THz + n × 6.25
 * GHz}) and a width of {@code m × 12.5 GHz}; it covers {@code 2m} slots. Fixed 50/75/100 GHz grids
 * are the special cases {@code m = 4, 6, 8} with the centre restricted to the fixed grid's points.
 *
 * @param startMhz lower edge of slot 0, in MHz; must lie on the 6.25 GHz grid
 * @param slotCount number of slots
 */
public record SpectrumGrid(long startMhz, int slotCount) {

  /** Slot granularity: 6.25 GHz, in MHz. */
  public static final long SLOT_WIDTH_MHZ = 6_250;

  /** Width granularity of a channel: 12.5 GHz, in MHz. */
  public static final long WIDTH_GRANULARITY_MHZ = 12_500;

  /** Anchor frequency of the G.694.1 grid: 193.1 THz, in MHz. */
  public static final long ANCHOR_MHZ = 193_100_000;

  /** The C band 191.325–196.125 THz: 768 slots. */
  public static final SpectrumGrid C_BAND = new SpectrumGrid(191_325_000, 768);

  public SpectrumGrid {
    if (slotCount <= 0) {
      throw new IllegalArgumentException("slotCount must be positive: " + slotCount);
    }
    if (Math.floorMod(startMhz - ANCHOR_MHZ, SLOT_WIDTH_MHZ) != 0) {
      throw new IllegalArgumentException("grid start " + startMhz + " MHz is off the 6.25 GHz grid");
    }
  }

  /** Upper edge of the last slot, in MHz. */
  public long endMhz() {
    return startMhz + slotCount * SLOT_WIDTH_MHZ;
  }

  /** Number of 64-bit words a bitset over this grid needs. */
  public int words() {
    return (slotCount + 63) >>> 6;
  }

  /** Lower edge of slot {@code index}, in MHz. */
  public long slotStartMhz(int index) {
    checkIndex(index);
    return startMhz + index * SLOT_WIDTH_MHZ;
  }

  /** The slot whose [lower, upper) edge range contains {@code frequencyMhz}. */
  public int slotIndexOf(long frequencyMhz) {
    if (frequencyMhz < startMhz || frequencyMhz >= endMhz()) {
      throw new IllegalArgumentException(
          "frequency " + frequencyMhz + " MHz is outside " + startMhz + ".." + endMhz() + " MHz");
    }
    return (int) ((frequencyMhz - startMhz) / SLOT_WIDTH_MHZ);
  }

  /** Centre frequency of a channel covering {@code range}, in MHz. */
  public long centreFrequencyMhz(SlotRange range) {
    checkRange(range);
    return startMhz + range.first() * SLOT_WIDTH_MHZ + range.count() * SLOT_WIDTH_MHZ / 2;
  }

  /** The G.694.1 index n of a centre frequency: {@code f = 193.1 THz + n × 6.25 GHz}. */
  public static long gridIndexN(long centreFrequencyMhz) {
    if (Math.floorMod(centreFrequencyMhz - ANCHOR_MHZ, SLOT_WIDTH_MHZ) != 0) {
      throw new IllegalArgumentException(
          "centre frequency " + centreFrequencyMhz + " MHz is off the 6.25 GHz grid");
    }
    return (centreFrequencyMhz - ANCHOR_MHZ) / SLOT_WIDTH_MHZ;
  }

  /**
   * The slots a channel covers.
   *
   * @param centreFrequencyMhz centre on the 6.25 GHz grid, in MHz
   * @param widthMhz a positive multiple of 12.5 GHz, in MHz
   * @throws IllegalArgumentException when the channel is off the grid or outside the band
   */
  public SlotRange rangeOf(long centreFrequencyMhz, long widthMhz) {
    gridIndexN(centreFrequencyMhz);
    if (widthMhz <= 0 || widthMhz % WIDTH_GRANULARITY_MHZ != 0) {
      throw new IllegalArgumentException(
          "channel width " + widthMhz + " MHz is not a positive multiple of 12.5 GHz");
    }
    long lowMhz = centreFrequencyMhz - widthMhz / 2;
    if (lowMhz < startMhz || centreFrequencyMhz + widthMhz / 2 > endMhz()) {
      throw new IllegalArgumentException(
          "channel " + centreFrequencyMhz + " MHz / " + widthMhz + " MHz is outside the band");
    }
    return new SlotRange((int) ((lowMhz - startMhz) / SLOT_WIDTH_MHZ), (int) (widthMhz / SLOT_WIDTH_MHZ));
  }

  /**
   * A channel of a fixed grid, such as the 50 GHz DWDM grid: centre {@code 193.1 THz + n ×
   * spacing}, width {@code spacing}.
   *
   * @param n channel number on the fixed grid (may be negative)
   * @param spacingMhz 50,000, 75,000 or 100,000 (any multiple of 12.5 GHz is accepted)
   */
  public SlotRange fixedGridRange(int n, long spacingMhz) {
    return rangeOf(ANCHOR_MHZ + n * spacingMhz, spacingMhz);
  }

  /** Number of slots a channel of {@code widthMhz} covers. */
  public static int slotsFor(long widthMhz) {
    if (widthMhz <= 0 || widthMhz % WIDTH_GRANULARITY_MHZ != 0) {
      throw new IllegalArgumentException(
          "channel width " + widthMhz + " MHz is not a positive multiple of 12.5 GHz");
    }
    return (int) (widthMhz / SLOT_WIDTH_MHZ);
  }

  /** Throws unless {@code range} lies inside the grid. */
  public void checkRange(SlotRange range) {
    if (range.first() < 0 || range.end() > slotCount) {
      throw new IllegalArgumentException(
          "slots " + range + " are outside the grid of " + slotCount + " slots");
    }
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= slotCount) {
      throw new IllegalArgumentException("slot " + index + " is outside 0.." + (slotCount - 1));
    }
  }
}
