package io.lightpath.bench;

import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.KShortestPaths;
import io.lightpath.pce.PathComputer;
import io.lightpath.pce.PathMetric;
import io.lightpath.pce.PathRequest;
import io.lightpath.pce.PathResult;
import io.lightpath.pce.PceConfig;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotParameters;
import io.lightpath.transceiver.TransceiverCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ComputePaths-equivalent call: a 400G request (all 400G catalog modes, highest rate first)
 * between a random node pair of the 75-node CONUS topology, with GN-model QoT per candidate route
 * and mode, on a network already carrying 1,500 random 100G-400G channels. The default policy
 * (most-used across k = 5 paths) and KSP first-fit are both measured. Candidate routes are
 * cached per pair after the first call, as in the running controller; {@link #yenK5} measures
 * the uncached route computation alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PathComputeBench {
  private PathComputer defaultPolicy;
  private PathComputer kspFirstFit;
  private Topology topology;
  private final List<PathRequest> requests = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    topology = BenchTopologies.load("conus75_xlron.json");
    TransceiverCatalog catalog = TransceiverCatalog.loadDefault();
    List<TransceiverMode> m400 =
        catalog.modes().stream().filter(m -> m.lineRateGbps() == 400).toList();
    List<TransceiverMode> any =
        catalog.modes().stream().filter(m -> m.lineRateGbps() <= 400).toList();
    GnQotEstimator qot = new GnQotEstimator(QotParameters.defaults());
    PceConfig cfg = PceConfig.defaults().withEnforceTransceivers(false);
    defaultPolicy = new PathComputer(topology, qot, cfg, new ResourceLedger(cfg.grid()));
    PceConfig ff = cfg.withPolicy(io.lightpath.spectrum.SpectrumPolicy.FIRST_FIT,
        io.lightpath.spectrum.PathOrder.KSP);
    kspFirstFit = new PathComputer(topology, qot, ff, new ResourceLedger(ff.grid()));
    List<String> ids = new ArrayList<>(topology.nodes().keySet());
    Random rnd = new Random(1);
    for (int i = 0; i < 1_500; i++) {
      PathRequest r = randomRequest(ids, rnd, any);
      defaultPolicy.computeAndReserve(r);
      kspFirstFit.computeAndReserve(r);
    }
    for (int i = 0; i < 4_096; i++) {
      requests.add(randomRequest(ids, rnd, m400));
    }
  }

  private static PathRequest randomRequest(List<String> ids, Random rnd,
      List<TransceiverMode> modes) {
    int a = rnd.nextInt(ids.size());
    int z = rnd.nextInt(ids.size() - 1);
    if (z >= a) {
      z++;
    }
    return PathRequest.between(ids.get(a), ids.get(z), modes);
  }

  private PathRequest nextRequest() {
    PathRequest r = requests.get(next);
    next = (next + 1) & (requests.size() - 1);
    return r;
  }

  @Benchmark
  public PathResult compute400gDefaultPolicy() {
    return defaultPolicy.compute(nextRequest());
  }

  @Benchmark
  public PathResult compute400gKspFirstFit() {
    return kspFirstFit.compute(nextRequest());
  }

  @Benchmark
  public Object yenK5() {
    PathRequest r = nextRequest();
    var index = topology.index();
    return KShortestPaths.find(index, index.nodeIndex(r.aNodeId()), index.nodeIndex(r.zNodeId()),
        5, PathMetric.HOPS);
  }
}
