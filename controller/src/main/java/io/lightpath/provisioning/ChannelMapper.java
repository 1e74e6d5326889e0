package io.lightpath.provisioning;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps computed channels to per-device changes over one topology snapshot.
 *
 * <p>When the route ends at a ROADM and the channel's transceiver is on another node, the hop from
 * that transponder is added first (see {@link #withTransceiverHops}). At node i of a route the in-port is the port of the incoming fiber (hop i-1) at that node and
 * the out-port the port of the outgoing fiber (hop i), taken from the fiber's {@code aPortId} /
 * {@code zPortId}. Transponders must be the two ends of the route; ROADMs get one media channel
 * per direction (media channels are unidirectional); an OCS gets one cross-connect in to out (the
 * lightpath-optical-switch cross-connect passes light both ways, and a second, reverse one would
 * reuse the output port, which the model forbids). Amplifiers need nothing.
 */
public final class ChannelMapper {
  /** Step name of a channel that cannot be mapped (nothing was sent). */
  public static final String STEP = "map-channel";

  private final ProvisioningConfig config;

  public ChannelMapper(ProvisioningConfig config) {
    this.config = config;
  }

  /**
   * Builds the plan.
   *
   * @throws ProvisioningException kind REJECTED, step {@value #STEP}, when a route names an unknown
   *     node or fiber, a fiber has no port id at a node, or a route does not end at transponders
   */
  public ProvisioningPlan plan(Topology topology, List<ComputedChannel> channels) {
    List<DeviceOp> ops = new ArrayList<>();
    List<ProvisioningPlan.ChannelEnds> ends = new ArrayList<>();
    for (ComputedChannel channel : channels) {
      ends.add(mapChannel(topology, channel, ops));
    }
    return new ProvisioningPlan(ops, ends);
  }

  private ProvisioningPlan.ChannelEnds mapChannel(
      Topology topology, ComputedChannel channel, List<DeviceOp> ops) {
    if (channel.hops().isEmpty()) {
      throw invalid("", "channel has no hops");
    }
    List<ComputedChannel.Hop> hops = withTransceiverHops(topology, channel);
    long lower = config.grid().slotStartMhz(channel.slots().first());
    long upper = lower + channel.slots().widthMhz();
    String aComponent = null;
    String zComponent = null;
    for (int i = 0; i <= hops.size(); i++) {
      String nodeId = i < hops.size() ? hops.get(i).fromNodeId() : hops.get(i - 1).toNodeId();
      Node node = topology.node(nodeId);
      if (node == null) {
        throw invalid(nodeId, "route names unknown node " + nodeId);
      }
      String in = i == 0 ? null : portAt(topology, hops.get(i - 1).fiberId(), nodeId);
      String out = i == hops.size() ? null : portAt(topology, hops.get(i).fiberId(), nodeId);
      switch (node.kind()) {
        case TRANSPONDER -> {
          if (in != null && out != null) {
            throw invalid(nodeId, "transponder " + nodeId + " in the middle of a route");
          }
          String port = in == null ? out : in;
          ops.add(new DeviceOp.TuneTransponder(nodeId, new OpticalChannelConfig(port,
              channel.centreFrequencyMhz(), config.launchPowerDbm(channel.mode()),
              config.operationalMode(channel.mode()), true)));
          if (in == null) {
            aComponent = port;
          } else {
            zComponent = port;
          }
        }
        case ROADM -> {
          requireThrough(nodeId, in, out);
          ops.add(new DeviceOp.OpenMediaChannel(nodeId, lower, upper, in, out));
          ops.add(new DeviceOp.OpenMediaChannel(nodeId, lower, upper, out, in));
        }
        case OCS -> {
          requireThrough(nodeId, in, out);
          ops.add(new DeviceOp.ConnectPorts(nodeId, new CrossConnect(in, out)));
        }
        case AMPLIFIER -> {
          // light passes straight through; nothing to configure
        }
      }
    }
    String a = hops.get(0).fromNodeId();
    String z = hops.get(hops.size() - 1).toNodeId();
    if (aComponent == null || zComponent == null) {
      throw invalid(aComponent == null ? a : z,
          "route " + a + " -> " + z + " must start and end at transponder nodes");
    }
    return new ProvisioningPlan.ChannelEnds(a, aComponent, z, zComponent);
  }

  /**
   * The route from transponder to transponder. Path computation may end a route at a ROADM and
   * use a transceiver on another node of the site ({@code aTransceiverNodeId}); then the hop from
   * that transponder to the ROADM is added, over the fiber joining them directly (the one landing
   * on the add/drop port path computation chose, when it named one).
   */
  private static List<ComputedChannel.Hop> withTransceiverHops(
      Topology topology, ComputedChannel channel) {
    List<ComputedChannel.Hop> hops = new ArrayList<>(channel.hops());
    String a = hops.get(0).fromNodeId();
    String z = hops.get(hops.size() - 1).toNodeId();
    String aT = channel.aTransceiverNodeId();
    String zT = channel.zTransceiverNodeId();
    if (needsAccessHop(topology, a, aT)) {
      hops.add(0, new ComputedChannel.Hop(aT, accessFiber(topology, aT, a, channel.aAddDropPortId()), a));
    }
    if (needsAccessHop(topology, z, zT)) {
      hops.add(new ComputedChannel.Hop(z, accessFiber(topology, zT, z, channel.zAddDropPortId()), zT));
    }
    return hops;
  }

  private static boolean needsAccessHop(Topology topology, String end, String transceiverNode) {
    Node n = topology.node(end);
    return n != null && n.kind() != NodeKind.TRANSPONDER && transceiverNode != null
        && !transceiverNode.isEmpty() && !transceiverNode.equals(end);
  }

  private static String accessFiber(Topology topology, String transponder, String node, String addDropPort) {
    String any = null;
    for (Fiber f : topology.fibers().values()) {
      boolean joins = (f.aNodeId().equals(transponder) && f.zNodeId().equals(node))
          || (f.zNodeId().equals(transponder) && f.aNodeId().equals(node));
      if (!joins) {
        continue;
      }
      String portAtNode = f.aNodeId().equals(node) ? f.aPortId() : f.zPortId();
      if (addDropPort == null || addDropPort.isEmpty() || addDropPort.equals(portAtNode)) {
        return f.id();
      }
      any = any == null ? f.id() : any;
    }
    if (any == null) {
      throw invalid(transponder, "transceiver node " + transponder + " has no fiber to " + node);
    }
    return any;
  }

  private static void requireThrough(String nodeId, String in, String out) {
    if (in == null || out == null) {
      throw invalid(nodeId, "route ends at " + nodeId + ", which is not a transponder");
    }
  }

  private static String portAt(Topology topology, String fiberId, String nodeId) {
    Fiber f = topology.fiber(fiberId);
    if (f == null) {
      throw invalid(nodeId, "route names unknown fiber " + fiberId);
    }
    String port;
    if (f.aNodeId().equals(nodeId)) {
      port = f.aPortId();
    } else if (f.zNodeId().equals(nodeId)) {
      port = f.zPortId();
    } else {
      throw invalid(nodeId, "fiber " + fiberId + " does not end at node " + nodeId);
    }
    if (port == null || port.isEmpty()) {
      throw invalid(nodeId, "fiber " + fiberId + " has no port id at node " + nodeId);
    }
    return port;
  }

  private static ProvisioningException invalid(String nodeId, String message) {
    return new ProvisioningException(
        nodeId, STEP, ProvisioningException.Kind.REJECTED, true, message, null);
  }
}
