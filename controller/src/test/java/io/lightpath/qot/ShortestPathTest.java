package io.lightpath.qot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortestPathTest {

  @Test
  void dijkstraAgreesWithFloydWarshallOnSeededRandomGraphs() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + rnd.nextInt(15);
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodes.add(new Node("n" + i, "", NodeKind.ROADM, List.of(), 0, 0, Map.of()));
      }
      double[][] d = new double[n][n];
      for (double[] row : d) {
        Arrays.fill(row, Double.POSITIVE_INFINITY);
      }
      for (int i = 0; i < n; i++) {
        d[i][i] = 0;
      }
      List<Fiber> fibers = new ArrayList<>();
      int links = rnd.nextInt(n * 2);
      for (int k = 0; k < links; k++) {
        int a = rnd.nextInt(n);
        int z = rnd.nextInt(n);
        if (a == z) {
          continue;
        }
        double km = 1 + rnd.nextInt(500);
        fibers.add(new Fiber("f" + k, "n" + a, "", "n" + z, "", km, 0, 4.9, List.of(), Set.of()));
        d[a][z] = Math.min(d[a][z], km);
        d[z][a] = Math.min(d[z][a], km);
      }
      for (int m = 0; m < n; m++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            d[i][j] = Math.min(d[i][j], d[i][m] + d[m][j]);
          }
        }
      }
      Topology t = Topology.of(nodes, fibers);
      for (int j = 0; j < n; j++) {
        Optional<ShortestPath.Route> r = ShortestPath.byLength(t, "n0", "n" + j);
        if (Double.isInfinite(d[0][j])) {
          assertTrue(r.isEmpty());
          continue;
        }
        ShortestPath.Route route = r.orElseThrow();
        assertEquals(d[0][j], route.lengthKm(), 1e-9);
        assertEquals(route.fibers().size() + 1, route.nodes().size());
        assertEquals("n0", route.nodes().get(0).id());
        assertEquals("n" + j, route.nodes().get(route.nodes().size() - 1).id());
        for (int h = 0; h < route.fibers().size(); h++) {
          assertEquals(route.nodes().get(h + 1).id(),
              route.fibers().get(h).otherEnd(route.nodes().get(h).id()));
        }
      }
    }
  }

  @Test
  void unknownNodesAreRejected() {
    Topology t = Topology.of(List.of(new Node("a", "", NodeKind.ROADM, List.of(), 0, 0, Map.of())),
        List.of());
    assertThrows(IllegalArgumentException.class, () -> ShortestPath.byLength(t, "a", "b"));
  }
}
