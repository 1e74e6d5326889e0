package io.lightpath.provisioning;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps computed channels to per-device changes over one topology snapshot.
 *
 * <p>At node i of a route the in-port is the port of the incoming fiber (hop i-1) at that node and
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
    List<ComputedChannel.Hop> hops = channel.hops();
    if (hops.isEmpty()) {
      throw invalid("", "channel has no hops");
    }
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
