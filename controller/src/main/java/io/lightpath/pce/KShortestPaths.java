package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Yen's k shortest loopless paths. Paths come out in non-decreasing cost; ties go to fewer hops
 * and then to the lexicographically smaller fiber sequence, so results are reproducible.
 */
public final class KShortestPaths {
  private KShortestPaths() {}

  /** Up to {@code k} shortest loopless routes from {@code src} to {@code dst}. */
  public static List<Route> find(TopologyIndex index, int src, int dst, int k, PathMetric metric) {
    return find(index, src, dst, k, metric, Mask.none(index), r -> true, k);
  }

  /**
   * Up to {@code k} routes that pass {@code accept}, examining at most {@code maxExamined} routes
   * in Yen order (so include-constraints filter without an unbounded search).
   */
  static List<Route> find(
      TopologyIndex index,
      int src,
      int dst,
      int k,
      PathMetric metric,
      Mask base,
      Predicate<Route> accept,
      int maxExamined) {
    List<Route> accepted = new ArrayList<>();
    if (src == dst || k <= 0 || base.nodes[src] || base.nodes[dst]) {
      return accepted;
    }
    Route first = ShortestPath.find(index, src, dst, metric, base);
    if (first == null) {
      return accepted;
    }
    List<Route> found = new ArrayList<>();
    PriorityQueue<Route> candidates = new PriorityQueue<>(KShortestPaths::compare);
    Set<Route> seen = new HashSet<>();
    seen.add(first);
    Route last = first;
    while (true) {
      found.add(last);
      if (accept.test(last)) {
        accepted.add(last);
      }
      if (accepted.size() >= k || found.size() >= maxExamined) {
        return accepted;
      }
      spurs(index, last, found, metric, base, candidates, seen);
      last = candidates.poll();
      if (last == null) {
        return accepted;
      }
    }
  }

  private static void spurs(
      TopologyIndex index,
      Route prev,
      List<Route> found,
      PathMetric metric,
      Mask base,
      PriorityQueue<Route> candidates,
      Set<Route> seen) {
    int[] pn = prev.nodes();
    int[] pf = prev.fibers();
    int dst = prev.destination();
    for (int i = 0; i < pf.length; i++) {
      Mask mask = base.copy();
      for (Route p : found) {
        if (p.hops() > i && samePrefix(p.fibers(), pf, i) && p.source() == prev.source()) {
          mask.fibers[p.fibers()[i]] = true;
        }
      }
      for (int j = 0; j < i; j++) {
        mask.nodes[pn[j]] = true;
      }
      Route spur = ShortestPath.find(index, pn[i], dst, metric, mask);
      if (spur == null) {
        continue;
      }
      int[] nodes = new int[i + spur.nodes().length];
      System.arraycopy(pn, 0, nodes, 0, i);
      System.arraycopy(spur.nodes(), 0, nodes, i, spur.nodes().length);
      int[] fibers = new int[i + spur.fibers().length];
      System.arraycopy(pf, 0, fibers, 0, i);
      System.arraycopy(spur.fibers(), 0, fibers, i, spur.fibers().length);
      Route total = Route.of(index, nodes, fibers, metric);
      if (seen.add(total)) {
        candidates.add(total);
      }
    }
  }

  private static boolean samePrefix(int[] a, int[] b, int len) {
    return Arrays.equals(a, 0, len, b, 0, len);
  }

  static int compare(Route a, Route b) {
    int c = Double.compare(a.cost(), b.cost());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.hops(), b.hops());
    if (c != 0) {
      return c;
    }
    return Arrays.compare(a.fibers(), b.fibers());
  }
}
