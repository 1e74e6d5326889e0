package io.lightpath.qot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs over the reference topologies in ../shared when present (CI has them); skips otherwise.
 * Noise is additive, so on every shortest route each prefix must have a GSNR at least that of
 * the whole route, and GSNR stays in a physical range.
 */
class SharedTopologiesQotTest {

  static Optional<Path> sharedTopologies() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("lightpath.shared");
    if (prop != null) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("..", "shared"));
    candidates.add(Path.of("..", "..", "shared"));
    candidates.add(Path.of("..", "..", "..", "shared"));
    return candidates.stream().map(p -> p.resolve("topologies")).filter(Files::isDirectory).findFirst();
  }

  @Test
  void everyShortestRouteDegradesAlongItsLength() throws IOException {
    Optional<Path> dir = sharedTopologies();
    assumeTrue(dir.isPresent(), "reference topologies (../shared) not present");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.get())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assumeTrue(!files.isEmpty());
    ObjectMapper mapper = new ObjectMapper();
    GnQotEstimator estimator = new GnQotEstimator(QotParameters.defaults());
    for (Path file : files) {
      Topology t = new LinkListTopologyReader(80, 5.5).read(mapper.readTree(new File(file.toString())));
      List<String> ids = new ArrayList<>(t.nodes().keySet());
      String from = ids.get(0);
      int routes = 0;
      for (String to : ids.subList(1, ids.size())) {
        // some reference data sets have nodes without links (germany50): no route, nothing to check
        Optional<ShortestPath.Route> found = ShortestPath.byLength(t, from, to);
        if (found.isEmpty()) {
          continue;
        }
        routes++;
        ShortestPath.Route r = found.get();
        double whole = estimator.estimate(r.fibers(), r.nodes(), QotFixtures.MODE_32G).gsnrDb();
        assertTrue(whole > 0 && whole < 36, file + " " + from + "->" + to + ": " + whole);
        for (int k = 1; k < r.fibers().size(); k++) {
          List<Node> prefixNodes = r.nodes().subList(0, k + 1);
          double prefix = estimator.estimate(r.fibers().subList(0, k), prefixNodes,
              QotFixtures.MODE_32G).gsnrDb();
          assertTrue(prefix > whole, file + ": prefix of " + k + " fibers " + prefix + " <= " + whole);
        }
      }
      assertTrue(routes >= ids.size() / 2, file + ": only " + routes + " routes");
    }
  }
}
