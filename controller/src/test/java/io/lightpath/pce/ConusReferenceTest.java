package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.PathRequest.Protection;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.LinkListTopologyReader;
import io.lightpath.qot.QotParameters;
import io.lightpath.transceiver.TransceiverCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine with the real GN-model estimator and catalog on the 75-node CONUS reference
 * topology. Runs only when the reference topologies are present.
 */
class ConusReferenceTest {

  private static Path sharedTopology(String name) {
    String prop = System.getProperty("lightpath.shared");
    return Stream.of(prop == null ? null : Path.of(prop), Path.of("../shared"),
            Path.of("../../shared"))
        .filter(p -> p != null && Files.isRegularFile(p.resolve("topologies").resolve(name)))
        .map(p -> p.resolve("topologies").resolve(name))
        .findFirst().orElse(null);
  }

  @Test
  void fourHundredGigOverConusWithGnQot() throws Exception {
    Path file = sharedTopology("conus75_xlron.json");
    assumeTrue(file != null, "reference topologies not present");
    Topology t = new LinkListTopologyReader(LinkListTopologyReader.DEFAULT_MAX_SPAN_KM,
        QotParameters.DEFAULT_NOISE_FIGURE_DB).read(new ObjectMapper().readTree(file.toFile()));
    List<TransceiverMode> all = TransceiverCatalog.loadDefault().modes();
    List<TransceiverMode> m400 = all.stream().filter(m -> m.lineRateGbps() == 400).toList();
    PceConfig cfg = PceConfig.defaults().withEnforceTransceivers(false);
    PathComputer pc = new PathComputer(t, new GnQotEstimator(QotParameters.defaults()), cfg,
        new ResourceLedger(cfg.grid()));
    List<String> ids = List.copyOf(t.nodes().keySet());
    Random rnd = new Random(5);
    Map<FailureReason, Integer> failures = new EnumMap<>(FailureReason.class);
    int ok = 0;
    for (int i = 0; i < 300; i++) {
      String a = ids.get(rnd.nextInt(ids.size()));
      String z = ids.get(rnd.nextInt(ids.size()));
      if (a.equals(z)) {
        continue;
      }
      boolean protect = i % 5 == 0;
      PathRequest req = PathRequest.between(a, z, m400);
      if (protect) {
        req = req.withProtection(Protection.ONE_PLUS_ONE);
      }
      PathResult r = pc.computeAndReserve(req);
      if (r instanceof Success s) {
        ok++;
        assertEquals(protect ? 2 : 1, s.channels().size());
        for (ComputedChannel ch : s.channels()) {
          assertEquals(400, ch.mode().lineRateGbps());
          assertTrue(ch.qot().gsnrDb() >= ch.mode().requiredGsnrDb() + cfg.qotMarginDb());
        }
      } else {
        Failure f = (Failure) r;
        failures.merge(f.reason(), 1, Integer::sum);
        assertTrue(f.reason() == FailureReason.QOT_INFEASIBLE
            || f.reason() == FailureReason.NO_ROUTE, f.toString());
        assertTrue(t.fiber(f.limitingElement()) != null || t.node(f.limitingElement()) != null,
            f.toString());
      }
    }
    // CONUS spans the continent: short pairs carry 400G, the longest do not.
    assertTrue(ok > 30, "successes " + ok + ", failures " + failures);
    assertTrue(failures.getOrDefault(FailureReason.QOT_INFEASIBLE, 0) > 0, failures.toString());
  }
}
