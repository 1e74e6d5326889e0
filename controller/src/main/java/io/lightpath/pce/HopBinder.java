package io.lightpath.pce;

import io.lightpath.model.Fiber;
import io.lightpath.model.NodeKind;
import io.lightpath.model.TopologyIndex;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SlotRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the hops of one result's channels to fibers. Each hop takes one of its candidate fibers
 * ({@link Assigner#candidates}) with the channel's slots free and the ports at its ends (a
 * transponder's line port, a ROADM's ADD_DROP port) neither in use nor taken by an earlier channel
 * of the result, such that every OCS on the route can join the fibers on either side of it
 * ({@link OcsJoints}, which includes the joins of earlier channels). Hops meeting at an OCS
 * depend on each other (the fiber taken into it decides which fibers out of it can be joined), so
 * they are bound together with backtracking; hops meeting at any other node are independent and
 * bound one at a time, so the search does not multiply group sizes along the route. A hop never
 * moves onto a fiber another route of the result uses (routes of a bundle or 1+1 pair stay
 * disjoint). Confined to one result.
 */
final class HopBinder {
  private final TopologyIndex index;
  private final ResourceSnapshot snapshot;
  private final Assigner assigner;
  private final OcsJoints joints;
  private final Set<String> takenPorts = new HashSet<>();
  private final Map<Integer, Route> owner = new HashMap<>();
  private Failure failure;

  /** @param routes every route of the result, so that none moves onto another's fibers */
  HopBinder(TopologyIndex index, ResourceSnapshot snapshot, Assigner assigner,
      List<Route> routes) {
    this.index = index;
    this.snapshot = snapshot;
    this.assigner = assigner;
    this.joints = new OcsJoints(index, snapshot);
    for (Route r : routes) {
      for (int f : r.fibers()) {
        owner.putIfAbsent(f, r);
      }
    }
  }

  /**
   * Binds every hop of {@code route} for slots {@code reserved} (guard band included), takes the
   * line ports at its ends and plans its OCS joins, so later channels of the result avoid them.
   *
   * @return the bound fibers, or {@code null} when some hop has none ({@link #failure()} says why)
   */
  int[] bind(Route route, SlotRange reserved) {
    int[] ns = route.nodes();
    int[] fs = route.fibers().clone();
    int start = 0;
    for (int i = 0; i < fs.length; i++) {
      if (i + 1 < fs.length && joints.isOcs(ns[i + 1])) {
        continue; // hop i + 1 is joined to hop i at an OCS: bind them together
      }
      if (!bindFrom(route, fs, start, start, i, reserved)) {
        failure = diagnose(route, start, i, reserved);
        return null;
      }
      start = i + 1;
    }
    for (int i = 0; i < fs.length; i++) {
      owner.put(fs[i], route);
      if (i > 0 && joints.isOcs(ns[i])) {
        joints.plan(ns[i], fs[i - 1], fs[i]);
      }
    }
    for (PortClaim p : linePorts(ns, fs)) {
      takenPorts.add(ResourceSnapshot.key(p.nodeId(), p.portId()));
    }
    return fs;
  }

  /**
   * Marks a port (a ROADM's ADD_DROP port) as taken by a channel of this result, so later
   * channels are not bound to a fiber landing on it.
   */
  void take(String nodeId, String portId) {
    takenPorts.add(ResourceSnapshot.key(nodeId, portId));
  }

  /** Whether a channel of this result has taken the port. */
  boolean taken(String nodeId, String portId) {
    return takenPorts.contains(ResourceSnapshot.key(nodeId, portId));
  }

  /**
   * Whether fiber {@code f} could carry one more channel end as far as its end ports go: neither
   * port in use nor taken by a channel of this result.
   */
  boolean endPortsFree(int f) {
    Fiber fiber = index.fiber(f);
    return !assigner.endPortBusy(f)
        && !takenPorts.contains(ResourceSnapshot.key(fiber.aNodeId(), fiber.aPortId()))
        && !takenPorts.contains(ResourceSnapshot.key(fiber.zNodeId(), fiber.zPortId()));
  }

  /** Why the last {@link #bind} failed. */
  Failure failure() {
    return failure;
  }

  /** The line ports a channel bound to {@code fs} takes at its transponder ends. */
  List<PortClaim> linePorts(int[] ns, int[] fs) {
    List<PortClaim> out = new ArrayList<>(2);
    for (boolean atZ : new boolean[] {false, true}) {
      int node = atZ ? ns[ns.length - 1] : ns[0];
      if (index.node(node).kind() == NodeKind.TRANSPONDER) {
        String port = portAt(fs[atZ ? fs.length - 1 : 0], index.node(node).id());
        if (!port.isEmpty()) {
          out.add(new PortClaim(index.node(node).id(), port));
        }
      }
    }
    return out;
  }

  /** Binds hops {@code i..last} of a segment starting at {@code segStart}, backtracking. */
  private boolean bindFrom(Route route, int[] fs, int segStart, int i, int last,
      SlotRange reserved) {
    int f = route.fibers()[i];
    for (int m : assigner.candidates(f)) {
      if (!portFree(route, m) || !slotsFree(m, reserved)
          || (i > segStart && !joints.canJoin(route.nodes()[i], fs[i - 1], m))) {
        continue;
      }
      fs[i] = m;
      if (i == last || bindFrom(route, fs, segStart, i + 1, last, reserved)) {
        return true;
      }
    }
    fs[i] = f;
    return false;
  }

  /** Not another route's fiber, and the ports at its ends neither in use nor taken. */
  private boolean portFree(Route route, int m) {
    Route o = owner.get(m);
    return (o == null || o.equals(route)) && endPortsFree(m);
  }

  private boolean slotsFree(int m, SlotRange r) {
    return !SlotBits.anySet(snapshot.occupancy(index.fiber(m).id()), r.first(), r.end());
  }

  /**
   * Names what stopped segment {@code s..e}: a hop whose candidates' line ports are all taken,
   * else a hop whose candidates all lack the slots, else an OCS that can join none of the pairs.
   */
  private Failure diagnose(Route route, int s, int e, SlotRange reserved) {
    for (int i = s; i <= e; i++) {
      int f = route.fibers()[i];
      boolean port = false;
      boolean slots = false;
      for (int m : assigner.candidates(f)) {
        boolean p = portFree(route, m);
        port |= p;
        slots |= p && slotsFree(m, reserved);
      }
      String id = index.fiber(f).id();
      String tp = transponderEnd(f);
      String roadm = heldAddDropEnd(f);
      if (!port && roadm != null && (tp == null || !lineHeld(f, tp))) {
        return new Failure(FailureReason.NO_TRANSCEIVER, "add/drop port " + portAt(f, roadm)
            + " of ROADM " + roadm + " (fiber " + id + ") already carries a channel", roadm);
      }
      if (!port && tp != null) {
        return new Failure(FailureReason.NO_TRANSCEIVER, "line port " + portAt(f, tp)
            + " of transponder " + tp + " (fiber " + id + ") already carries a channel", tp);
      }
      if (!slots) {
        return new Failure(FailureReason.NO_SPECTRUM, "no fiber parallel to " + id + " has slots "
            + reserved + " and its transponder port free", id);
      }
    }
    String ocs = index.node(route.nodes()[s + 1]).id();
    return new Failure(FailureReason.NO_ROUTE, "OCS " + ocs + " cannot join any free pair of the"
        + " fibers parallel to " + index.fiber(route.fibers()[s]).id() + " and "
        + index.fiber(route.fibers()[s + 1]).id() + ": their ports are cross-connected elsewhere",
        ocs);
  }

  /** The ROADM at an end of fiber {@code f} whose ADD_DROP port there is held or taken, or null. */
  private String heldAddDropEnd(int f) {
    Fiber fiber = index.fiber(f);
    NodeFacts facts = NodeFacts.of(index);
    for (boolean atA : new boolean[] {true, false}) {
      String n = atA ? fiber.aNodeId() : fiber.zNodeId();
      String p = atA ? fiber.aPortId() : fiber.zPortId();
      if (facts.landsOnAddDrop(f, atA) && held(n, p)) {
        return n;
      }
    }
    return null;
  }

  /** Whether transponder {@code tp}'s line port on fiber {@code f} is held or taken. */
  private boolean lineHeld(int f, String tp) {
    return held(tp, portAt(f, tp));
  }

  /** Whether a port is in use in the ledger or taken by a channel of this result. */
  private boolean held(String nodeId, String portId) {
    return snapshot.portInUse(nodeId, portId) || taken(nodeId, portId);
  }

  /** The transponder at an end of fiber {@code f}, or {@code null}. */
  private String transponderEnd(int f) {
    Fiber fiber = index.fiber(f);
    for (String n : new String[] {fiber.aNodeId(), fiber.zNodeId()}) {
      if (index.node(index.nodeIndex(n)).kind() == NodeKind.TRANSPONDER) {
        return n;
      }
    }
    return null;
  }

  private String portAt(int fiber, String nodeId) {
    Fiber f = index.fiber(fiber);
    return f.aNodeId().equals(nodeId) ? f.aPortId() : f.zPortId();
  }
}
