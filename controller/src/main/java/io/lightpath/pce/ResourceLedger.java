package io.lightpath.pce;

import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.model.Port;
import io.lightpath.pce.Reservation.CrossConnect;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.pce.Reservation.TransceiverClaim;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.pcollections.HashPMap;

/**
 * Holds the current {@link ResourceSnapshot} and changes it by compare-and-set: a reservation
 * checks every claim against one snapshot, builds the next snapshot with all of them applied, and
 * installs it only if no other reservation got in first (otherwise it re-checks against the newer
 * snapshot). So two requests never get the same slots, and a reservation is all or nothing.
 * Lock-free; thread-safe.
 *
 * <p>Cost: the next snapshot shares the previous one's persistent maps and copies only the
 * occupancy arrays of the fibers the reservation touches (plus the per-slot usage counters, one
 * {@code int} per grid slot), so a reserve or release is O(claims × log(state)) however many
 * services the ledger holds.
 */
public final class ResourceLedger {
  private final SpectrumGrid grid;
  private final AtomicReference<ResourceSnapshot> state;

  public ResourceLedger(SpectrumGrid grid) {
    this.grid = grid;
    this.state =
        new AtomicReference<>(
            ResourceSnapshot.empty(grid.words(), grid.slotCount()));
  }

  public SpectrumGrid grid() {
    return grid;
  }

  /** The current snapshot; never changes after it is returned. */
  public ResourceSnapshot snapshot() {
    return state.get();
  }

  /**
   * Claims everything in {@code r} or nothing.
   *
   * @param topology gives transceiver inventory and checks that fibers and nodes exist
   * @return empty on success, or the first conflict (NO_SPECTRUM for taken slots, NO_ROUTE for a
   *     busy OCS port, NO_TRANSCEIVER, CONSTRAINT_CONFLICT for unknown ids)
   */
  public Optional<Failure> reserve(Reservation r, Topology topology) {
    while (true) {
      ResourceSnapshot s = state.get();
      Builder b = new Builder(s);
      Optional<Failure> f = b.claim(r, topology);
      if (f.isPresent()) {
        return f;
      }
      if (state.compareAndSet(s, b.build())) {
        return Optional.empty();
      }
    }
  }

  /**
   * Claims many reservations, each all or nothing, and installs the result as one snapshot: for
   * rebuilding the ledger from stored services at startup, where n single reserves would build n
   * intermediate snapshots (each copying the per-slot usage counters and the touched fibers).
   *
   * @return per reservation, in order: empty when claimed, or why not (it then holds nothing)
   */
  public List<Optional<Failure>> reserveAll(List<Reservation> rs, Topology topology) {
    while (true) {
      ResourceSnapshot s = state.get();
      Builder b = new Builder(s);
      List<Optional<Failure>> out = new ArrayList<>(rs.size());
      for (Reservation r : rs) {
        out.add(b.claimOrUndo(r, topology));
      }
      if (state.compareAndSet(s, b.build())) {
        return out;
      }
    }
  }

  /**
   * Releases everything in {@code r} or nothing.
   *
   * @throws IllegalStateException when some of it is not held (a caller bug); nothing changes
   */
  public void release(Reservation r) {
    while (true) {
      ResourceSnapshot s = state.get();
      Builder b = new Builder(s);
      b.unclaim(r);
      if (state.compareAndSet(s, b.build())) {
        return;
      }
    }
  }

  /**
   * The next snapshot being built: persistent maps updated entry by entry, occupancy arrays and
   * the usage counters copied when first changed.
   */
  private final class Builder {
    private final ResourceSnapshot base;
    private final Map<String, long[]> copied = new HashMap<>();
    private final List<SlotClaim> applied = new ArrayList<>();
    private final List<String> newlyCopied = new ArrayList<>();
    private HashPMap<String, long[]> occupancy;
    private HashPMap<String, String> peers;
    private HashPMap<String, Integer> refs;
    private HashPMap<String, Integer> transceivers;
    private HashPMap<String, Boolean> ports;
    private int[] usage;

    Builder(ResourceSnapshot base) {
      this.base = base;
      this.occupancy = base.occupancyMap();
      this.peers = base.crossConnectPeerMap();
      this.refs = base.crossConnectRefMap();
      this.transceivers = base.transceiverMap();
      this.ports = base.portMap();
    }

    private int[] usage() {
      if (usage == null) {
        usage = base.slotUsage().clone();
      }
      return usage;
    }

    private long[] writable(String fiberId) {
      long[] w = copied.get(fiberId);
      if (w == null) {
        w = base.occupancy(fiberId).clone();
        copied.put(fiberId, w);
        newlyCopied.add(fiberId);
        occupancy = occupancy.plus(fiberId, w);
      }
      return w;
    }

    /**
     * {@link #claim}, and on a failure undoes what this reservation had claimed so the builder
     * can go on with the next one: the slots it set were clear before (claim checks), so clearing
     * them restores the arrays, and the persistent maps are put back as they were.
     */
    Optional<Failure> claimOrUndo(Reservation r, Topology topology) {
      HashPMap<String, long[]> occ0 = occupancy;
      HashPMap<String, String> peers0 = peers;
      HashPMap<String, Integer> refs0 = refs;
      HashPMap<String, Integer> tx0 = transceivers;
      HashPMap<String, Boolean> ports0 = ports;
      applied.clear();
      newlyCopied.clear();
      Optional<Failure> f = claim(r, topology);
      if (f.isPresent()) {
        for (SlotClaim c : applied) {
          SlotBits.clear(copied.get(c.fiberId()), c.range().first(), c.range().end());
          for (int i = c.range().first(); i < c.range().end(); i++) {
            usage[i]--;
          }
        }
        occupancy = occ0;
        peers = peers0;
        refs = refs0;
        transceivers = tx0;
        ports = ports0;
        for (String fiberId : newlyCopied) {
          copied.remove(fiberId); // its copy is in no map any more; copy again when next touched
        }
      }
      return f;
    }

    Optional<Failure> claim(Reservation r, Topology topology) {
      for (SlotClaim c : r.slots()) {
        if (topology.fiber(c.fiberId()) == null) {
          return fail(FailureReason.CONSTRAINT_CONFLICT, "unknown fiber " + c.fiberId(), c.fiberId());
        }
        if (c.range().end() > grid.slotCount()) {
          return fail(FailureReason.CONSTRAINT_CONFLICT,
              "slots " + c.range() + " run past the grid's " + grid.slotCount() + " slots",
              c.fiberId());
        }
        long[] occ = writable(c.fiberId());
        if (SlotBits.anySet(occ, c.range().first(), c.range().end())) {
          return fail(FailureReason.NO_SPECTRUM,
              "slots " + c.range() + " on fiber " + c.fiberId() + " are already in use",
              c.fiberId());
        }
        SlotBits.set(occ, c.range().first(), c.range().end());
        applied.add(c);
        int[] u = usage();
        for (int i = c.range().first(); i < c.range().end(); i++) {
          u[i]++;
        }
      }
      for (CrossConnect x : r.crossConnects()) {
        String pa = peers.get(ResourceSnapshot.key(x.nodeId(), x.fiberA()));
        String pb = peers.get(ResourceSnapshot.key(x.nodeId(), x.fiberB()));
        if ((pa != null && !pa.equals(x.fiberB())) || (pb != null && !pb.equals(x.fiberA()))) {
          String busy = pa != null && !pa.equals(x.fiberB()) ? x.fiberA() : x.fiberB();
          return fail(FailureReason.NO_ROUTE,
              "OCS " + x.nodeId() + " port of fiber " + busy + " is already cross-connected",
              x.nodeId());
        }
        peers = peers.plus(ResourceSnapshot.key(x.nodeId(), x.fiberA()), x.fiberB())
            .plus(ResourceSnapshot.key(x.nodeId(), x.fiberB()), x.fiberA());
        refs = refs.plus(xcKey(x), refs.getOrDefault(xcKey(x), 0) + 1);
      }
      for (TransceiverClaim t : r.transceivers()) {
        Node node = topology.node(t.nodeId());
        int installed = node == null ? 0 : node.transceiverCounts().getOrDefault(t.type(), 0);
        String k = ResourceSnapshot.key(t.nodeId(), t.type());
        int used = transceivers.getOrDefault(k, 0);
        if (used + 1 > installed) {
          return fail(FailureReason.NO_TRANSCEIVER,
              "node " + t.nodeId() + " has no free " + t.type() + " transceiver (" + installed
                  + " installed)", t.nodeId());
        }
        transceivers = transceivers.plus(k, used + 1);
      }
      for (PortClaim p : r.addDropPorts()) {
        Node node = topology.node(p.nodeId());
        if (node == null || !claimable(topology, node, p.portId())) {
          return fail(FailureReason.CONSTRAINT_CONFLICT, "node " + p.nodeId()
              + " has no add/drop or line port " + p.portId(), p.nodeId());
        }
        String k = ResourceSnapshot.key(p.nodeId(), p.portId());
        if (ports.containsKey(k)) {
          String what = node.kind() == NodeKind.TRANSPONDER ? "line port " + p.portId()
              + " of transponder " : "add/drop port " + p.portId() + " of ROADM ";
          return fail(FailureReason.NO_TRANSCEIVER, what + p.nodeId() + " is already in use",
              p.nodeId());
        }
        ports = ports.plus(k, Boolean.TRUE);
      }
      return Optional.empty();
    }

    void unclaim(Reservation r) {
      for (SlotClaim c : r.slots()) {
        long[] occ = writable(c.fiberId());
        if (c.range().end() > grid.slotCount()
            || !SlotBits.allSet(occ, c.range().first(), c.range().end())) {
          throw new IllegalStateException(
              "release of slots " + c.range() + " on fiber " + c.fiberId() + " that are not held");
        }
        SlotBits.clear(occ, c.range().first(), c.range().end());
        int[] u = usage();
        for (int i = c.range().first(); i < c.range().end(); i++) {
          u[i]--;
        }
      }
      for (CrossConnect x : r.crossConnects()) {
        String k = xcKey(x);
        Integer n = refs.get(k);
        if (n == null) {
          throw new IllegalStateException("release of unknown cross-connect " + x);
        }
        if (n == 1) {
          refs = refs.minus(k);
          peers = peers.minus(ResourceSnapshot.key(x.nodeId(), x.fiberA()))
              .minus(ResourceSnapshot.key(x.nodeId(), x.fiberB()));
        } else {
          refs = refs.plus(k, n - 1);
        }
      }
      for (TransceiverClaim t : r.transceivers()) {
        String k = ResourceSnapshot.key(t.nodeId(), t.type());
        int used = transceivers.getOrDefault(k, 0);
        if (used <= 0) {
          throw new IllegalStateException("release of a " + t.type() + " transceiver at "
              + t.nodeId() + " that is not in use");
        }
        transceivers = used == 1 ? transceivers.minus(k) : transceivers.plus(k, used - 1);
      }
      for (PortClaim p : r.addDropPorts()) {
        String k = ResourceSnapshot.key(p.nodeId(), p.portId());
        if (!ports.containsKey(k)) {
          throw new IllegalStateException("release of port " + p.portId() + " at "
              + p.nodeId() + " that is not in use");
        }
        ports = ports.minus(k);
      }
    }

    ResourceSnapshot build() {
      return new ResourceSnapshot(grid.words(), base.version() + 1, occupancy, peers, refs,
          transceivers, ports, usage == null ? base.slotUsage() : usage);
    }
  }

  /**
   * Whether a reservation may claim the port: a ROADM's ADD_DROP port, or a port of a transponder
   * where one of its fibers lands (its line port: the transceiver's optical output, one channel
   * end per port; topologies need not declare it as a port of the node).
   */
  private static boolean claimable(Topology topology, Node node, String portId) {
    if (node.kind() == NodeKind.TRANSPONDER) {
      TopologyIndex index = topology.index();
      return NodeFacts.of(index).fiberLandsOn(index.nodeIndex(node.id()), portId);
    }
    for (Port port : node.ports()) {
      if (port.id().equals(portId)) {
        return port.role() == Port.PortRole.ADD_DROP;
      }
    }
    return false;
  }

  private static String xcKey(CrossConnect x) {
    String a = x.fiberA().compareTo(x.fiberB()) <= 0 ? x.fiberA() : x.fiberB();
    String b = a.equals(x.fiberA()) ? x.fiberB() : x.fiberA();
    return x.nodeId() + '\u0000' + a + '\u0000' + b;
  }

  private static Optional<Failure> fail(FailureReason reason, String message, String element) {
    return Optional.of(new Failure(reason, message, element));
  }
}
