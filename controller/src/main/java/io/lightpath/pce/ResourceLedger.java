package io.lightpath.pce;

import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.model.Port;
import io.lightpath.pce.Reservation.CrossConnect;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.pce.Reservation.TransceiverClaim;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link ResourceSnapshot} and changes it by compare-and-set: a reservation
 * checks every claim against one snapshot, builds the next snapshot with all of them applied, and
 * installs it only if no other reservation got in first (otherwise it re-checks against the newer
 * snapshot). So two requests never get the same slots, and a reservation is all or nothing.
 * Lock-free; thread-safe.
 */
public final class ResourceLedger {
  private final SpectrumGrid grid;
  private final AtomicReference<ResourceSnapshot> state;

  public ResourceLedger(SpectrumGrid grid) {
    this.grid = grid;
    this.state =
        new AtomicReference<>(
            new ResourceSnapshot(grid.words(), 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                new int[grid.slotCount()]));
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

  /** The next snapshot being built; copies a map or array only when it first changes it. */
  private final class Builder {
    private final ResourceSnapshot base;
    private final Map<String, long[]> occupancy;
    private final Map<String, long[]> copied = new HashMap<>();
    private final Map<String, String> peers;
    private final Map<String, Integer> refs;
    private final Map<String, Integer> transceivers;
    private final Map<String, Boolean> ports;
    private final int[] usage;

    Builder(ResourceSnapshot base) {
      this.base = base;
      this.occupancy = new HashMap<>(base.occupancyMap());
      this.peers = new HashMap<>(base.crossConnectPeerMap());
      this.refs = new HashMap<>(base.crossConnectRefMap());
      this.transceivers = new HashMap<>(base.transceiverMap());
      this.ports = new HashMap<>(base.portMap());
      this.usage = base.slotUsage().clone();
    }

    private long[] writable(String fiberId) {
      long[] w = copied.get(fiberId);
      if (w == null) {
        w = base.occupancy(fiberId).clone();
        copied.put(fiberId, w);
        occupancy.put(fiberId, w);
      }
      return w;
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
        for (int i = c.range().first(); i < c.range().end(); i++) {
          usage[i]++;
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
        peers.put(ResourceSnapshot.key(x.nodeId(), x.fiberA()), x.fiberB());
        peers.put(ResourceSnapshot.key(x.nodeId(), x.fiberB()), x.fiberA());
        refs.merge(xcKey(x), 1, Integer::sum);
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
        transceivers.put(k, used + 1);
      }
      for (PortClaim p : r.addDropPorts()) {
        Node node = topology.node(p.nodeId());
        boolean exists = node != null && node.ports().stream().anyMatch(
            x -> x.id().equals(p.portId()) && x.role() == Port.PortRole.ADD_DROP);
        if (!exists) {
          return fail(FailureReason.CONSTRAINT_CONFLICT, "node " + p.nodeId()
              + " has no add/drop port " + p.portId(), p.nodeId());
        }
        if (ports.putIfAbsent(ResourceSnapshot.key(p.nodeId(), p.portId()), Boolean.TRUE)
            != null) {
          return fail(FailureReason.NO_TRANSCEIVER, "add/drop port " + p.portId() + " of ROADM "
              + p.nodeId() + " is already in use", p.nodeId());
        }
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
        for (int i = c.range().first(); i < c.range().end(); i++) {
          usage[i]--;
        }
      }
      for (CrossConnect x : r.crossConnects()) {
        String k = xcKey(x);
        Integer n = refs.get(k);
        if (n == null) {
          throw new IllegalStateException("release of unknown cross-connect " + x);
        }
        if (n == 1) {
          refs.remove(k);
          peers.remove(ResourceSnapshot.key(x.nodeId(), x.fiberA()));
          peers.remove(ResourceSnapshot.key(x.nodeId(), x.fiberB()));
        } else {
          refs.put(k, n - 1);
        }
      }
      for (TransceiverClaim t : r.transceivers()) {
        String k = ResourceSnapshot.key(t.nodeId(), t.type());
        int used = transceivers.getOrDefault(k, 0);
        if (used <= 0) {
          throw new IllegalStateException("release of a " + t.type() + " transceiver at "
              + t.nodeId() + " that is not in use");
        }
        if (used == 1) {
          transceivers.remove(k);
        } else {
          transceivers.put(k, used - 1);
        }
      }
      for (PortClaim p : r.addDropPorts()) {
        if (ports.remove(ResourceSnapshot.key(p.nodeId(), p.portId())) == null) {
          throw new IllegalStateException("release of add/drop port " + p.portId() + " at "
              + p.nodeId() + " that is not in use");
        }
      }
    }

    ResourceSnapshot build() {
      return new ResourceSnapshot(
          grid.words(), base.version() + 1, occupancy, peers, refs, transceivers, ports, usage);
    }
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
