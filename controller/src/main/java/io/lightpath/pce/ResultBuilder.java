package io.lightpath.pce;

import io.lightpath.model.Fiber;
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
  private final NodeFacts facts;
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
    this.facts = NodeFacts.of(index);
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
      int count = SpectrumGrid.slotsFor(p.mode().widthMhz());
      SlotRange range = new SlotRange(p.first(), count);
      SlotRange reserved = range.withGuard(config.guardSlots());
      int[] ns = p.route().nodes();
      // Fibers first: where a fiber of the route brings the light into the add/drop ROADM, the
      // provisioner opens the media channel from the port that fiber lands on, so that port is
      // the one to claim; the binder skips fibers whose port is held, which makes the choice of
      // fiber and of port one decision. (Claiming the first free port instead put the ledger on
      // one port and the light on another.)
      int[] fs = hopBinder.bind(p.route(), reserved);
      if (fs == null) {
        return hopBinder.failure();
      }
      String aPort = landingPort(ns, fs, false, hopBinder);
      String zPort = landingPort(ns, fs, true, hopBinder);
      // A route that starts (ends) at the ROADM: a free port, after the landing ports are taken.
      for (boolean atZ : new boolean[] {false, true}) {
        if ((atZ ? zPort : aPort) != null) {
          continue;
        }
        String holder = (atZ ? zNode : aNode)[p.txIndex()];
        String port = pooledPort(addDropRoadm(p.route(), atZ), holder, hopBinder);
        if (port == null) {
          String id = index.node(addDropRoadm(p.route(), atZ)).id();
          return new PathResult.Failure(FailureReason.NO_TRANSCEIVER, "ROADM " + id
              + " has no free add/drop port" + (holder.equals(id) ? ""
                  : " that a fiber from transponder " + holder + " lands on")
              + " for route " + describe(p.route()), id);
        }
        if (atZ) {
          zPort = port;
        } else {
          aPort = port;
        }
      }
      for (boolean atZ : new boolean[] {false, true}) {
        String port = atZ ? zPort : aPort;
        if (!port.isEmpty()) {
          ports.add(new PortClaim(index.node(addDropRoadm(p.route(), atZ)).id(), port));
        }
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
    return route.nodes()[addDropIndex(route.nodes(), fromZ)];
  }

  /** Position in {@code ns} of the add/drop ROADM of an end; the end itself when none is. */
  private int addDropIndex(int[] ns, boolean fromZ) {
    for (int i = 0; i < ns.length; i++) {
      int at = fromZ ? ns.length - 1 - i : i;
      if (index.node(ns[at]).kind() == NodeKind.ROADM) {
        return at;
      }
    }
    return fromZ ? ns.length - 1 : 0;
  }

  /**
   * The add/drop port of an end whose add/drop ROADM a fiber of the route leads into (from the
   * transponder, or the OCS in front of the ROADM): the port that fiber lands on, which the
   * binder has checked is neither in use nor taken; "" when the ROADM models no ADD_DROP ports
   * (unlimited) or the fiber lands on a port it does not model as one (no add/drop port is used);
   * {@code null} when the route starts (ends) at the ROADM itself, see {@link #pooledPort}.
   */
  private String landingPort(int[] ns, int[] fs, boolean atZ, HopBinder hb) {
    int end = atZ ? ns.length - 1 : 0;
    int k = addDropIndex(ns, atZ);
    if (facts.addDropPorts(ns[k]).isEmpty()) {
      return "";
    }
    if (k == end) {
      return null;
    }
    int f = atZ ? fs[k] : fs[k - 1];
    Fiber fiber = index.fiber(f);
    String roadm = index.node(ns[k]).id();
    boolean roadmAtA = fiber.aNodeId().equals(roadm);
    if (!facts.landsOnAddDrop(f, roadmAtA)) {
      return "";
    }
    String port = roadmAtA ? fiber.aPortId() : fiber.zPortId();
    hb.take(roadm, port);
    return port;
  }

  /**
   * A free ADD_DROP port at ROADM {@code r} for a route that starts (ends) there, first in port
   * order, or {@code null} when none will do. When the channel's transceiver is on a site
   * transponder, the provisioner patches it in over a fiber from that transponder landing on the
   * port claimed here ({@code ChannelMapper.accessFiber}), so only a port such a fiber lands on,
   * with neither of its ports in use, will do: any other port would leave the light on one port
   * and the claim on another.
   */
  private String pooledPort(int r, String holder, HopBinder hb) {
    String roadm = index.node(r).id();
    List<String> ports = facts.addDropPorts(r);
    String best = null;
    if (holder.equals(roadm)) {
      for (String port : ports) {
        if (!snapshot.portInUse(roadm, port) && !hb.taken(roadm, port)) {
          best = port;
          break;
        }
      }
    } else {
      int bestAt = Integer.MAX_VALUE;
      for (int f : index.incident(index.nodeIndex(holder))) {
        String port = cordPort(f, holder, roadm);
        int at = port == null ? -1 : ports.indexOf(port);
        if (at >= 0 && at < bestAt && hb.endPortsFree(f)) {
          best = port;
          bestAt = at;
        }
      }
    }
    if (best != null) {
      hb.take(roadm, best);
    }
    return best;
  }

  /**
   * The ADD_DROP port of {@code roadm} that fiber {@code f} from {@code transponder} lands on, or
   * {@code null} when the fiber joins other nodes or lands on no ADD_DROP port.
   */
  private String cordPort(int f, String transponder, String roadm) {
    Fiber fiber = index.fiber(f);
    boolean roadmAtA = fiber.aNodeId().equals(roadm) && fiber.zNodeId().equals(transponder);
    if (!roadmAtA && !(fiber.zNodeId().equals(roadm) && fiber.aNodeId().equals(transponder))) {
      return null;
    }
    return facts.landsOnAddDrop(f, roadmAtA) ? (roadmAtA ? fiber.aPortId() : fiber.zPortId()) : null;
  }


  private String describe(Route r) {
    return r.describe(index);
  }

  private String pickHolder(int endpoint, String type, Map<String, Integer> taken,
      List<TransceiverClaim> claims) {
    if (!config.enforceTransceivers()) {
      return index.node(endpoint).id();
    }
    Node pick = null;
    for (Node n : PathComputer.Transceivers.holders(index, endpoint)) {
      String key = n.id() + '\u0000' + type;
      int free = PathComputer.Transceivers.freeOn(n, snapshot, type) - taken.getOrDefault(key, 0);
      if (free > 0) {
        pick = pick == null ? n : pick;
        // A site transponder with no free patch cord to the ROADM's add/drop ports could not be
        // patched in (see pooledPort): prefer one that can; else the first, and pooledPort says
        // which ROADM lacks the port.
        if (canReach(n, endpoint)) {
          pick = n;
          break;
        }
      }
    }
    if (pick == null) {
      return null;
    }
    taken.merge(pick.id() + '\u0000' + type, 1, Integer::sum);
    claims.add(new TransceiverClaim(pick.id(), type));
    return pick.id();
  }

  /**
   * Whether {@code holder} can light a channel end at {@code endpoint}: it is the endpoint, the
   * endpoint is no ROADM with ADD_DROP ports, or a fiber from it lands on a free ADD_DROP port.
   */
  private boolean canReach(Node holder, int endpoint) {
    String id = index.node(endpoint).id();
    if (holder.id().equals(id) || index.node(endpoint).kind() != NodeKind.ROADM
        || facts.addDropPorts(endpoint).isEmpty()) {
      return true;
    }
    for (int f : index.incident(index.nodeIndex(holder.id()))) {
      if (cordPort(f, holder.id(), id) != null && !binder.endPortBusy(f)) {
        return true;
      }
    }
    return false;
  }
}
