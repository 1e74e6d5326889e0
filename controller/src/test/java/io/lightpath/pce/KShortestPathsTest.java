package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KShortestPathsTest {

  @Test
  void squareWithDiagonalGivesPathsInOrder() {
    Topology t = new TopoBuilder()
        .fiber("ab", "A", "B", 100).fiber("bd", "B", "D", 100)
        .fiber("ac", "A", "C", 50).fiber("cd", "C", "D", 300)
        .fiber("bc", "B", "C", 10).build();
    TopologyIndex idx = t.index();
    List<Route> r = KShortestPaths.find(idx, idx.nodeIndex("A"), idx.nodeIndex("D"), 10,
        PathMetric.KM);
    assertEquals(4, r.size());
    assertEquals(List.of(160.0, 200.0, 350.0, 410.0),
        r.stream().map(Route::lengthKm).toList());
    assertEquals(List.of("ac", "bc", "bd"),
        java.util.Arrays.stream(r.get(0).fibers()).mapToObj(f -> idx.fiber(f).id()).toList());
  }

  /** Property: Yen's k costs are the k smallest among all simple paths; paths are loopless. */
  @Test
  void matchesBruteForceOnSeededRandomGraphs() {
    for (long seed = 1; seed <= 40; seed++) {
      Topology t = TopoBuilder.random(seed, 8, 6);
      TopologyIndex idx = t.index();
      for (PathMetric metric : PathMetric.values()) {
        int src = 0;
        int dst = (int) (seed % 7) + 1;
        List<Route> all = BruteForce.allSimplePaths(idx, src, dst, metric);
        List<Route> yen = KShortestPaths.find(idx, src, dst, 6, metric);
        assertEquals(Math.min(6, all.size()), yen.size(), "seed " + seed);
        for (int i = 0; i < yen.size(); i++) {
          assertEquals(all.get(i).cost(), yen.get(i).cost(), 1e-6, "seed " + seed + " #" + i);
          Route y = yen.get(i);
          assertEquals(src, y.source());
          assertEquals(dst, y.destination());
          assertEquals(y.nodes().length, new HashSet<>(
              java.util.Arrays.stream(y.nodes()).boxed().toList()).size(), "loop in " + y);
          for (int h = 0; h < y.hops(); h++) {
            int f = y.fibers()[h];
            assertTrue(idx.otherEnd(f, y.nodes()[h]) == y.nodes()[h + 1], "broken " + y);
          }
        }
        assertEquals(yen.size(), new HashSet<>(yen).size(), "duplicate route, seed " + seed);
      }
    }
  }

  @Test
  void transpondersAreNeverTransit() {
    Topology t = new TopoBuilder()
        .node("T", io.lightpath.model.NodeKind.TRANSPONDER, "", 0, java.util.Map.of())
        .fiber("at", "A", "T", 10).fiber("tb", "T", "B", 10).fiber("ab", "A", "B", 500).build();
    TopologyIndex idx = t.index();
    List<Route> r = KShortestPaths.find(idx, idx.nodeIndex("A"), idx.nodeIndex("B"), 5,
        PathMetric.KM);
    assertEquals(1, r.size());
    assertEquals(500.0, r.get(0).lengthKm());
  }
}
