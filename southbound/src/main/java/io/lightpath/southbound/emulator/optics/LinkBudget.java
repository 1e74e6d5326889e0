package io.lightpath.southbound.emulator.optics;

/**
 * The physics constants and formulas of the emulator: a deliberately simple ASE-limited link
 * budget, good enough for controllers to see realistic-looking numbers that respond to
 * topology (documented in docs/lab.md).
 */
public final class LinkBudget {
  /** Signal power below which a receiver or amplifier sees nothing, dBm. */
  public static final double MIN_DETECTABLE_DBM = -30.0;
  /** OSNR of a transmitter's own output, dB. */
  public static final double TRANSMITTER_OSNR_DB = 40.0;
  /** Loss of one pass through an OCS cross-connect, dB. */
  public static final double OCS_INSERTION_LOSS_DB = 1.0;
  /** Symbol rate assumed when converting OSNR to BER, GBd. */
  public static final double SYMBOL_RATE_GBD = 32.0;
  /** OSNR reference bandwidth, GHz. */
  public static final double REFERENCE_BANDWIDTH_GHZ = 12.5;
  /** hν·B_ref at 1550 nm and 12.5 GHz, in dBm: the 58 dB of the classic OSNR rule. */
  private static final double QUANTUM_NOISE_DBM = -58.0;

  private LinkBudget() {}

  /** Linear noise-to-signal ratio an amplifier adds for input power {@code inputDbm}. */
  public static double amplifierNoiseToSignal(double inputDbm, double noiseFigureDb) {
    double osnrDb = inputDbm - QUANTUM_NOISE_DBM - noiseFigureDb;
    return Math.pow(10, -osnrDb / 10);
  }

  /** OSNR in dB for an accumulated linear noise-to-signal ratio. */
  public static double osnrDb(double noiseToSignal) {
    return -10 * Math.log10(noiseToSignal);
  }

  /**
   * Pre-FEC BER of coherent QPSK at {@code osnrDb}: 0.5·erfc(√(SNR/2)), SNR = OSNR·B_ref/R_s.
   * Values below 1e-18 are reported as 0 (as OpenConfig asks).
   */
  public static double preFecBer(double osnrDb) {
    double snr = Math.pow(10, osnrDb / 10) * REFERENCE_BANDWIDTH_GHZ / SYMBOL_RATE_GBD;
    double ber = 0.5 * erfc(Math.sqrt(snr / 2));
    return ber < 1e-18 ? 0.0 : ber;
  }

  /** Complementary error function (Numerical Recipes erfcc, relative error below 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r =
        t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2.0 - r;
  }
}
