package io.lightpath.transceiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotEstimate;
import io.lightpath.qot.QotParameters;
import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModeSelectorTest {

  private static TransceiverMode mode(String id, int rate, long widthMhz, double reqGsnr, double w) {
    return new TransceiverMode(id, "T", rate, widthMhz / 1250.0, "X", widthMhz, reqGsnr, 40, -10, 0, w);
  }

  /** Every mode gets the same GSNR; the margin is GSNR − required. */
  private static Function<TransceiverMode, QotEstimate> flat(double gsnrDb) {
    return m -> new QotEstimate(gsnrDb, gsnrDb + 5, gsnrDb - m.requiredGsnrDb());
  }

  private final List<TransceiverMode> modes = List.of(
      mode("100-50", 100, 50_000, 8, 15),
      mode("200-75", 200, 75_000, 12, 17),
      mode("400-75", 400, 75_000, 19, 15),
      mode("400-88", 400, 87_500, 17, 25),
      mode("800-150", 800, 150_000, 19.5, 30));

  @Test
  void highestRateThatClosesWithMarginWins() {
    ModeSelector s = new ModeSelector(1.0, ModeSelector.Preference.HIGHEST_RATE);
    assertEquals("800-150", s.select(modes, flat(25)).orElseThrow().mode().id());
    // 20 dB: 800G needs 19.5 + 1 > 20; 400-75 needs 20 → closes and is narrower than 400-88
    assertEquals("400-75", s.select(modes, flat(20)).orElseThrow().mode().id());
    // 19.5 dB: 400-75 misses (needs 20), 400-88 closes (needs 18)
    assertEquals("400-88", s.select(modes, flat(19.5)).orElseThrow().mode().id());
    assertEquals("100-50", s.select(modes, flat(9)).orElseThrow().mode().id());
    assertTrue(s.select(modes, flat(8.9)).isEmpty());
  }

  @Test
  void narrowestPreferenceTakesTheSmallestSlotThenTheHighestRate() {
    ModeSelector s = new ModeSelector(0.0, ModeSelector.Preference.NARROWEST);
    assertEquals("100-50", s.select(modes, flat(25)).orElseThrow().mode().id());
    assertEquals("400-75", s.select(modes, 300, flat(25)).orElseThrow().mode().id());
    assertEquals("400-88", s.select(modes, 300, flat(18)).orElseThrow().mode().id());
  }

  @Test
  void stopsEstimatingAtTheFirstModeThatCloses() {
    AtomicInteger calls = new AtomicInteger();
    ModeSelector s = new ModeSelector(0.0, ModeSelector.Preference.HIGHEST_RATE);
    s.select(modes, m -> {
      calls.incrementAndGet();
      return flat(30).apply(m);
    });
    assertEquals(1, calls.get());
  }

  @Test
  void negativeMarginIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new ModeSelector(-0.5, ModeSelector.Preference.HIGHEST_RATE));
  }

  @Test
  void longerPathsNeverGetAFasterModeSeededRandom() {
    // With the real catalog and GN estimator, the chosen line rate never rises as spans are added.
    TransceiverCatalog catalog = TransceiverCatalog.loadDefault();
    GnQotEstimator estimator = new GnQotEstimator(QotParameters.defaults());
    ModeSelector selector = new ModeSelector(2.0, ModeSelector.Preference.HIGHEST_RATE);
    Random rnd = new Random(7L);
    List<Node> nodes = List.of(
        new Node("A", "", NodeKind.ROADM, List.of(), 0, 0, Map.of()),
        new Node("Z", "", NodeKind.ROADM, List.of(), 0, 0, Map.of()));
    for (int trial = 0; trial < 20; trial++) {
      List<Span> spans = new ArrayList<>();
      int previousRate = Integer.MAX_VALUE;
      for (int i = 0; i < 40; i++) {
        spans.add(new Span(50 + rnd.nextDouble() * 50, 0.2, 16.7, 1.27, 0.5,
            new Amplifier("", 0, 5 + rnd.nextDouble(), 0)));
        Fiber f = new Fiber("f", "A", "", "Z", "", 0, 0, 4.9, spans, Set.of());
        Optional<ModeSelector.Selection> sel =
            selector.select(catalog.modes(), m -> estimator.estimate(List.of(f), nodes, m));
        int rate = sel.map(x -> x.mode().lineRateGbps()).orElse(0);
        assertTrue(rate <= previousRate, "rate rose from " + previousRate + " to " + rate);
        previousRate = rate;
      }
      assertTrue(previousRate < 800, "40 spans of 50-100 km cannot carry 800G");
    }
  }
}
