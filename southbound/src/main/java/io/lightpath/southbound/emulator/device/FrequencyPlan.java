package io.lightpath.southbound.emulator.device;

/** The spectrum the emulated devices accept: the extended C-band on the ITU-T G.694.1 grid. */
public final class FrequencyPlan {
  /** Lowest accepted frequency, MHz (191.300 THz). */
  public static final long MIN_FREQUENCY_MHZ = 191_300_000L;
  /** Highest accepted frequency, MHz (196.150 THz). */
  public static final long MAX_FREQUENCY_MHZ = 196_150_000L;
  /** Anchor of the flexible grid, MHz (193.1 THz). */
  public static final long ANCHOR_MHZ = 193_100_000L;
  /** Granularity of carrier centre frequencies, MHz (6.25 GHz). */
  public static final long GRID_MHZ = 6_250L;
  /** Spectrum one carrier occupies, MHz; a passband must cover centre ± half of it. */
  public static final long SIGNAL_WIDTH_MHZ = 37_500L;

  private FrequencyPlan() {}

  /** True when {@code frequencyMhz} lies in the band. */
  public static boolean inBand(long frequencyMhz) {
    return frequencyMhz >= MIN_FREQUENCY_MHZ && frequencyMhz <= MAX_FREQUENCY_MHZ;
  }

  /** True when {@code frequencyMhz} is a grid point. */
  public static boolean onGrid(long frequencyMhz) {
    return Math.floorMod(frequencyMhz - ANCHOR_MHZ, GRID_MHZ) == 0;
  }
}
