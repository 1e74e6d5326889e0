package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-total-cost sets of disjoint routes (Suurballe/Bhandari). Greedy "shortest, then the
 * shortest of what is left" fails on trap topologies where the shortest route cuts every
 * alternative; this instead augments flow along shortest paths in the residual graph, where a
 * later path may undo an earlier one's edge (negative reverse arcs), which is Bhandari's form of
 * Suurballe's algorithm generalised to K paths.
 *
 * <p>Node-disjointness splits every node v other than the endpoints into v_in → v_out with
 * capacity 1. SRLG-disjointness is NP-hard in general; {@link #find} checks the flow result and,
 * when two routes share an SRLG, falls back to a search over Yen candidates with SRLG pruning.
 */
public final class DisjointPaths {
  private DisjointPaths() {}

  /**
   * Up to {@code count} mutually disjoint routes with least total cost, or fewer when the graph
   * does not hold that many.
   *
   * @param nodeDisjoint whether routes may not share transit nodes (fibers are never shared)
   * @param srlgDisjoint whether routes may not share SRLGs
   */
  static List<Route> find(
      TopologyIndex index,
      int src,
      int dst,
      int count,
      PathMetric metric,
      Mask base,
      boolean nodeDisjoint,
      boolean srlgDisjoint) {
    List<Route> flow = minCostFlow(index, src, dst, count, metric, base, nodeDisjoint);
    if (!srlgDisjoint || flow.size() < count || srlgDisjoint(index, flow)) {
      return flow;
    }
    List<Route> candidates =
        KShortestPaths.find(index, src, dst, 24, metric, base, r -> true, 24);
    List<Route> best = searchDisjoint(index, candidates, count, nodeDisjoint, true, null);
    if (best == null) {
      // Pruning: each candidate as first route, its fibers, SRLGs and transit nodes removed.
      for (Route first : candidates) {
        Mask m = base.copy();
        m.blockDiverse(index, first, true);
        List<Route> rest =
            minCostFlow(index, src, dst, count - 1, metric, m, nodeDisjoint);
        if (rest.size() == count - 1 && srlgDisjoint(index, rest)) {
          List<Route> set = new ArrayList<>(rest);
          set.add(0, first);
          if (best == null || totalCost(set) < totalCost(best)) {
            best = set;
          }
        }
      }
    }
    return best == null ? List.of() : best;
  }

  /** Whether no two of the routes share an SRLG. */
  static boolean srlgDisjoint(TopologyIndex index, List<Route> routes) {
    boolean[] used = new boolean[index.srlgCount()];
    for (Route r : routes) {
      boolean[] mine = new boolean[index.srlgCount()];
      for (int f : r.fibers()) {
        for (int g : index.fiberSrlgs(f)) {
          if (used[g]) {
            return false;
          }
          mine[g] = true;
        }
      }
      for (int g = 0; g < mine.length; g++) {
        used[g] |= mine[g];
      }
    }
    return true;
  }

  /** Whether two routes share no fiber, no transit node (if asked) and no SRLG (if asked). */
  static boolean disjoint(
      TopologyIndex index, Route a, Route b, boolean nodeDisjoint, boolean srlgDisjoint) {
    for (int f : a.fibers()) {
      if (b.usesFiber(f)) {
        return false;
      }
    }
    if (nodeDisjoint) {
      int[] an = a.nodes();
      int[] bn = b.nodes();
      for (int i = 1; i < an.length - 1; i++) {
        for (int j = 1; j < bn.length - 1; j++) {
          if (an[i] == bn[j]) {
            return false;
          }
        }
      }
    }
    return !srlgDisjoint || srlgDisjoint(index, List.of(a, b));
  }

  /** Accepts or rejects a complete set of routes (bundles use it for latency skew). */
  interface SetFilter {
    boolean accept(List<Route> set);
  }

  /**
   * Depth-first search over {@code candidates} (in order) for {@code count} mutually disjoint
   * routes passing {@code filter}, keeping the one with least total cost. Bounded by the number
   * of candidates, which callers keep small.
   */
  static List<Route> searchDisjoint(
      TopologyIndex index,
      List<Route> candidates,
      int count,
      boolean nodeDisjoint,
      boolean srlgDisjoint,
      SetFilter filter) {
    Best best = new Best();
    dfs(index, candidates, 0, new ArrayList<>(), count, nodeDisjoint, srlgDisjoint, filter, best);
    return best.routes;
  }

  private static void dfs(
      TopologyIndex index,
      List<Route> candidates,
      int from,
      List<Route> chosen,
      int count,
      boolean nodeDisjoint,
      boolean srlgDisjoint,
      SetFilter filter,
      Best best) {
    if (chosen.size() == count) {
      if ((filter == null || filter.accept(chosen))
          && (best.routes == null || totalCost(chosen) < totalCost(best.routes))) {
        best.routes = List.copyOf(chosen);
      }
      return;
    }
    for (int i = from; i < candidates.size(); i++) {
      Route r = candidates.get(i);
      boolean ok = true;
      for (Route c : chosen) {
        if (!disjoint(index, c, r, nodeDisjoint, srlgDisjoint)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        chosen.add(r);
        dfs(index, candidates, i + 1, chosen, count, nodeDisjoint, srlgDisjoint, filter, best);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  private static final class Best {
    List<Route> routes;
  }

  static double totalCost(List<Route> routes) {
    double c = 0;
    for (Route r : routes) {
      c += r.cost();
    }
    return c;
  }

  /**
   * Successive shortest paths (Bellman-Ford on the residual graph, which has negative arcs) for
   * up to {@code count} units of flow, then decomposition into routes sorted by cost.
   */
  static List<Route> minCostFlow(
      TopologyIndex index,
      int src,
      int dst,
      int count,
      PathMetric metric,
      Mask base,
      boolean nodeDisjoint) {
    int n = index.nodeCount();
    // Vertex v_in = 2v, v_out = 2v + 1. Arcs are stored in pairs: arc e and its reverse e ^ 1.
    int maxArcs = 2 * (n + 2 * index.fiberCount());
    int[] from = new int[maxArcs];
    int[] to = new int[maxArcs];
    double[] cost = new double[maxArcs];
    int[] cap = new int[maxArcs];
    int[] fiberOf = new int[maxArcs];
    int arcs = 0;
    for (int v = 0; v < n; v++) {
      if (base.nodes[v] || (v != src && v != dst && !index.transitAllowed(v))) {
        continue;
      }
      boolean endpoint = v == src || v == dst;
      arcs = addArc(from, to, cost, cap, fiberOf, arcs, 2 * v, 2 * v + 1, 0,
          endpoint || !nodeDisjoint ? count : 1, -1);
    }
    for (int f = 0; f < index.fiberCount(); f++) {
      if (base.fibers[f]) {
        continue;
      }
      int a = index.fiberA(f);
      int z = index.fiberZ(f);
      if (base.nodes[a] || base.nodes[z]) {
        continue;
      }
      arcs = addArc(from, to, cost, cap, fiberOf, arcs, 2 * a + 1, 2 * z, metric.weight(index, f, z), 1, f);
      arcs = addArc(from, to, cost, cap, fiberOf, arcs, 2 * z + 1, 2 * a, metric.weight(index, f, a), 1, f);
    }
    int vertices = 2 * n;
    int source = 2 * src;
    int sink = 2 * dst + 1;
    int[] flow = new int[arcs];
    double[] dist = new double[vertices];
    int[] pred = new int[vertices];
    int units = 0;
    while (units < count) {
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(pred, -1);
      dist[source] = 0;
      for (int round = 0; round < vertices; round++) {
        boolean changed = false;
        for (int e = 0; e < arcs; e++) {
          if (cap[e] - flow[e] > 0 && dist[from[e]] != Double.POSITIVE_INFINITY) {
            double d = dist[from[e]] + cost[e];
            if (d < dist[to[e]] - 1e-9) {
              dist[to[e]] = d;
              pred[to[e]] = e;
              changed = true;
            }
          }
        }
        if (!changed) {
          break;
        }
      }
      if (pred[sink] < 0) {
        break;
      }
      for (int v = sink; v != source; v = from[pred[v]]) {
        int e = pred[v];
        flow[e]++;
        flow[e ^ 1]--;
      }
      units++;
    }
    return decompose(index, src, dst, units, metric, from, to, fiberOf, flow, arcs, source, sink);
  }

  private static int addArc(int[] from, int[] to, double[] cost, int[] cap, int[] fiberOf,
      int arcs, int u, int v, double c, int capacity, int fiber) {
    from[arcs] = u;
    to[arcs] = v;
    cost[arcs] = c;
    cap[arcs] = capacity;
    fiberOf[arcs] = fiber;
    from[arcs + 1] = v;
    to[arcs + 1] = u;
    cost[arcs + 1] = -c;
    cap[arcs + 1] = 0;
    fiberOf[arcs + 1] = fiber;
    return arcs + 2;
  }

  private static List<Route> decompose(TopologyIndex index, int src, int dst, int units,
      PathMetric metric, int[] from, int[] to, int[] fiberOf, int[] flow, int arcs, int source,
      int sink) {
    List<Route> routes = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      List<Integer> nodes = new ArrayList<>();
      List<Integer> fibers = new ArrayList<>();
      nodes.add(src);
      int v = source;
      while (v != sink) {
        int next = -1;
        for (int e = 0; e < arcs; e += 2) {
          if (from[e] == v && flow[e] > 0) {
            next = e;
            break;
          }
        }
        if (next < 0) {
          throw new IllegalStateException("flow decomposition lost its way at vertex " + v);
        }
        flow[next]--;
        if (fiberOf[next] >= 0) {
          fibers.add(fiberOf[next]);
          nodes.add(to[next] / 2);
        }
        v = to[next];
      }
      routes.add(Route.of(index,
          nodes.stream().mapToInt(Integer::intValue).toArray(),
          fibers.stream().mapToInt(Integer::intValue).toArray(), metric));
    }
    routes.sort(KShortestPaths::compare);
    return routes;
  }
}
