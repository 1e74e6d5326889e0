package io.lightpath.pce;

import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.spectrum.SpectrumPolicy;

/**
 * Engine settings.
 *
 * @param grid the spectrum grid
 * @param guardSlots slots of guard band each channel reserves above itself
 * @param policy spectrum assignment policy
 * @param order path-versus-spectrum search order
 * @param metric default route metric
 * @param k default number of candidate routes
 * @param qotMarginDb margin on top of a mode's required GSNR, in dB
 * @param enforceTransceivers whether endpoints need a free transceiver of the mode's type
 * @param randomSeed seed for the RANDOM policy
 */
public record PceConfig(
    SpectrumGrid grid,
    int guardSlots,
    SpectrumPolicy policy,
    PathOrder order,
    PathMetric metric,
    int k,
    double qotMarginDb,
    boolean enforceTransceivers,
    long randomSeed) {

  public PceConfig {
    if (guardSlots < 0 || k < 1) {
      throw new IllegalArgumentException("guardSlots must be >= 0 and k >= 1");
    }
  }

  /**
   * C band, no guard band, the default policy (see docs/path-computation.md for the measurement
   * behind it), k = 5 by hops, 1 dB QoT margin, inventory enforced.
   */
  public static PceConfig defaults() {
    return new PceConfig(SpectrumGrid.C_BAND, 0, DefaultPolicy.POLICY, DefaultPolicy.ORDER,
        PathMetric.HOPS, 5, 1.0, true, 1);
  }

  public PceConfig withPolicy(SpectrumPolicy p, PathOrder o) {
    return new PceConfig(grid, guardSlots, p, o, metric, k, qotMarginDb, enforceTransceivers,
        randomSeed);
  }

  public PceConfig withGuardSlots(int g) {
    return new PceConfig(grid, g, policy, order, metric, k, qotMarginDb, enforceTransceivers,
        randomSeed);
  }

  public PceConfig withEnforceTransceivers(boolean e) {
    return new PceConfig(grid, guardSlots, policy, order, metric, k, qotMarginDb, e, randomSeed);
  }

  public PceConfig withQotMarginDb(double m) {
    return new PceConfig(grid, guardSlots, policy, order, metric, k, m, enforceTransceivers,
        randomSeed);
  }
}
