package io.lightpath.service;

import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ChannelRole;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.Hop;
import io.lightpath.proto.v1.Path;
import java.util.ArrayList;
import java.util.List;

/** Domain channels as API channels: hops with ports, slot, mode and the QoT estimate. */
public final class ChannelViews {
  private ChannelViews() {}

  /** API views of {@code channels}; ids "w"/"p" for working/protection, "b0".. for bundles. */
  public static List<Channel> of(List<ComputedChannel> channels, Topology topology) {
    List<Channel> out = new ArrayList<>();
    int bundle = 0;
    for (ComputedChannel c : channels) {
      String id = switch (c.role()) {
        case WORKING -> "w";
        case PROTECTION -> "p";
        case BUNDLE_MEMBER -> "b" + bundle++;
      };
      out.add(Channel.newBuilder().setId(id).setRole(role(c.role())).setPath(path(c, topology)).build());
    }
    return out;
  }

  static Path path(ComputedChannel c, Topology topology) {
    TransceiverMode m = c.mode();
    return Path.newBuilder()
        .addAllHops(hops(c.hops(), topology))
        .setSlot(FrequencySlot.newBuilder().setCenterFrequencyMhz(c.centreFrequencyMhz())
            .setWidthMhz(c.widthMhz()))
        .setMode(io.lightpath.proto.v1.TransceiverMode.newBuilder().setId(m.id())
            .setRate(RequestMapper.rate(m.lineRateGbps())).setBaudRateGbd(m.baudRateGbd())
            .setModulation(m.modulation()).setWidthMhz(m.widthMhz())
            .setRequiredGsnrDb(m.requiredGsnrDb()).setPowerW(m.powerW()))
        .setLengthKm(c.lengthKm())
        .setLatencyUs(c.latencyUs())
        .setGsnrDb(c.qot().gsnrDb())
        .setOsnr0P1NmDb(c.qot().osnr0p1nmDb())
        .setMarginDb(c.qot().marginDb())
        // two transceivers, W = J/s, divided by bit/s: J/bit; 1 W / 1 Gb/s = 1000 pJ/bit
        .setEnergyPjPerBit(2 * m.powerW() * 1000.0 / m.lineRateGbps())
        .build();
  }

  private static List<Hop> hops(List<ComputedChannel.Hop> hops, Topology topology) {
    List<Hop> out = new ArrayList<>();
    String inPort = "";
    for (ComputedChannel.Hop h : hops) {
      Fiber f = topology == null ? null : topology.fiber(h.fiberId());
      out.add(Hop.newBuilder().setNodeId(h.fromNodeId()).setInPortId(inPort)
          .setOutPortId(port(f, h.fromNodeId())).setFiberId(h.fiberId()).build());
      inPort = port(f, h.toNodeId());
    }
    if (!hops.isEmpty()) {
      out.add(Hop.newBuilder().setNodeId(hops.get(hops.size() - 1).toNodeId()).setInPortId(inPort)
          .build());
    }
    return out;
  }

  private static String port(Fiber f, String nodeId) {
    if (f == null) {
      return "";
    }
    return f.aNodeId().equals(nodeId) ? f.aPortId() : f.zPortId();
  }

  private static ChannelRole role(ComputedChannel.Role r) {
    return switch (r) {
      case WORKING -> ChannelRole.WORKING;
      case PROTECTION -> ChannelRole.PROTECTION;
      case BUNDLE_MEMBER -> ChannelRole.BUNDLE_MEMBER;
    };
  }
}
