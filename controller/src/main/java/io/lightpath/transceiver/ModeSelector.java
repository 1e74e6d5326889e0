package io.lightpath.transceiver;

import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.QotEstimate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the best transceiver mode whose estimated GSNR clears its threshold plus a margin. The
 * caller supplies the estimate (usually {@code QotEstimator.estimate(path, nodes, mode)}), so
 * the selector knows nothing about paths. Stateless and thread-safe.
 */
public final class ModeSelector {

  /** What "best" means among the modes that close. */
  public enum Preference {
    /** Highest line rate; ties go to the narrowest channel, then the lowest power draw. */
    HIGHEST_RATE,
    /** Narrowest channel; ties go to the highest line rate, then the lowest power draw. */
    NARROWEST
  }

  /** A chosen mode with the estimate it was chosen on. */
  public record Selection(TransceiverMode mode, QotEstimate estimate) {}

  private final double marginDb;
  private final Preference preference;

  /**
   * @param marginDb system margin a mode must keep above its required GSNR, in dB (≥ 0)
   * @param preference how to rank modes that close
   */
  public ModeSelector(double marginDb, Preference preference) {
    if (!(marginDb >= 0)) {
      throw new IllegalArgumentException("marginDb must be at least 0, got " + marginDb);
    }
    this.marginDb = marginDb;
    this.preference = preference;
  }

  public double marginDb() {
    return marginDb;
  }

  /** True when the estimate clears the mode's required GSNR plus the margin. */
  public boolean closes(QotEstimate estimate) {
    return estimate.marginDb() >= marginDb;
  }

  /** The order in which modes are tried. */
  public Comparator<TransceiverMode> order() {
    Comparator<TransceiverMode> rate =
        Comparator.comparingInt(TransceiverMode::lineRateGbps).reversed();
    Comparator<TransceiverMode> width = Comparator.comparingLong(TransceiverMode::widthMhz);
    Comparator<TransceiverMode> first = preference == Preference.HIGHEST_RATE ? rate : width;
    Comparator<TransceiverMode> second = preference == Preference.HIGHEST_RATE ? width : rate;
    return first
        .thenComparing(second)
        .thenComparingDouble(TransceiverMode::powerW)
        .thenComparing(TransceiverMode::id);
  }

  /**
   * The best mode that closes, estimating modes in preference order and stopping at the first
   * that closes.
   */
  public Optional<Selection> select(
      Collection<TransceiverMode> candidates, Function<TransceiverMode, QotEstimate> estimate) {
    return select(candidates, 0, estimate);
  }

  /** As {@link #select(Collection, Function)}, among modes of at least {@code minLineRateGbps}. */
  public Optional<Selection> select(
      Collection<TransceiverMode> candidates,
      int minLineRateGbps,
      Function<TransceiverMode, QotEstimate> estimate) {
    List<TransceiverMode> ordered = new ArrayList<>();
    for (TransceiverMode m : candidates) {
      if (m.lineRateGbps() >= minLineRateGbps) {
        ordered.add(m);
      }
    }
    ordered.sort(order());
    for (TransceiverMode m : ordered) {
      QotEstimate e = estimate.apply(m);
      if (closes(e)) {
        return Optional.of(new Selection(m, e));
      }
    }
    return Optional.empty();
  }
}
