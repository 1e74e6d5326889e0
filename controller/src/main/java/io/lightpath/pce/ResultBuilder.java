package io.lightpath.pce;

import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.TopologyIndex;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.ComputedChannel.Hop;
import io.lightpath.pce.ComputedChannel.Role;
import io.lightpath.pce.Reservation.CrossConnect;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.pce.Reservation.TransceiverClaim;
import io.lightpath.qot.QotEstimate;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns chosen routes and slots into channels and the reservation that holds them. */
final class ResultBuilder {
  private record Pending(Role role, Route route, TransceiverMode mode, QotEstimate qot, int first,
      int txIndex) {}

  private final TopologyIndex index;
  private final ResourceSnapshot snapshot;
  private final PceConfig config;
  private final Assigner binder;
  private final List<Pending> pending = new ArrayList<>();
  private int transceiverPairs;

  /**
   * @param binder says which fibers each hop may be bound to (a parallel twin when the assigner
   *     allows them) and which transponder ports are in use
   */
  ResultBuilder(TopologyIndex index, ResourceSnapshot snapshot, PceConfig config,
      Assigner binder) {
    this.index = index;
    this.snapshot = snapshot;
    this.config = config;
    this.binder = binder;
  }

  /**
   * Adds a channel. A PROTECTION channel shares the transceivers of the channel added before it
   * (one transceiver per end feeds both routes through an optical protection switch).
   */
  void add(Role role, Route route, TransceiverMode mode, QotEstimate qot, int first) {
    int tx = role == Role.PROTECTION ? transceiverPairs - 1 : transceiverPairs++;
    pending.add(new Pending(role, route, mode, qot, first, tx));
  }

  /**
   * @param txModes the mode of each transceiver pair, in order of the non-protection channels
   */
  PathResult build(List<TransceiverMode> txModes) {
    int src = pending.get(0).route().source();
    int dst = pending.get(0).route().destination();
    List<TransceiverClaim> claims = new ArrayList<>();
    String[] aNode = new String[transceiverPairs];
    String[] zNode = new String[transceiverPairs];
    Map<String, Integer> taken = new HashMap<>();
    for (int i = 0; i < transceiverPairs; i++) {
      String type = txModes.get(Math.min(i, txModes.size() - 1)).type();
      aNode[i] = pickHolder(src, type, taken, claims);
      zNode[i] = pickHolder(dst, type, taken, claims);
      if (aNode[i] == null || zNode[i] == null) {
        int end = aNode[i] == null ? src : dst;
        return new PathResult.Failure(FailureReason.NO_TRANSCEIVER,
            PathComputer.Transceivers.owner(index, end) + " has too few free " + type
                + " transceivers for " + transceiverPairs + " channel(s)"
                + PathComputer.Transceivers.siteMatesWithFree(index, snapshot, end,
                    List.of(type)), index.node(end).id());
      }
    }
    List<ComputedChannel> channels = new ArrayList<>();
    List<SlotClaim> slots = new ArrayList<>();
    List<CrossConnect> xcs = new ArrayList<>();
    List<PortClaim> ports = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    for (Pending p : pending) {
      routes.add(p.route());
    }
    // One binder for the whole result: later channels avoid the line ports and OCS ports that
    // earlier ones took (a bundle's members on one route must leave through different ports).
    HopBinder hopBinder = new HopBinder(index, snapshot, binder, routes);
    SpectrumGrid grid = config.grid();
    for (Pending p : pending) {
      String aPort = addDropPort(p.route(), false, ports);
      String zPort = aPort == null ? null : addDropPort(p.route(), true, ports);
      if (aPort == null || zPort == null) {
        int roadm = addDropRoadm(p.route(), aPort != null);
        String id = index.node(roadm).id();
        return new PathResult.Failure(FailureReason.NO_TRANSCEIVER, "ROADM " + id
            + " has no free add/drop port for route " + describe(p.route()), id);
      }
      int count = SpectrumGrid.slotsFor(p.mode().widthMhz());
      SlotRange range = new SlotRange(p.first(), count);
      SlotRange reserved = range.withGuard(config.guardSlots());
      int[] ns = p.route().nodes();
      int[] fs = hopBinder.bind(p.route(), reserved);
      if (fs == null) {
        return hopBinder.failure();
      }
      // Each channel end's line port is the transceiver's optical output: one channel per port.
      ports.addAll(hopBinder.linePorts(ns, fs));
      List<Hop> hops = new ArrayList<>(fs.length);
      for (int i = 0; i < fs.length; i++) {
        String fiberId = index.fiber(fs[i]).id();
        hops.add(new Hop(index.node(ns[i]).id(), fiberId, index.node(ns[i + 1]).id()));
        slots.add(new SlotClaim(fiberId, reserved));
        if (i > 0 && index.node(ns[i]).kind() == NodeKind.OCS) {
          xcs.add(new CrossConnect(index.node(ns[i]).id(), index.fiber(fs[i - 1]).id(), fiberId));
        }
      }
      channels.add(new ComputedChannel(p.role(), hops, range, grid.centreFrequencyMhz(range),
          p.mode().widthMhz(), p.mode(), p.route().latencyUs(), p.route().lengthKm(), p.qot(),
          aNode[p.txIndex()], zNode[p.txIndex()], aPort, zPort));
    }
    return new PathResult.Success(channels, new Reservation(slots, xcs, claims, ports));
  }

  /** The ROADM where the channel is added (from A) or dropped (from Z): the first along the route. */
  private int addDropRoadm(Route route, boolean fromZ) {
    int[] ns = route.nodes();
    for (int i = 0; i < ns.length; i++) {
      int n = ns[fromZ ? ns.length - 1 - i : i];
      if (index.node(n).kind() == NodeKind.ROADM) {
        return n;
      }
    }
    return ns[fromZ ? ns.length - 1 : 0];
  }

  /**
   * A free ADD_DROP port at the add/drop ROADM, "" when that ROADM models none (unlimited), or
   * {@code null} when all are in use.
   */
  private String addDropPort(Route route, boolean fromZ, List<PortClaim> taken) {
    int r = addDropRoadm(route, fromZ);
    Node roadm = index.node(r);
    List<String> ports = NodeFacts.of(index).addDropPorts(r);
    for (String port : ports) {
      PortClaim claim = new PortClaim(roadm.id(), port);
      if (!snapshot.portInUse(roadm.id(), port) && !taken.contains(claim)) {
        taken.add(claim);
        return port;
      }
    }
    return ports.isEmpty() ? "" : null;
  }


  private String describe(Route r) {
    return r.describe(index);
  }

  private String pickHolder(int endpoint, String type, Map<String, Integer> taken,
      List<TransceiverClaim> claims) {
    if (!config.enforceTransceivers()) {
      return index.node(endpoint).id();
    }
    for (Node n : PathComputer.Transceivers.holders(index, endpoint)) {
      String key = n.id() + '\u0000' + type;
      int free = n.transceiverCounts().getOrDefault(type, 0)
          - snapshot.transceiversUsed(n.id(), type) - taken.getOrDefault(key, 0);
      if (free > 0) {
        taken.merge(key, 1, Integer::sum);
        claims.add(new TransceiverClaim(n.id(), type));
        return n.id();
      }
    }
    return null;
  }
}
