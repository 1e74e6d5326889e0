package io.lightpath.qot;

/**
 * Closed-form Gaussian-noise (GN) model of an EDFA-amplified span: amplified spontaneous
 * emission (ASE) and the incoherent-GN nonlinear interference (NLI) of Poggiolini et al.
 * (arXiv:1209.0394 eqs. 120 and 123, the expression gnpy evaluates in its "gn_analytic" NLI
 * solver). Pure functions in SI units; the formulas with units are written out in docs/qot.md.
 */
public final class GnModel {

  /** Planck constant h, in J·s. */
  public static final double PLANCK_J_S = 6.62607015e-34;

  /** Speed of light in vacuum, in m/s. */
  public static final double SPEED_OF_LIGHT_M_S = 299_792_458.0;

  /** The 0.1 nm reference bandwidth OSNR is quoted in (12.5 GHz at 1550 nm), in Hz. */
  public static final double REFERENCE_BANDWIDTH_HZ = 12.5e9;

  private GnModel() {}

  /** 10^(dB/10). */
  public static double dbToLinear(double db) {
    return Math.pow(10.0, db / 10.0);
  }

  /** 10·log10(linear). */
  public static double linearToDb(double linear) {
    return 10.0 * Math.log10(linear);
  }

  /** Power in W from dBm. */
  public static double dbmToWatt(double dbm) {
    return 1e-3 * dbToLinear(dbm);
  }

  /**
   * ASE power an amplifier adds at its output over {@code bandwidthHz}: P = NF·h·ν·G·B (the
   * high-gain form, as gnpy uses), in W.
   */
  public static double asePowerW(
      double noiseFigureDb, double gainDb, double frequencyHz, double bandwidthHz) {
    return dbToLinear(noiseFigureDb) * PLANCK_J_S * frequencyHz * dbToLinear(gainDb) * bandwidthHz;
  }

  /** Power attenuation coefficient α in 1/m from a loss in dB/km. */
  public static double alphaPerM(double attenuationDbPerKm) {
    return attenuationDbPerKm / (10.0 * Math.log10(Math.E)) / 1000.0;
  }

  /** |β2| in s²/m from the dispersion parameter D in ps/(nm·km) at {@code frequencyHz}. */
  public static double beta2AbsS2PerM(double dispersionPsPerNmKm, double frequencyHz) {
    double dispersionSPerM2 = Math.abs(dispersionPsPerNmKm) * 1e-6; // ps/(nm·km) = 1e-6 s/m²
    double wavelengthM = SPEED_OF_LIGHT_M_S / frequencyHz;
    return dispersionSPerM2 * wavelengthM * wavelengthM / (2.0 * Math.PI * SPEED_OF_LIGHT_M_S);
  }

  /** Effective length (1 − e^(−αL))/α, in m. */
  public static double effectiveLengthM(double alphaPerM, double lengthM) {
    return -Math.expm1(-alphaPerM * lengthM) / alphaPerM;
  }

  /**
   * NLI power over the bandwidth of the channel under test (CUT), referred to the span input,
   * for one span carrying a uniform comb. The CUT sits in the middle of the comb; its neighbours
   * start half a CUT width plus half a grid spacing away, so a wide CUT displaces grid slots.
   *
   * <pre>
   * P_NLI = B_i · (16/27)·γ² · [G_i³·ψ_ii + 2·Σ_j G_i·G_j²·ψ_ij]          (W)
   * ψ_ij  = L_eff²/(2π|β2|L_a) · ½·[asinh(π²L_a|β2|B_i(Δf_j + B_j/2)) − asinh(π²L_a|β2|B_i(Δf_j − B_j/2))]
   * ψ_ii  = L_eff²/(2π|β2|L_a) · asinh(π²/2 · L_a|β2|B_i²),   L_a = 1/α,   G = P/B (W/Hz)
   * </pre>
   *
   * @param lengthKm span length, in km
   * @param attenuationDbPerKm fiber loss, in dB/km (must be positive)
   * @param dispersionPsPerNmKm chromatic dispersion D, in ps/(nm·km) (must not be 0)
   * @param gammaPerWKm nonlinear coefficient γ, in 1/(W·km)
   * @param channelPowerW launch power of every channel, in W
   * @param cutBaudHz symbol rate of the channel under test, in Hz
   * @param cutWidthHz spectral slot of the channel under test, in Hz
   * @param load the rest of the comb
   * @param frequencyHz optical frequency for β2, in Hz
   */
  public static double nliPowerW(
      double lengthKm,
      double attenuationDbPerKm,
      double dispersionPsPerNmKm,
      double gammaPerWKm,
      double channelPowerW,
      double cutBaudHz,
      double cutWidthHz,
      ChannelLoad load,
      double frequencyHz) {
    if (!(attenuationDbPerKm > 0)) {
      throw new IllegalArgumentException("attenuation must be positive, got " + attenuationDbPerKm);
    }
    if (dispersionPsPerNmKm == 0 || !Double.isFinite(dispersionPsPerNmKm)) {
      throw new IllegalArgumentException(
          "the closed-form GN model needs non-zero dispersion, got " + dispersionPsPerNmKm);
    }
    if (lengthKm <= 0 || channelPowerW <= 0) {
      return 0.0;
    }
    double alpha = alphaPerM(attenuationDbPerKm);
    double asymptoticLengthM = 1.0 / alpha;
    double effectiveLengthM = effectiveLengthM(alpha, lengthKm * 1000.0);
    double beta2 = beta2AbsS2PerM(dispersionPsPerNmKm, frequencyHz);
    double gammaPerWM = gammaPerWKm / 1000.0;
    double scale = effectiveLengthM * effectiveLengthM / (2.0 * Math.PI * beta2 * asymptoticLengthM);
    double x = Math.PI * Math.PI * asymptoticLengthM * beta2 * cutBaudHz;

    double cutPsd = channelPowerW / cutBaudHz;
    double spm = cutPsd * cutPsd * cutPsd * asinh(x * cutBaudHz / 2.0);

    double spacingHz = load.spacingGhz() * 1e9;
    double pumpBaudHz = load.baudRateGbd() * 1e9;
    double pumpPsd = channelPowerW / pumpBaudHz;
    double firstOffsetHz = (Math.max(spacingHz, cutWidthHz) + spacingHz) / 2.0;
    int interferers = load.numChannels() - 1;
    int lower = interferers / 2;
    int upper = interferers - lower;
    double xpmPsi = 0.0;
    for (int k = 0; k < upper; k++) {
      double df = firstOffsetHz + k * spacingHz;
      double psi = 0.5 * (asinh(x * (df + pumpBaudHz / 2.0)) - asinh(x * (df - pumpBaudHz / 2.0)));
      xpmPsi += k < lower ? 2.0 * psi : psi; // the comb is symmetric: each lower twin weighs the same
    }
    double xpm = 2.0 * cutPsd * pumpPsd * pumpPsd * xpmPsi;

    double gnli = (16.0 / 27.0) * gammaPerWM * gammaPerWM * scale * (spm + xpm);
    return gnli * cutBaudHz;
  }

  static double asinh(double v) {
    // Math has no asinh; this form is exact for both signs and stable for large |v|.
    double a = Math.abs(v);
    double r = Math.log(a + Math.sqrt(a * a + 1.0));
    return v < 0 ? -r : r;
  }
}
