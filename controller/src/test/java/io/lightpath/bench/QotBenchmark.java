package io.lightpath.bench;

import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.FiberNoise;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotEstimate;
import io.lightpath.qot.QotParameters;
import io.lightpath.transceiver.ModeSelector;
import io.lightpath.transceiver.TransceiverCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a QoT estimate: cached (the O(hops) path-computation case), the per-fiber precompute
 * a topology change costs, and a full mode selection over the built-in catalog. A path of 5
 * fibers × 10 spans of 80 km, 76 channels at 50 GHz. Results in docs/qot.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QotBenchmark {

  private GnQotEstimator estimator;
  private List<Fiber> fibers;
  private List<Node> nodes;
  private TransceiverMode zr;
  private List<TransceiverMode> catalog;
  private ModeSelector selector;

  @Setup
  public void setUp() {
    estimator = new GnQotEstimator(QotParameters.defaults());
    fibers = new ArrayList<>();
    nodes = new ArrayList<>();
    for (int i = 0; i <= 5; i++) {
      nodes.add(new Node("n" + i, "", NodeKind.ROADM, List.of(), 0, 18, Map.of()));
    }
    for (int i = 0; i < 5; i++) {
      List<Span> spans = new ArrayList<>();
      for (int s = 0; s < 10; s++) {
        spans.add(new Span(80, 0.2, 16.7, 1.27, 0.5, new Amplifier("", 0, 5.5, 0)));
      }
      fibers.add(new Fiber("f" + i, "n" + i, "", "n" + (i + 1), "", 800, 0, 4.9, spans, Set.of()));
    }
    TransceiverCatalog c = TransceiverCatalog.loadDefault();
    catalog = c.modes();
    zr = c.mode("400ZR-DP16QAM-60G").orElseThrow();
    selector = new ModeSelector(1.0, ModeSelector.Preference.HIGHEST_RATE);
    for (TransceiverMode m : catalog) {
      estimator.estimate(fibers, nodes, m); // warm the cache for every channel shape
    }
  }

  /** Five cached fibers and six nodes. */
  @Benchmark
  public QotEstimate estimateCached() {
    return estimator.estimate(fibers, nodes, zr);
  }

  /** One uncached fiber of 10 spans: what a topology change costs per fiber and shape. */
  @Benchmark
  public FiberNoise precomputeFiber() {
    return new GnQotEstimator(QotParameters.defaults()).fiberNoise(fibers.get(0), zr);
  }

  /** Mode selection over the 14-mode catalog on the cached path (4,000 km: 400G or below). */
  @Benchmark
  public Optional<ModeSelector.Selection> selectMode() {
    return selector.select(catalog, m -> estimator.estimate(fibers, nodes, m));
  }
}
