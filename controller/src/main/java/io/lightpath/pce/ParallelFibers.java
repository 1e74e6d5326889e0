package io.lightpath.pce;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of interchangeable parallel fibers, for routing over a multigraph: fibers with the same A
 * and Z nodes and the same length, loss, group delay and spans give a route the same cost,
 * latency and QoT, so a route needs only one of them. Unconstrained candidate routes are searched
 * on {@link #collapsed()} (one representative per group) and each hop is bound to a member with
 * free spectrum, a free transponder port and an OCS port that can be joined when the channel is
 * assigned; so the k candidates are k different node paths instead of k combinations of parallel
 * fibers along one path, and a full or switched-away fiber does not block a route while its
 * parallel twin is free.
 *
 * <p>SRLGs and port ids may differ within a group: requests with include, exclude or diversity
 * constraints (and protected pairs and bundles, whose disjointness is per fiber) route on the
 * full multigraph; their hops move to twins only as {@link Assigner#candidates} allows.
 * Immutable; built once per topology.
 */
final class ParallelFibers {
  static final int[] NONE = new int[0];

  private final TopologyIndex index;
  private final int[][] members;
  private final int[] collapsedToFull;
  private final TopologyIndex collapsed;
  private final boolean any;

  ParallelFibers(Topology topology) {
    this.index = topology.index();
    int m = index.fiberCount();
    Map<GroupKey, List<Integer>> groups = new HashMap<>();
    List<List<Integer>> ordered = new ArrayList<>();
    for (int f = 0; f < m; f++) {
      Fiber fiber = index.fiber(f);
      List<Integer> g = groups.computeIfAbsent(GroupKey.of(fiber), k -> {
        List<Integer> l = new ArrayList<>(1);
        ordered.add(l);
        return l;
      });
      g.add(f);
    }
    this.members = new int[m][];
    boolean multi = false;
    List<Fiber> reps = new ArrayList<>(ordered.size());
    this.collapsedToFull = new int[ordered.size()];
    for (int gi = 0; gi < ordered.size(); gi++) {
      List<Integer> g = ordered.get(gi);
      int[] arr = g.size() == 1 ? NONE : g.stream().mapToInt(Integer::intValue).toArray();
      multi |= g.size() > 1;
      for (int f : g) {
        members[f] = arr;
      }
      reps.add(index.fiber(g.get(0)));
      collapsedToFull[gi] = g.get(0);
    }
    this.any = multi;
    List<Node> nodes = new ArrayList<>(topology.nodes().values());
    // Same node order, so node indexes of the collapsed index equal those of the full one.
    this.collapsed = multi ? Topology.of(nodes, reps).index() : index;
  }

  /** The full topology's index. */
  TopologyIndex index() {
    return index;
  }

  /** One representative fiber per group; node indexes as in {@link #index()}. */
  TopologyIndex collapsed() {
    return collapsed;
  }

  /** Whether any group has more than one fiber. */
  boolean any() {
    return any;
  }

  /**
   * The fibers interchangeable with {@code f} (full index), {@code f} included, ascending; empty
   * when {@code f} has no parallel twin.
   */
  int[] members(int f) {
    return members[f];
  }

  /** Maps a route found on {@link #collapsed()} to the full index (representative fibers). */
  Route toFull(Route r) {
    if (!any) {
      return r;
    }
    int[] fs = r.fibers().clone();
    for (int i = 0; i < fs.length; i++) {
      fs[i] = collapsedToFull[fs[i]];
    }
    return new Route(r.nodes(), fs, r.cost(), r.lengthKm(), r.latencyUs());
  }

  /**
   * What makes two fibers interchangeable for a route. Fibers at an OCS are grouped too: the OCS
   * port a fiber lands on is a switched resource, but whether it can be used depends on the fiber
   * on the route's other side of the OCS, so the assigner checks it per member when it picks
   * slots and binds hops ({@link Assigner#candidates}, {@link HopBinder}). Kept apart, parallel
   * fibers into an OCS were distinct routes to Yen, and the k candidates could all run over one
   * fiber whose port another service holds while its twins were free.
   */
  private record GroupKey(String aNodeId, String zNodeId, double lengthKm, double lossDb,
      double groupDelayUsPerKm, List<?> spans) {
    static GroupKey of(Fiber f) {
      return new GroupKey(f.aNodeId(), f.zNodeId(), f.lengthKm(), f.lossDb(),
          f.groupDelayUsPerKm(), f.spans());
    }
  }
}
