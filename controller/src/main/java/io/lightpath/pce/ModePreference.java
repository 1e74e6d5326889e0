package io.lightpath.pce;

import io.lightpath.model.TransceiverMode;
import java.util.Comparator;

/** Which feasible mode to prefer when several clear their GSNR threshold. */
public enum ModePreference {
  /** Highest line rate; among equal rates the narrowest. */
  HIGHEST_RATE,
  /** Narrowest channel; among equal widths the highest rate. */
  NARROWEST;

  /** Orders modes best first; ties end on the mode id so the order is reproducible. */
  public Comparator<TransceiverMode> order() {
    Comparator<TransceiverMode> rate =
        Comparator.comparingInt(TransceiverMode::lineRateGbps).reversed();
    Comparator<TransceiverMode> width = Comparator.comparingLong(TransceiverMode::widthMhz);
    Comparator<TransceiverMode> c = this == HIGHEST_RATE ? rate.thenComparing(width)
        : width.thenComparing(rate);
    return c.thenComparing(TransceiverMode::id);
  }
}
