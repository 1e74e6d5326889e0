package io.lightpath.model;

/**
 * One fiber span and the amplifier that follows it (if any).
 *
 * @param lengthKm span length in km
 * @param attenuationDbPerKm fiber attenuation in dB/km
 * @param dispersionPsPerNmKm chromatic dispersion in ps/(nm·km)
 * @param gammaPerWKm nonlinear coefficient γ in 1/(W·km)
 * @param connectorLossDb connector and splice loss added to the span, in dB
 * @param amplifier the amplifier at the end of the span, or {@code null} when there is none
 */
public record Span(
    double lengthKm,
    double attenuationDbPerKm,
    double dispersionPsPerNmKm,
    double gammaPerWKm,
    double connectorLossDb,
    Amplifier amplifier) {

  /** Standard single-mode fibre (G.652) defaults used when a field is absent. */
  public static final double DEFAULT_ATTENUATION_DB_PER_KM = 0.2;

  public static final double DEFAULT_DISPERSION_PS_PER_NM_KM = 16.7;
  public static final double DEFAULT_GAMMA_PER_W_KM = 1.3;

  /** Total span loss in dB: attenuation over the length plus connectors. */
  public double lossDb() {
    return lengthKm * attenuationDbPerKm + connectorLossDb;
  }
}
