package io.lightpath.pce;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.TopologyIndex;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.QotEstimate;
import io.lightpath.qot.QotEstimator;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SlotSelector;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Mode selection and spectrum assignment over candidate routes, for one computation against one
 * {@link ResourceSnapshot}. Not thread-safe (scratch arrays); create one per computation.
 */
final class Assigner {
  /** A route, a mode that clears QoT on it and the first slot of the chosen range. */
  record Choice(Route route, TransceiverMode mode, QotEstimate qot, int first, int count) {}

  private final TopologyIndex index;
  private final ResourceSnapshot snapshot;
  private final QotEstimator qot;
  private final PceConfig config;
  private final SlotSelector selector;
  private final long[] valid;
  private final long[] free;
  private final long[] scratch;
  private final int words;
  private final RandomGenerator random;
  private final long[] hop;
  private ParallelFibers parallel;
  private Mask parallelMask;
  private Set<Integer> fixedFibers = Set.of();
  private ParallelFibers twins;
  private final OcsJoints joints;
  private final NodeFacts facts;
  final FailureTracker failures = new FailureTracker();

  Assigner(TopologyIndex index, ResourceSnapshot snapshot, QotEstimator qot, PceConfig config,
      RandomGenerator random) {
    this.index = index;
    this.snapshot = snapshot;
    this.qot = qot;
    this.config = config;
    this.random = random;
    SpectrumGrid grid = config.grid();
    this.words = grid.words();
    this.selector = new SlotSelector(grid.slotCount(), random);
    this.valid = SlotBits.validMask(grid.slotCount());
    this.free = new long[words];
    this.scratch = new long[words];
    this.hop = new long[words];
    this.joints = new OcsJoints(index, snapshot);
    this.facts = NodeFacts.of(index);
  }

  /**
   * Lets each hop of a route use any fiber interchangeable with the one named (see {@link
   * ParallelFibers}): only for requests without fiber-level constraints.
   */
  void allowParallel(ParallelFibers p) {
    allowParallel(p, null, Set.of());
  }

  /**
   * As {@link #allowParallel(ParallelFibers)} under route constraints: a hop never moves to a
   * fiber the mask excludes (excluded fibers and SRLGs, diverse-from), and a fiber the request
   * includes by name stays as it is.
   */
  void allowParallel(ParallelFibers p, Mask mask, Set<Integer> fixed) {
    this.parallel = p;
    this.parallelMask = mask;
    this.fixedFibers = fixed;
  }

  /** The fibers hop {@code f} may use: its parallel group, less masked twins; empty = only f. */
  private int[] alternatives(int f) {
    int[] group = parallel == null ? ParallelFibers.NONE : parallel.members(f);
    if (group.length == 0 || (parallelMask == null && fixedFibers.isEmpty())) {
      return group;
    }
    if (fixedFibers.contains(f)) {
      return ParallelFibers.NONE;
    }
    int n = 0;
    int[] keep = new int[group.length];
    for (int m : group) {
      if (m == f || parallelMask == null || !parallelMask.fibers[m]) {
        keep[n++] = m;
      }
    }
    return n == 1 ? ParallelFibers.NONE : Arrays.copyOf(keep, n);
  }

  /** The parallel-fiber groups of the topology, for {@link #candidates} of fixed routes. */
  void knowTwins(ParallelFibers p) {
    this.twins = p;
  }

  /**
   * The fibers hop {@code f} may be bound to, in order of preference. With parallel fibers allowed:
   * its group less masked twins, lowest first. Otherwise (1+1 pairs and bundles, whose
   * disjointness was checked on the fibers found): {@code f} first, then its twins in the same
   * SRLGs, to which the hop moves only when {@code f} cannot carry the channel (its line port is
   * taken by an earlier channel of the result, or its OCS port is joined to another fiber), which
   * leaves disjointness as it was. Never empty; do not modify.
   */
  int[] candidates(int f) {
    if (parallel != null) {
      int[] group = alternatives(f);
      return group.length == 0 ? new int[] {f} : group;
    }
    int[] group = twins == null ? ParallelFibers.NONE : twins.members(f);
    int[] out = new int[Math.max(1, group.length)];
    out[0] = f;
    int n = 1;
    for (int m : group) {
      if (m != f && index.fiber(m).srlgIds().equals(index.fiber(f).srlgIds())) {
        out[n++] = m;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Whether fiber {@code m}, in place of hop {@code i} of {@code route}, can be joined at an OCS
   * on either end of the hop to some candidate of the neighbouring hop: a port the OCS has joined
   * to a fiber outside those candidates makes {@code m} unusable on this route.
   */
  private boolean joinable(Route route, int i, int m) {
    int[] ns = route.nodes();
    int[] fs = route.fibers();
    return (i == 0 || !joints.isOcs(ns[i]) || joints.canJoinAny(ns[i], m, candidates(fs[i - 1])))
        && (i == fs.length - 1 || !joints.isOcs(ns[i + 1])
            || joints.canJoinAny(ns[i + 1], m, candidates(fs[i + 1])));
  }

  /**
   * Whether a port at an end of {@code f} is held by another channel end: a transponder's line
   * port, or a ROADM's ADD_DROP port. A channel over a fiber that lands on an add/drop port adds or
   * drops on that port (the provisioner opens the media channel from the fiber's port), so the
   * fiber is unusable while another channel holds the port.
   */
  boolean endPortBusy(int f) {
    Fiber fiber = index.fiber(f);
    return portBusy(fiber.aNodeId(), fiber.aPortId(), facts.landsOnAddDrop(f, true))
        || portBusy(fiber.zNodeId(), fiber.zPortId(), facts.landsOnAddDrop(f, false));
  }

  private boolean portBusy(String nodeId, String portId, boolean addDrop) {
    if (addDrop) {
      return snapshot.portInUse(nodeId, portId);
    }
    Node n = index.node(index.nodeIndex(nodeId));
    return n.kind() == NodeKind.TRANSPONDER && !portId.isEmpty()
        && snapshot.portInUse(nodeId, portId);
  }

  /** Writes the slots free on fiber {@code f} into {@code out}; none when an end's port is busy. */
  private void fiberFree(int f, long[] out) {
    if (endPortBusy(f)) {
      Arrays.fill(out, 0L);
      return;
    }
    long[] occ = snapshot.occupancy(index.fiber(f).id());
    for (int w = 0; w < words; w++) {
      out[w] = valid[w] & ~occ[w];
    }
  }

  /**
   * Writes into {@code out} the starts where {@code count} slots fit on hop {@code i} of {@code
   * route}: on its fiber itself, or with parallel fibers allowed on any one fiber of its group
   * that an OCS at the hop's ends could join (contiguity holds per fiber, so the group's starts
   * are the union of each member's starts, not the starts of the union of their free slots).
   */
  private void hopStarts(Route route, int i, int count, long[] out) {
    int f = route.fibers()[i];
    int[] group = alternatives(f);
    if (group.length == 0) {
      fiberFree(f, out);
      SlotBits.startsInPlace(out, count, words);
      return;
    }
    Arrays.fill(out, 0L);
    // Highest first: hops are bound lowest first, so an untouched fiber is usually found at once.
    for (int g = group.length - 1; g >= 0; g--) {
      int m = group[g];
      if (!joinable(route, i, m)) {
        continue;
      }
      fiberFree(m, scratch);
      boolean empty = true;
      for (int w = 0; w < words; w++) {
        empty &= scratch[w] == valid[w];
      }
      SlotBits.startsInPlace(scratch, count, words);
      for (int w = 0; w < words; w++) {
        out[w] |= scratch[w];
      }
      if (empty) {
        return; // no member can offer more than an unused fiber
      }
    }
  }

  /** Writes the starts where {@code count} slots fit on every hop of {@code route} into {@code out}. */
  private void startsAlong(Route route, int count, long[] out) {
    System.arraycopy(valid, 0, out, 0, words);
    SlotBits.startsInPlace(out, count, words);
    for (int i = 0; i < route.hops(); i++) {
      hopStarts(route, i, count, hop);
      for (int w = 0; w < words; w++) {
        out[w] &= hop[w];
      }
    }
  }

  /** Slots a mode needs, guard band included. */
  int slotsWithGuard(TransceiverMode mode) {
    return SpectrumGrid.slotsFor(mode.widthMhz()) + config.guardSlots();
  }

  /** Writes the slots free on every fiber of {@code route} into {@code out}. */
  void freeAlong(Route route, long[] out) {
    System.arraycopy(valid, 0, out, 0, words);
    for (int f : route.fibers()) {
      fiberFree(f, hop);
      for (int w = 0; w < words; w++) {
        out[w] &= hop[w];
      }
    }
  }

  /** Whether the latency bound holds; records a failure when not. */
  boolean latencyOk(Route route, Constraints c) {
    if (c.hasLatencyBound() && route.latencyUs() > c.maxLatencyUs()) {
      if (failures.wants(FailureTracker.LATENCY)) {
        failures.offer(FailureTracker.LATENCY, FailureReason.LATENCY_EXCEEDED,
          String.format("route %s has one-way latency %.1f µs, over the bound of %.1f µs",
              describe(route), route.latencyUs(), c.maxLatencyUs()), "max_latency_us");
      }
      return false;
    }
    return true;
  }

  /**
   * Whether every OCS on the route can join some candidate of the hop into it to some candidate
   * of the hop out of it (the route's own fibers or their parallel twins, see {@link
   * #candidates}); records a failure naming the route's own fiber when not.
   */
  boolean ocsPortsOk(Route route) {
    int[] ns = route.nodes();
    int[] fs = route.fibers();
    for (int i = 1; i < ns.length - 1; i++) {
      Node n = index.node(ns[i]);
      if (n.kind() != NodeKind.OCS || anyPairJoins(ns[i], fs[i - 1], fs[i])) {
        continue;
      }
      String in = index.fiber(fs[i - 1]).id();
      String out = index.fiber(fs[i]).id();
      // The route's own pair is among the candidates, so one of its ports is joined elsewhere.
      String pin = snapshot.crossConnectPeer(n.id(), in);
      String busy = pin != null && !pin.equals(out) ? in : out;
      int twins = candidates(fs[i - 1]).length + candidates(fs[i]).length - 2;
      failures.offer(FailureTracker.OCS_PORT, FailureReason.NO_ROUTE,
          "OCS " + n.id() + " already cross-connects the port of fiber " + busy
              + " elsewhere" + (twins > 0 ? " (nor can any of the " + twins
              + " fibers parallel to this pair)" : "") + ", so route "
              + describe(route) + " cannot pass", n.id());
      return false;
    }
    return true;
  }

  private boolean anyPairJoins(int ocs, int in, int out) {
    int[] outs = candidates(out);
    for (int a : candidates(in)) {
      if (joints.canJoinAny(ocs, a, outs)) {
        return true;
      }
    }
    return false;
  }

  /** The estimate when the mode clears threshold plus margin, else {@code null} (recorded). */
  QotEstimate qotOk(Route route, TransceiverMode mode) {
    QotEstimate e = route.cachedQot(mode);
    if (e == null) {
      e = qot.estimate(fibers(route), nodes(route), mode);
      route.cacheQot(mode, e);
    }
    double needed = mode.requiredGsnrDb() + config.qotMarginDb();
    if (e.gsnrDb() < needed) {
      if (!failures.wants(FailureTracker.QOT)) {
        return null;
      }
      int worst = longestFiber(route);
      double gsnrDb = e.gsnrDb();
      failures.offer(FailureTracker.QOT, FailureReason.QOT_INFEASIBLE,
          () -> String.format("mode %s needs GSNR %.2f dB (%.2f + %.2f margin) but route %s gives"
                  + " %.2f dB; longest fiber %s is %.0f km", mode.id(), needed,
              mode.requiredGsnrDb(), config.qotMarginDb(), describe(route), gsnrDb,
              index.fiber(worst).id(), index.fiberLengthKm(worst)), index.fiber(worst).id());
      return null;
    }
    return e;
  }

  /**
   * Picks slots on one route for a mode that already cleared QoT.
   *
   * @param extraUsed slots taken by earlier channels of the same result, or {@code null}
   * @return the first slot, or -1 (recorded as NO_SPECTRUM naming the limiting fiber)
   */
  int pickSlots(Route route, TransceiverMode mode, SlotRange pinned, long[] extraUsed) {
    if (parallel != null && extraUsed == null) {
      return pickSlotsOverParallel(route, mode, pinned);
    }
    freeAlong(route, free);
    if (extraUsed != null) {
      for (int w = 0; w < words; w++) {
        free[w] &= ~extraUsed[w];
      }
    }
    int count = slotsWithGuard(mode);
    int s;
    if (pinned != null) {
      s = pinned.first() + count <= config.grid().slotCount()
          && SlotBits.allSet(free, pinned.first(), pinned.first() + count) ? pinned.first() : -1;
    } else {
      s = selector.choose(config.policy(), free, count, usage());
    }
    if (s < 0) {
      recordNoSpectrum(route, count, pinned);
    }
    return s;
  }

  private int pickSlotsOverParallel(Route route, TransceiverMode mode, SlotRange pinned) {
    int count = slotsWithGuard(mode);
    startsAlong(route, count, free);
    int s;
    if (pinned != null) {
      s = pinned.first() + count <= config.grid().slotCount() && SlotBits.get(free, pinned.first())
          ? pinned.first() : -1;
    } else {
      s = selector.chooseAmongStarts(config.policy(), free, count, usage());
    }
    if (s < 0) {
      recordNoSpectrum(route, count, pinned);
    }
    return s;
  }

  /** Picks the same slots on two routes (1+1 with one transceiver per end). */
  int pickSlotsOnBoth(Route a, Route b, TransceiverMode mode, SlotRange pinned) {
    freeAlong(a, free);
    freeAlong(b, scratch);
    for (int w = 0; w < words; w++) {
      free[w] &= scratch[w];
    }
    int count = slotsWithGuard(mode);
    int s;
    if (pinned != null) {
      s = pinned.first() + count <= config.grid().slotCount()
          && SlotBits.allSet(free, pinned.first(), pinned.first() + count) ? pinned.first() : -1;
    } else {
      s = selector.choose(config.policy(), free, count, usage());
    }
    if (s < 0) {
      freeAlong(a, scratch);
      SlotBits.startsInPlace(scratch, count, words);
      recordNoSpectrum(SlotBits.nextSet(scratch, 0, words) < 0 ? a : b, count, pinned);
    }
    return s;
  }

  /**
   * Route and slots for one channel over {@code routes} with the configured order, trying modes
   * in the given order (best first).
   */
  Choice assign(List<Route> routes, List<TransceiverMode> modes, Constraints c, SlotRange pinned) {
    List<Route> usable = new ArrayList<>(routes.size());
    for (Route r : routes) {
      if (latencyOk(r, c) && ocsPortsOk(r)) {
        usable.add(r);
      }
    }
    // Modes outside, routes inside: the preferred mode wins on any of the k routes before a
    // less preferred mode is considered on the shortest one.
    if (config.order() == PathOrder.KSP || pinned != null) {
      for (TransceiverMode m : modes) {
        for (Route r : usable) {
          QotEstimate e = qotOk(r, m);
          if (e == null) {
            continue;
          }
          int s = pickSlots(r, m, pinned, null);
          if (s >= 0) {
            return new Choice(r, m, e, s, SpectrumGrid.slotsFor(m.widthMhz()));
          }
        }
      }
      return null;
    }
    for (TransceiverMode m : modes) {
      Choice best = null;
      long bestScore = Long.MAX_VALUE;
      long seen = 0;
      for (Route r : usable) {
        QotEstimate e = qotOk(r, m);
        if (e == null) {
          continue;
        }
        int s = pickSlots(r, m, null, null);
        if (s < 0) {
          continue;
        }
        Choice ch = new Choice(r, m, e, s, SpectrumGrid.slotsFor(m.widthMhz()));
        if (config.policy() == SpectrumPolicy.RANDOM) {
          // Weight each route by its number of fitting starts: uniform over all (route, start).
          seen += selector.lastCandidates();
          if (random.nextLong(seen) < selector.lastCandidates()) {
            best = ch;
          }
        } else if (selector.lastScore() < bestScore) {
          bestScore = selector.lastScore();
          best = ch;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  private int[] usage() {
    return config.policy().needsUsage() ? snapshot.slotUsage() : null;
  }

  /** Walks the route ANDing fiber by fiber; the fiber after which nothing fits is the limit. */
  private void recordNoSpectrum(Route route, int count, SlotRange pinned) {
    if (!failures.wants(FailureTracker.TRANSPONDER_PORT)) {
      return;
    }
    long[] along = new long[words];
    System.arraycopy(valid, 0, along, 0, words);
    SlotBits.startsInPlace(along, count, words);
    String limiting = index.fiber(route.fibers()[0]).id();
    for (int i = 0; i < route.hops(); i++) {
      int f = route.fibers()[i];
      hopStarts(route, i, count, hop);
      for (int w = 0; w < words; w++) {
        along[w] &= hop[w];
      }
      boolean fits = pinned != null
          ? pinned.first() + count <= config.grid().slotCount() && SlotBits.get(along, pinned.first())
          : SlotBits.nextSet(along, 0, words) >= 0;
      if (!fits) {
        limiting = index.fiber(f).id();
        break;
      }
    }
    int limitingIndex = index.fiberIndex(limiting);
    int[] group = alternatives(limitingIndex);
    boolean allBusy = endPortBusy(limitingIndex);
    for (int m : group) {
      allBusy &= endPortBusy(m);
    }
    if (allBusy) {
      Fiber lf = index.fiber(limitingIndex);
      boolean aBusy = portBusy(lf.aNodeId(), lf.aPortId(), facts.landsOnAddDrop(limitingIndex, true));
      String node = aBusy ? lf.aNodeId() : lf.zNodeId();
      String port = aBusy ? lf.aPortId() : lf.zPortId();
      boolean roadm = index.node(index.nodeIndex(node)).kind() != NodeKind.TRANSPONDER;
      String what = roadm ? "add/drop port " + port + " of ROADM " + node
          : "line port " + port + " of transponder " + node;
      failures.offer(FailureTracker.TRANSPONDER_PORT, FailureReason.NO_TRANSCEIVER, group.length > 1
          ? (roadm ? "all " + group.length + " fibers from " + lf.otherEnd(node) + " to ROADM "
              + node + " land on a port that already carries a channel (" + what + ")"
              : "all " + group.length + " line ports of transponder " + node + " toward "
                  + lf.otherEnd(node) + " already carry a channel")
          : what + " (fiber " + limiting + ") already carries a channel, so route "
              + describe(route) + " cannot use it", node);
      return;
    }
    if (!failures.wants(FailureTracker.SPECTRUM)) {
      return;
    }
    String what = pinned != null ? "pinned slots " + pinned : count + " contiguous free slots";
    int twins = Math.max(0, alternatives(limitingIndex).length - 1);
    failures.offer(FailureTracker.SPECTRUM, FailureReason.NO_SPECTRUM,
        "no " + what + " along route " + describe(route) + "; fiber " + limiting + " has "
            + snapshot.usedSlots(limiting) + " of " + config.grid().slotCount()
            + " slots in use and leaves none that fit"
            + (twins > 0 ? " (nor do its " + twins + " parallel fibers)" : ""), limiting);
  }

  List<Fiber> fibers(Route r) {
    List<Fiber> l = new ArrayList<>(r.hops());
    for (int f : r.fibers()) {
      l.add(index.fiber(f));
    }
    return l;
  }

  List<Node> nodes(Route r) {
    List<Node> l = new ArrayList<>(r.nodes().length);
    for (int n : r.nodes()) {
      l.add(index.node(n));
    }
    return l;
  }

  private int longestFiber(Route r) {
    int best = r.fibers()[0];
    for (int f : r.fibers()) {
      if (index.fiberLengthKm(f) > index.fiberLengthKm(best)) {
        best = f;
      }
    }
    return best;
  }

  String describe(Route r) {
    return r.describe(index);
  }
}
