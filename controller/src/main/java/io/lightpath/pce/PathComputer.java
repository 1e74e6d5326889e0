package io.lightpath.pce;

import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.PathRequest.Bundle;
import io.lightpath.pce.PathRequest.Protection;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.qot.QotEstimate;
import io.lightpath.qot.QotEstimator;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The path-computation engine: candidate routes (Yen k-shortest, Suurballe/Bhandari disjoint
 * sets), mode selection against a {@link QotEstimator}, and spectrum assignment with continuity
 * and contiguity over a {@link ResourceSnapshot}; plus atomic reservation through a {@link
 * ResourceLedger}.
 *
 * <p>Thread-safe: every computation reads one topology snapshot and one resource snapshot and
 * allocates its own scratch state. {@link #computeAndReserve} retries when another reservation
 * takes the chosen slots between computing and claiming.
 */
public final class PathComputer {
  private static final int RESERVE_ATTEMPTS = 16;

  private final QotEstimator qot;
  private final PceConfig config;
  private final ResourceLedger ledger;
  private final AtomicLong randomSeq = new AtomicLong();
  private volatile RouteFinder routes;

  public PathComputer(Topology topology, QotEstimator qot, PceConfig config, ResourceLedger ledger) {
    if (!ledger.grid().equals(config.grid())) {
      throw new IllegalArgumentException("ledger grid " + ledger.grid()
          + " differs from configured grid " + config.grid());
    }
    this.qot = qot;
    this.config = config;
    this.ledger = ledger;
    this.routes = new RouteFinder(topology);
  }

  /** Installs a new topology snapshot; cached candidate routes of the old one are dropped. */
  public void updateTopology(Topology topology) {
    this.routes = new RouteFinder(topology);
  }

  public Topology topology() {
    return routes.topology();
  }

  public PceConfig config() {
    return config;
  }

  public ResourceLedger ledger() {
    return ledger;
  }

  /** Computes against the ledger's current snapshot without reserving. */
  public PathResult compute(PathRequest request) {
    return compute(request, ledger.snapshot());
  }

  /** Computes against a given snapshot without reserving. */
  public PathResult compute(PathRequest request, ResourceSnapshot snapshot) {
    RouteFinder finder = routes;
    return new Computation(finder, snapshot, request).run();
  }

  /**
   * Computes and reserves atomically: if another request claimed the chosen resources in the
   * meantime, recomputes against the newer snapshot.
   */
  public PathResult computeAndReserve(PathRequest request) {
    PathResult r = null;
    for (int attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
      RouteFinder finder = routes;
      r = new Computation(finder, ledger.snapshot(), request).run();
      if (!(r instanceof Success s)) {
        return r;
      }
      Optional<Failure> f = ledger.reserve(s.reservation(), finder.topology());
      if (f.isEmpty()) {
        return r;
      }
      r = f.get();
    }
    return r;
  }

  /** Claims a reservation all or nothing; empty when it succeeded. */
  public Optional<Failure> reserve(Reservation r) {
    return ledger.reserve(r, routes.topology());
  }

  /** Releases a reservation all or nothing. */
  public void release(Reservation r) {
    ledger.release(r);
  }

  /** One computation: confined to the calling thread. */
  private final class Computation {
    private final RouteFinder finder;
    private final TopologyIndex index;
    private final ResourceSnapshot snapshot;
    private final PathRequest req;
    private final Assigner assigner;
    private int src;
    private int dst;
    private Mask mask;
    private PathMetric metric;
    private int k;

    Computation(RouteFinder finder, ResourceSnapshot snapshot, PathRequest req) {
      this.finder = finder;
      this.index = finder.index();
      this.snapshot = snapshot;
      this.req = req;
      this.assigner = new Assigner(index, snapshot, qot, config,
          new SplittableRandom(config.randomSeed() * 31 + randomSeq.getAndIncrement()));
      this.assigner.knowTwins(finder.parallel());
    }

    PathResult run() {
      Failure invalid = new RequestValidator(index, config).validate(req);
      if (invalid != null) {
        return invalid;
      }
      src = index.nodeIndex(req.aNodeId());
      dst = index.nodeIndex(req.zNodeId());
      Constraints c = req.constraints();
      metric = c.metric() != null ? c.metric() : config.metric();
      k = c.k() > 0 ? c.k() : config.k();
      mask = buildMask(c);
      int perEnd = req.bundle() != null ? req.bundle().channels() : 1;
      List<TransceiverMode> modes = new ArrayList<>(req.modes());
      modes.sort(req.modePreference().order());
      if (req.pinnedSlots() != null) {
        modes.removeIf(m -> m.widthMhz() != req.pinnedSlots().widthMhz());
      }
      Failure noTx = filterByTransceivers(modes, perEnd);
      if (noTx != null) {
        return noTx;
      }
      if (req.bundle() != null) {
        return bundle(modes, req.bundle());
      }
      if (req.protection() == Protection.ONE_PLUS_ONE) {
        return protectedPair(modes);
      }
      return single(modes);
    }

    private Mask buildMask(Constraints c) {
      Mask m = Mask.none(index);
      for (String n : c.excludeNodes()) {
        m.nodes[index.nodeIndex(n)] = true;
      }
      for (String f : c.excludeFibers()) {
        m.fibers[index.fiberIndex(f)] = true;
      }
      for (String g : c.excludeSrlgs()) {
        int gi = index.srlgIndex(g);
        if (gi >= 0) {
          for (int f : index.srlgFibers(gi)) {
            m.fibers[f] = true;
          }
        }
      }
      for (List<String> path : c.diverseFrom()) {
        blockDiverseFrom(m, path);
      }
      return m;
    }

    /** Blocks an existing service's fibers, their SRLGs and its transit nodes. */
    private void blockDiverseFrom(Mask m, List<String> fiberIds) {
      for (String id : fiberIds) {
        int f = index.fiberIndex(id);
        m.fibers[f] = true;
        for (int g : index.fiberSrlgs(f)) {
          for (int other : index.srlgFibers(g)) {
            m.fibers[other] = true;
          }
        }
        for (int end : new int[] {index.fiberA(f), index.fiberZ(f)}) {
          if (end != src && end != dst) {
            m.nodes[end] = true;
          }
        }
      }
    }

    private boolean passesIncludes(Route r) {
      Constraints c = req.constraints();
      for (String n : c.includeNodes()) {
        int ni = index.nodeIndex(n);
        boolean found = false;
        for (int x : r.nodes()) {
          found |= x == ni;
        }
        if (!found) {
          return false;
        }
      }
      for (String f : c.includeFibers()) {
        if (!r.usesFiber(index.fiberIndex(f))) {
          return false;
        }
      }
      return true;
    }

    private List<Route> candidates(int count) {
      return candidates(count, false);
    }

    /**
     * @param overParallel without route constraints, search one fiber per group of parallel
     *     fibers ({@link ParallelFibers}); the caller must let the assigner bind the hops
     */
    private List<Route> candidates(int count, boolean overParallel) {
      Constraints c = req.constraints();
      List<Route> list = c.restrictsRoutes()
          ? finder.constrained(src, dst, count, metric, mask, this::passesIncludes)
          : overParallel ? finder.shortestOverParallel(src, dst, count, metric)
          : finder.shortest(src, dst, count, metric);
      if (c.hasLatencyBound() && !list.isEmpty()
          && list.stream().allMatch(r -> r.latencyUs() > c.maxLatencyUs())) {
        // The k best by hops may all be slow while a longer-by-hops route is fast enough.
        List<Route> fast = new ArrayList<>(list);
        for (Route r : finder.lowestLatency(src, dst, count, mask, this::passesIncludes)) {
          if (r.latencyUs() <= c.maxLatencyUs() && !fast.contains(r)) {
            fast.add(r);
          }
        }
        list = fast;
      }
      return list;
    }

    private Failure noRoute() {
      String why = req.constraints().restrictsRoutes()
          ? " under the include/exclude/diversity constraints" : "";
      return new Failure(FailureReason.NO_ROUTE,
          "no route from " + req.aNodeId() + " to " + req.zNodeId() + why, req.zNodeId());
    }

    private PathResult single(List<TransceiverMode> modes) {
      // Each hop may use any interchangeable parallel fiber with free spectrum (bound when
      // assigning); without route constraints the candidates are searched with one fiber per
      // group, so k candidates are k node paths, not k fiber combinations of one path.
      boolean overParallel = !req.constraints().restrictsRoutes();
      if (overParallel) {
        assigner.allowParallel(finder.parallel());
      } else {
        Set<Integer> named = new HashSet<>();
        for (String f : req.constraints().includeFibers()) {
          named.add(index.fiberIndex(f));
        }
        assigner.allowParallel(finder.parallel(), mask, named);
      }
      List<Route> list = candidates(k, overParallel);
      if (list.isEmpty()) {
        return noRoute();
      }
      Assigner.Choice ch = assigner.assign(list, modes, req.constraints(), req.pinnedSlots());
      if (ch == null) {
        return assigner.failures.orElse(FailureReason.NO_ROUTE, "no usable route", req.zNodeId());
      }
      ResultBuilder b = new ResultBuilder(index, snapshot, config, assigner);
      b.add(ComputedChannel.Role.WORKING, ch.route(), ch.mode(), ch.qot(), ch.first());
      return b.build(List.of(ch.mode()));
    }

    private PathResult protectedPair(List<TransceiverMode> modes) {
      List<Route> pair = DisjointPaths.find(index, src, dst, 2, metric, mask, true, true);
      Constraints c = req.constraints();
      if (pair.size() == 2 && !(pairOk(pair, c))) {
        List<Route> cands = candidates(Math.max(16, k));
        List<Route> alt = DisjointPaths.searchDisjoint(index, cands, 2, true, true,
            set -> pairOk(set, c));
        pair = alt != null ? alt : pair;
      }
      if (pair.size() < 2) {
        return new Failure(FailureReason.NO_ROUTE, "no node-, link- and SRLG-disjoint pair of"
            + " routes from " + req.aNodeId() + " to " + req.zNodeId(), req.zNodeId());
      }
      Route w = pair.get(0);
      Route p = pair.get(1);
      if (!assigner.latencyOk(w, c) | !assigner.latencyOk(p, c)
          || !assigner.ocsPortsOk(w) || !assigner.ocsPortsOk(p)) {
        return assigner.failures.orElse(FailureReason.NO_ROUTE, "no usable pair", req.zNodeId());
      }
      for (TransceiverMode m : modes) {
        QotEstimate qw = assigner.qotOk(w, m);
        QotEstimate qp = qw == null ? null : assigner.qotOk(p, m);
        if (qp == null) {
          continue;
        }
        int s = assigner.pickSlotsOnBoth(w, p, m, req.pinnedSlots());
        if (s >= 0) {
          ResultBuilder b = new ResultBuilder(index, snapshot, config, assigner);
          b.add(ComputedChannel.Role.WORKING, w, m, qw, s);
          b.add(ComputedChannel.Role.PROTECTION, p, m, qp, s);
          return b.build(List.of(m));
        }
      }
      return assigner.failures.orElse(FailureReason.NO_ROUTE, "no usable pair", req.zNodeId());
    }

    private boolean pairOk(List<Route> set, Constraints c) {
      for (Route r : set) {
        if (c.hasLatencyBound() && r.latencyUs() > c.maxLatencyUs()) {
          return false;
        }
      }
      return true;
    }

    private boolean bundleOk(List<Route> set, Constraints c, Bundle b) {
      double min = Double.MAX_VALUE;
      double max = 0;
      for (Route r : set) {
        min = Math.min(min, r.latencyUs());
        max = Math.max(max, r.latencyUs());
      }
      return pairOk(set, c) && (b.maxSkewUs() <= 0 || max - min <= b.maxSkewUs());
    }

    private PathResult bundle(List<TransceiverMode> modes, Bundle b) {
      Constraints c = req.constraints();
      int r = b.minRoutes();
      List<Route> set = DisjointPaths.find(index, src, dst, r, metric, mask, true, true);
      if (set.size() < r) {
        return new Failure(FailureReason.NO_ROUTE, "only " + set.size() + " mutually disjoint"
            + " routes from " + req.aNodeId() + " to " + req.zNodeId() + ", bundle needs " + r,
            req.zNodeId());
      }
      if (!bundleOk(set, c, b)) {
        List<Route> cands = candidates(Math.max(16, k));
        List<Route> alt = DisjointPaths.searchDisjoint(index, cands, r, true, true,
            s -> bundleOk(s, c, b));
        if (alt == null) {
          return new Failure(FailureReason.LATENCY_EXCEEDED, String.format(
              "no %d disjoint routes from %s to %s meet the latency bound %.1f µs and skew bound"
                  + " %.1f µs (least-cost set: %s)", r, req.aNodeId(), req.zNodeId(),
              c.maxLatencyUs(), b.maxSkewUs(), describeLatencies(set)),
              b.maxSkewUs() > 0 ? "max_skew_us" : "max_latency_us");
        }
        set = alt;
      }
      ResultBuilder rb = new ResultBuilder(index, snapshot, config, assigner);
      long[] taken = new long[config.grid().words()];
      List<TransceiverMode> used = new ArrayList<>();
      for (int ri = 0; ri < r; ri++) {
        Route route = set.get(ri);
        int n = b.channels() / r + (ri < b.channels() % r ? 1 : 0);
        if (!assigner.ocsPortsOk(route) || !bundleRoute(rb, route, modes, n, taken, used)) {
          return assigner.failures.orElse(FailureReason.NO_SPECTRUM,
              "bundle member route " + assigner.describe(route) + " cannot carry " + n
                  + " channels", index.fiber(route.fibers()[0]).id());
        }
      }
      return rb.build(used);
    }

    private boolean bundleRoute(ResultBuilder rb, Route route, List<TransceiverMode> modes,
        int n, long[] taken, List<TransceiverMode> used) {
      for (TransceiverMode m : modes) {
        QotEstimate q = assigner.qotOk(route, m);
        if (q == null) {
          continue;
        }
        long[] trial = taken.clone();
        int[] starts = new int[n];
        boolean ok = true;
        for (int i = 0; i < n && ok; i++) {
          int s = assigner.pickSlots(route, m, null, trial);
          ok = s >= 0;
          if (ok) {
            starts[i] = s;
            SlotBits.set(trial, s, s + assigner.slotsWithGuard(m));
          }
        }
        if (ok) {
          // Fibers of different routes are disjoint, so slots taken on one route never
          // constrain another; the shared mask only matters within one route.
          for (int s : starts) {
            rb.add(ComputedChannel.Role.BUNDLE_MEMBER, route, m, q, s);
            used.add(m);
          }
          return true;
        }
      }
      return false;
    }

    private String describeLatencies(List<Route> set) {
      StringBuilder sb = new StringBuilder();
      for (Route r : set) {
        sb.append(String.format("%s%s %.1f µs", sb.length() > 0 ? ", " : "",
            assigner.describe(r), r.latencyUs()));
      }
      return sb.toString();
    }

    /** Keeps modes whose type has enough free transceivers at both ends. */
    private Failure filterByTransceivers(List<TransceiverMode> modes, int perEnd) {
      if (!config.enforceTransceivers()) {
        return null;
      }
      List<TransceiverMode> keep = new ArrayList<>();
      int lacking = -1;
      for (TransceiverMode m : modes) {
        boolean a = Transceivers.free(index, snapshot, src, m.type()) >= perEnd;
        boolean z = Transceivers.free(index, snapshot, dst, m.type()) >= perEnd;
        if (a && z) {
          keep.add(m);
        } else if (lacking < 0) {
          lacking = !a ? src : dst;
        }
      }
      if (keep.isEmpty()) {
        List<String> types = modes.stream().map(TransceiverMode::type).distinct().toList();
        return new Failure(FailureReason.NO_TRANSCEIVER, Transceivers.owner(index, lacking)
            + " has fewer than " + perEnd + " free transceiver(s) of type "
            + String.join(", ", types) + Transceivers.siteMatesWithFree(index, snapshot, lacking,
                types), index.node(lacking).id());
      }
      modes.retainAll(keep);
      return null;
    }
  }

  /**
   * Transceiver inventory: a transponder endpoint's own; for another endpoint (a ROADM) its own
   * plus those of the transponders at its site ({@link NodeFacts#holders}).
   */
  static final class Transceivers {
    private Transceivers() {}

    /** The endpoint as failure messages name it, with the inventory it draws on. */
    static String owner(TopologyIndex index, int endpoint) {
      Node n = index.node(endpoint);
      return n.kind() == NodeKind.TRANSPONDER ? "transponder " + n.id()
          : "node " + n.id() + " (and its site)";
    }

    /**
     * For a transponder endpoint, the other transponders of its site with free transceivers of
     * {@code types} ("; other transponders of site s with free ones: T2 (2 free)"), which a
     * request could name instead; empty when there are none or the endpoint draws on them.
     */
    static String siteMatesWithFree(TopologyIndex index, ResourceSnapshot s, int endpoint,
        List<String> types) {
      Node e = index.node(endpoint);
      if (e.kind() != NodeKind.TRANSPONDER) {
        return "";
      }
      List<String> free = new ArrayList<>();
      for (Node n : NodeFacts.of(index).siteMates(endpoint)) {
        int f = 0;
        for (String type : types) {
          f += Math.max(0, freeOn(n, s, type));
        }
        if (f > 0) {
          free.add(n.id() + " (" + f + " free)");
        }
      }
      return free.isEmpty() ? "" : "; other transponders of site " + e.siteId()
          + " with free ones: " + String.join(", ", free);
    }

    static List<Node> holders(TopologyIndex index, int endpoint) {
      return NodeFacts.of(index).holders(endpoint);
    }

    static int free(TopologyIndex index, ResourceSnapshot s, int endpoint, String type) {
      int free = 0;
      for (Node n : holders(index, endpoint)) {
        free += Math.max(0, freeOn(n, s, type));
      }
      return free;
    }

    /** Node {@code n}'s transceivers of {@code type} not in use (negative if over-claimed). */
    static int freeOn(Node n, ResourceSnapshot s, String type) {
      return n.transceiverCounts().getOrDefault(type, 0) - s.transceiversUsed(n.id(), type);
    }
  }

  /** The spectrum grid in use. */
  public SpectrumGrid grid() {
    return config.grid();
  }
}
