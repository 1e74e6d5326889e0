package io.lightpath.qot;

/**
 * Noise one span adds to the channel under test, as noise-to-signal ratios over the channel's
 * symbol-rate bandwidth (linear, so spans add).
 *
 * @param index position of the span in its fiber, from 0
 * @param lengthKm span length, in km
 * @param lossDb span loss including connectors, in dB
 * @param gainDb gain of the amplifier that restores the launch power after the span, in dB
 * @param noiseFigureDb that amplifier's noise figure, in dB (0 for a lossless span without one)
 * @param implicitAmplifier true when the topology names no amplifier and the model assumed one
 *     (a lossless span without an amplifier needs none and adds no noise)
 * @param aseNsr P_ASE / P_ch (linear)
 * @param nliNsr P_NLI / P_ch (linear)
 */
public record SpanNoise(
    int index,
    double lengthKm,
    double lossDb,
    double gainDb,
    double noiseFigureDb,
    boolean implicitAmplifier,
    double aseNsr,
    double nliNsr) {

  /** ASE plus NLI noise-to-signal ratio (linear). */
  public double totalNsr() {
    return aseNsr + nliNsr;
  }
}
