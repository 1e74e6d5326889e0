package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.List;

/** Exhaustive enumeration of simple paths, the oracle for the graph algorithms. */
final class BruteForce {
  private BruteForce() {}

  static List<Route> allSimplePaths(TopologyIndex idx, int src, int dst, PathMetric metric) {
    List<Route> out = new ArrayList<>();
    boolean[] on = new boolean[idx.nodeCount()];
    List<Integer> nodes = new ArrayList<>();
    List<Integer> fibers = new ArrayList<>();
    nodes.add(src);
    on[src] = true;
    dfs(idx, src, dst, metric, on, nodes, fibers, out);
    out.sort(KShortestPaths::compare);
    return out;
  }

  private static void dfs(TopologyIndex idx, int u, int dst, PathMetric metric, boolean[] on,
      List<Integer> nodes, List<Integer> fibers, List<Route> out) {
    if (u == dst) {
      out.add(Route.of(idx, nodes.stream().mapToInt(Integer::intValue).toArray(),
          fibers.stream().mapToInt(Integer::intValue).toArray(), metric));
      return;
    }
    for (int f : idx.incident(u)) {
      int v = idx.otherEnd(f, u);
      if (on[v]) {
        continue;
      }
      on[v] = true;
      nodes.add(v);
      fibers.add(f);
      dfs(idx, v, dst, metric, on, nodes, fibers, out);
      nodes.remove(nodes.size() - 1);
      fibers.remove(fibers.size() - 1);
      on[v] = false;
    }
  }
}
