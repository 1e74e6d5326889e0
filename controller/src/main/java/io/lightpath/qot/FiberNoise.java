package io.lightpath.qot;

import java.util.List;

/**
 * Precomputed noise of a whole fiber for one channel shape: the sum of its spans.
 *
 * @param fiberId the fiber
 * @param lengthKm fiber length, in km
 * @param spans per-span contributions, A to Z
 * @param aseNsr summed ASE noise-to-signal ratio (linear)
 * @param nliNsr summed NLI noise-to-signal ratio (linear)
 */
public record FiberNoise(
    String fiberId, double lengthKm, List<SpanNoise> spans, double aseNsr, double nliNsr) {

  public FiberNoise {
    spans = List.copyOf(spans);
  }

  /** ASE plus NLI noise-to-signal ratio (linear). */
  public double totalNsr() {
    return aseNsr + nliNsr;
  }

  /** The fiber's own GSNR over the symbol rate, in dB. */
  public double gsnrDb() {
    return -GnModel.linearToDb(totalNsr());
  }
}
