package io.lightpath.qot;

import static io.lightpath.qot.QotFixtures.MODE_32G;
import static io.lightpath.qot.QotFixtures.fiber;
import static io.lightpath.qot.QotFixtures.fiberOfSpans;
import static io.lightpath.qot.QotFixtures.node;
import static io.lightpath.qot.QotFixtures.span80;
import static io.lightpath.qot.QotFixtures.terminals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GnQotEstimatorTest {

  private final GnQotEstimator estimator = new GnQotEstimator(QotParameters.defaults());

  @Test
  void oneSpanLinkMatchesHandArithmetic() {
    // 80 km, 16 dB gain, 5 dB NF, 0 dBm/ch, 32 GBd CUT among 76 channels at 50 GHz, γ = 1.3:
    //   ASE/P = 5.16520e-7 W / 1e-3 W = 5.16520e-4            (GnModelTest)
    //   NLI/P = 1.05926e-3: ψ_ii = scale·1.58421 plus, for the 75 neighbours at k·50 GHz
    //           (37 below, 38 above), 2·Σ ψ_ij; summed numerically = 1.05926e-6 W / 1e-3 W
    //   tx:    SNR_tx = 10^(40/10) · 12.5/32 = 3906.25 → 2.56e-4
    //   1/GSNR = 5.16520e-4 + 1.05926e-3 + 2.56e-4 = 1.83178e-3 → GSNR = 27.371 dB
    //   OSNR(0.1 nm) = 27.371 + 10·log10(32/12.5) = 31.454 dB; margin = 27.371 − 12 = 15.371 dB
    QotEstimate e = estimator.estimate(List.of(fiberOfSpans("f", 1)), terminals(), MODE_32G);
    assertEquals(27.371, e.gsnrDb(), 1e-3);
    assertEquals(31.454, e.osnr0p1nmDb(), 1e-3);
    assertEquals(15.371, e.marginDb(), 1e-3);

    QotReport r = estimator.report(List.of(fiberOfSpans("f", 1)), terminals(), MODE_32G);
    assertEquals(5.16520e-4, r.aseNsr(), 1e-9);
    assertEquals(1.05926e-3, r.nliNsr(), 1e-8);
    assertEquals(2.56e-4, r.txNsr(), 1e-12);
    assertEquals(e, r.estimate());
  }

  @Test
  void nSpansOfIdenticalNoiseCostTenLogN() {
    // Identical spans add linearly: line noise of 10 spans = 10 × one span (+10 dB).
    double one = estimator.report(List.of(fiberOfSpans("f1", 1)), terminals(), MODE_32G).aseNsr();
    QotReport ten = estimator.report(List.of(fiberOfSpans("f10", 10)), terminals(), MODE_32G);
    assertEquals(10 * one, ten.aseNsr(), 1e-12);
    assertEquals(10, ten.fibers().get(0).spans().size());
  }

  @Test
  void moreSpansNeverImproveGsnrSeededRandom() {
    Random rnd = new Random(20261124L);
    for (int trial = 0; trial < 200; trial++) {
      List<Span> spans = new ArrayList<>();
      double previous = Double.POSITIVE_INFINITY;
      int count = 1 + rnd.nextInt(30);
      for (int i = 0; i < count; i++) {
        double length = 20 + rnd.nextDouble() * 100;
        double nf = 4 + rnd.nextDouble() * 3;
        spans.add(new Span(length, 0.18 + rnd.nextDouble() * 0.07, 16 + rnd.nextDouble() * 5,
            1.2 + rnd.nextDouble() * 0.2, rnd.nextDouble(), new Amplifier("", 0, nf, 0)));
        double gsnr =
            estimator.estimate(List.of(fiber("f" + trial + "-" + i, "A", "Z", spans)), terminals(),
                MODE_32G).gsnrDb();
        assertTrue(gsnr < previous, "adding a span must lower GSNR (trial " + trial + ")");
        previous = gsnr;
      }
    }
  }

  @Test
  void optimumLaunchPowerExistsWhereAseIsTwiceNli() {
    List<Fiber> path = List.of(fiberOfSpans("f", 10));
    double bestDbm = Double.NaN;
    double best = Double.NEGATIVE_INFINITY;
    for (double p = -6; p <= 8.0001; p += 0.05) {
      GnQotEstimator at = new GnQotEstimator(QotParameters.defaults().withLaunchPowerDbm(p));
      double gsnr = at.estimate(path, terminals(), MODE_32G).gsnrDb();
      if (gsnr > best) {
        best = gsnr;
        bestDbm = p;
      }
    }
    assertTrue(bestDbm > -6 && bestDbm < 8, "optimum must be interior, was " + bestDbm);
    // d/dP (a/P + b·P²) = 0  ⇔  a/P = 2·b·P²: at the optimum ASE noise is twice the NLI noise.
    QotReport r =
        new GnQotEstimator(QotParameters.defaults().withLaunchPowerDbm(bestDbm))
            .report(path, terminals(), MODE_32G);
    assertEquals(2.0, r.aseNsr() / r.nliNsr(), 0.05);
    double lower = new GnQotEstimator(QotParameters.defaults().withLaunchPowerDbm(bestDbm - 3))
        .estimate(path, terminals(), MODE_32G).gsnrDb();
    double higher = new GnQotEstimator(QotParameters.defaults().withLaunchPowerDbm(bestDbm + 3))
        .estimate(path, terminals(), MODE_32G).gsnrDb();
    assertTrue(lower < best && higher < best);
  }

  @Test
  void nodeInsertionLossCostsAnAmplifiersAse() {
    List<Fiber> path = List.of(fiberOfSpans("f1", 2), fiber("f2", "B", "Z", List.of(span80())));
    List<Node> lossless = List.of(node("A", NodeKind.TRANSPONDER, 0),
        node("B", NodeKind.ROADM, 0), node("Z", NodeKind.TRANSPONDER, 0));
    List<Node> lossy = List.of(node("A", NodeKind.TRANSPONDER, 0),
        node("B", NodeKind.ROADM, 18), node("Z", NodeKind.TRANSPONDER, 0));
    QotReport a = estimator.report(path, lossless, MODE_32G);
    QotReport b = estimator.report(path, lossy, MODE_32G);
    // 18 dB made up by a 5.5 dB NF amplifier at 0 dBm over 32 GHz:
    // 10^0.55 × 10^1.8 = 3.54813 × 63.0957 = 223.872
    // × h·ν 1.282145e-19 J × 32e9 Hz / 1e-3 W = 9.18517e-4
    assertEquals(9.18517e-4, b.nodes().get(1).aseNsr(), 1e-8);
    assertEquals(a.aseNsr() + 9.18517e-4, b.aseNsr(), 1e-8);
    assertTrue(b.estimate().gsnrDb() < a.estimate().gsnrDb());
  }

  @Test
  void fiberWithoutSpansIsOneUnamplifiedSpanWithAnImplicitAmplifier() {
    Fiber bare = new Fiber("bare", "A", "", "Z", "", 80, 16, 4.9, List.of(), Set.of());
    FiberNoise fn = estimator.fiberNoise(bare, MODE_32G);
    assertEquals(1, fn.spans().size());
    SpanNoise s = fn.spans().get(0);
    assertTrue(s.implicitAmplifier());
    assertEquals(16.0, s.gainDb(), 1e-12);
    assertEquals(QotParameters.DEFAULT_NOISE_FIGURE_DB, s.noiseFigureDb(), 0);
  }

  @Test
  void cacheIsKeyedByFiberValueSoChangesInvalidate() {
    GnQotEstimator fresh = new GnQotEstimator(QotParameters.defaults());
    Fiber f = fiberOfSpans("f", 3);
    double first = fresh.estimate(List.of(f), terminals(), MODE_32G).gsnrDb();
    fresh.estimate(List.of(fiberOfSpans("f", 3)), terminals(), MODE_32G);
    assertEquals(1, fresh.cacheSize(), "an equal fiber value must hit the cache");
    double changed = fresh.estimate(List.of(fiberOfSpans("f", 4)), terminals(), MODE_32G).gsnrDb();
    assertEquals(2, fresh.cacheSize());
    assertTrue(changed < first);
  }

  @Test
  void cachedAndUncachedAgree() {
    Fiber f = fiberOfSpans("f", 5);
    FiberNoise direct = estimator.computeFiberNoise(f, 32e9, 50e9);
    assertEquals(direct, estimator.fiberNoise(f, MODE_32G));
    assertEquals(direct, estimator.fiberNoise(f, MODE_32G));
  }

  @Test
  void pathWithWrongNodeCountIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> estimator.estimate(List.of(fiberOfSpans("f", 1)), List.of(), MODE_32G));
  }

  @Test
  void backToBackIsTheTransmitterAlone() {
    QotEstimate e = estimator.estimate(List.of(), List.of(node("A", NodeKind.TRANSPONDER, 0)),
        MODE_32G);
    // 40 dB OSNR in 12.5 GHz = 40 − 4.082 = 35.918 dB in 32 GHz
    assertEquals(35.918, e.gsnrDb(), 1e-3);
    assertEquals(40.0, e.osnr0p1nmDb(), 1e-9);
  }
}
