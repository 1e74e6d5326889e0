package io.lightpath.api;

import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Port;
import io.lightpath.model.Span;
import io.lightpath.model.Topology;
import io.lightpath.proto.v1.PortRole;
import io.lightpath.proto.v1.TransceiverPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Maps between the API's topology messages and the domain model, so path computation never sees a
 * generated class. Zero-valued optional numbers in the API take their documented defaults here
 * (attenuation 0.2 dB/km, dispersion 16.7 ps/(nm·km), γ 1.3 1/(W·km), group delay 4.9 µs/km).
 * The input must have passed {@link TopologyValidator}.
 */
public final class TopologyMapper {
  private TopologyMapper() {}

  /** API → domain. */
  public static Topology toDomain(io.lightpath.proto.v1.Topology t) {
    List<Node> nodes = new ArrayList<>();
    for (io.lightpath.proto.v1.Node n : t.getNodesList()) {
      List<Port> ports = n.getPortsList().stream()
          .map(p -> new Port(p.getId(), portRole(p.getRole()))).toList();
      Map<String, Integer> transceivers = new LinkedHashMap<>();
      for (TransceiverPool pool : n.getTransceiversList()) {
        transceivers.merge(pool.getType(), pool.getTotalCount(), Integer::sum);
      }
      nodes.add(new Node(n.getId(), n.getSiteId(), NodeKind.valueOf(n.getKind().name()), ports,
          n.getNodeDelayUs(), n.getInsertionLossDb(), transceivers));
    }
    List<Fiber> fibers = new ArrayList<>();
    for (io.lightpath.proto.v1.Fiber f : t.getFibersList()) {
      List<Span> spans = f.getSpansList().stream().map(TopologyMapper::span).toList();
      double lengthKm = f.getLengthKm() > 0 ? f.getLengthKm()
          : spans.stream().mapToDouble(Span::lengthKm).sum();
      fibers.add(new Fiber(f.getId(), f.getANodeId(), f.getAPortId(), f.getZNodeId(), f.getZPortId(),
          lengthKm, f.getLossDb(),
          orDefault(f.getGroupDelayUsPerKm(), Fiber.DEFAULT_GROUP_DELAY_US_PER_KM),
          spans, new LinkedHashSet<>(f.getSrlgIdsList())));
    }
    return Topology.of(nodes, fibers);
  }

  /** Domain → API (for documents imported in other formats, such as gnpy's). */
  public static io.lightpath.proto.v1.Topology toProto(Topology t) {
    io.lightpath.proto.v1.Topology.Builder b = io.lightpath.proto.v1.Topology.newBuilder();
    LinkedHashSet<String> srlgs = new LinkedHashSet<>();
    LinkedHashSet<String> sites = new LinkedHashSet<>();
    for (Node n : t.nodes().values()) {
      if (n.siteId() != null && !n.siteId().isEmpty()) {
        sites.add(n.siteId());
      }
      io.lightpath.proto.v1.Node.Builder nb = io.lightpath.proto.v1.Node.newBuilder()
          .setId(n.id()).setSiteId(n.siteId() == null ? "" : n.siteId())
          .setKind(io.lightpath.proto.v1.NodeKind.valueOf(n.kind().name()))
          .setNodeDelayUs(n.nodeDelayUs()).setInsertionLossDb(n.insertionLossDb());
      n.ports().forEach(p -> nb.addPorts(io.lightpath.proto.v1.Port.newBuilder().setId(p.id())
          .setRole(p.role() == Port.PortRole.UNSPECIFIED ? PortRole.PORT_ROLE_UNSPECIFIED
              : PortRole.valueOf(p.role().name()))));
      n.transceiverCounts().forEach((type, count) ->
          nb.addTransceivers(TransceiverPool.newBuilder().setType(type).setTotalCount(count)));
      b.addNodes(nb);
    }
    for (Fiber f : t.fibers().values()) {
      io.lightpath.proto.v1.Fiber.Builder fb = io.lightpath.proto.v1.Fiber.newBuilder()
          .setId(f.id()).setANodeId(f.aNodeId()).setAPortId(f.aPortId()).setZNodeId(f.zNodeId())
          .setZPortId(f.zPortId()).setLengthKm(f.lengthKm()).setLossDb(f.lossDb())
          .setGroupDelayUsPerKm(f.groupDelayUsPerKm()).addAllSrlgIds(f.srlgIds());
      for (Span s : f.spans()) {
        io.lightpath.proto.v1.Span.Builder sb = io.lightpath.proto.v1.Span.newBuilder()
            .setLengthKm(s.lengthKm()).setAttenuationDbPerKm(s.attenuationDbPerKm())
            .setDispersionPsPerNmKm(s.dispersionPsPerNmKm())
            .setNonlinearCoefficientPerWKm(s.gammaPerWKm()).setConnectorLossDb(s.connectorLossDb());
        if (s.amplifier() != null) {
          Amplifier a = s.amplifier();
          sb.setAmplifier(io.lightpath.proto.v1.Amplifier.newBuilder().setId(a.id() == null ? "" : a.id())
              .setGainDb(a.gainDb()).setNoiseFigureDb(a.noiseFigureDb()).setChannelPowerDbm(a.channelPowerDbm()));
        }
        fb.addSpans(sb);
      }
      srlgs.addAll(f.srlgIds());
      b.addFibers(fb);
    }
    sites.forEach(id -> b.addSites(io.lightpath.proto.v1.Site.newBuilder().setId(id)));
    srlgs.forEach(id -> b.addSrlgs(io.lightpath.proto.v1.Srlg.newBuilder().setId(id)));
    return b.build();
  }

  private static Span span(io.lightpath.proto.v1.Span s) {
    Amplifier amp = null;
    if (s.hasAmplifier()) {
      io.lightpath.proto.v1.Amplifier a = s.getAmplifier();
      amp = new Amplifier(a.getId(), a.getGainDb(), a.getNoiseFigureDb(), a.getChannelPowerDbm());
    }
    return new Span(s.getLengthKm(),
        orDefault(s.getAttenuationDbPerKm(), Span.DEFAULT_ATTENUATION_DB_PER_KM),
        orDefault(s.getDispersionPsPerNmKm(), Span.DEFAULT_DISPERSION_PS_PER_NM_KM),
        orDefault(s.getNonlinearCoefficientPerWKm(), Span.DEFAULT_GAMMA_PER_W_KM),
        s.getConnectorLossDb(), amp);
  }

  private static Port.PortRole portRole(PortRole role) {
    return switch (role) {
      case LINE -> Port.PortRole.LINE;
      case CLIENT -> Port.PortRole.CLIENT;
      case ADD_DROP -> Port.PortRole.ADD_DROP;
      default -> Port.PortRole.UNSPECIFIED;
    };
  }

  private static double orDefault(double value, double fallback) {
    return value > 0 ? value : fallback;
  }
}
