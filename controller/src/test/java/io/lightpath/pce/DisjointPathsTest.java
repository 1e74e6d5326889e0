package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisjointPathsTest {

  /**
   * The trap: S-A-B-T is the shortest route, and removing it leaves no second route, so
   * "shortest, then shortest of the rest" fails. The disjoint pair S-A-D-T + S-C-B-T exists.
   */
  static Topology trap() {
    return new TopoBuilder()
        .fiber("sa", "S", "A", 1).fiber("ab", "A", "B", 1).fiber("bt", "B", "T", 1)
        .fiber("ad", "A", "D", 2).fiber("dt", "D", "T", 2)
        .fiber("sc", "S", "C", 2).fiber("cb", "C", "B", 2).build();
  }

  @Test
  void greedyFailsOnTheTrapButSuurballeSucceeds() {
    TopologyIndex idx = trap().index();
    int s = idx.nodeIndex("S");
    int t = idx.nodeIndex("T");
    Route shortest = ShortestPath.find(idx, s, t, PathMetric.KM, Mask.none(idx));
    Mask rest = Mask.none(idx);
    rest.blockDiverse(idx, shortest, true);
    assertNull(ShortestPath.find(idx, s, t, PathMetric.KM, rest), "greedy should be trapped");

    List<Route> pair = DisjointPaths.find(idx, s, t, 2, PathMetric.KM, Mask.none(idx), true, true);
    assertEquals(2, pair.size());
    assertTrue(DisjointPaths.disjoint(idx, pair.get(0), pair.get(1), true, true));
    assertEquals(10.0, pair.get(0).lengthKm() + pair.get(1).lengthKm());
  }

  @Test
  void srlgSharingPairIsAvoided() {
    // Two short node-disjoint routes whose first fibers share a conduit (SRLG "duct"), and a
    // longer third route: the result must not pair the two sharing the duct.
    Topology t = new TopoBuilder()
        .fiber("s1", "S", "X", 10, "duct").fiber("x1", "X", "T", 10)
        .fiber("s2", "S", "Y", 10, "duct").fiber("y2", "Y", "T", 10)
        .fiber("s3", "S", "Z", 50).fiber("z3", "Z", "T", 50).build();
    TopologyIndex idx = t.index();
    List<Route> pair = DisjointPaths.find(idx, idx.nodeIndex("S"), idx.nodeIndex("T"), 2,
        PathMetric.KM, Mask.none(idx), true, true);
    assertEquals(2, pair.size());
    assertTrue(DisjointPaths.srlgDisjoint(idx, pair));
    assertEquals(120.0, pair.get(0).lengthKm() + pair.get(1).lengthKm());
  }

  /** Property: on random graphs the pair is disjoint and as cheap as the best brute-force pair. */
  @Test
  void optimalAgainstBruteForce() {
    for (long seed = 1; seed <= 40; seed++) {
      Topology t = TopoBuilder.random(seed, 8, 7);
      TopologyIndex idx = t.index();
      int src = 0;
      int dst = (int) (seed % 7) + 1;
      List<Route> all = BruteForce.allSimplePaths(idx, src, dst, PathMetric.KM);
      double best = Double.MAX_VALUE;
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          if (DisjointPaths.disjoint(idx, all.get(i), all.get(j), true, false)) {
            best = Math.min(best, all.get(i).cost() + all.get(j).cost());
          }
        }
      }
      List<Route> pair = DisjointPaths.find(idx, src, dst, 2, PathMetric.KM, Mask.none(idx),
          true, false);
      if (best == Double.MAX_VALUE) {
        assertTrue(pair.size() < 2, "seed " + seed);
      } else {
        assertEquals(2, pair.size(), "seed " + seed);
        assertTrue(DisjointPaths.disjoint(idx, pair.get(0), pair.get(1), true, false));
        assertEquals(best, DisjointPaths.totalCost(pair), 1e-6, "seed " + seed);
      }
    }
  }
}
