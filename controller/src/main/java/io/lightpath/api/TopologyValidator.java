package io.lightpath.api;

import io.lightpath.api.internal.FieldViolations;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Port;
import io.lightpath.proto.v1.Site;
import io.lightpath.proto.v1.Span;
import io.lightpath.proto.v1.Srlg;
import io.lightpath.proto.v1.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole topology for consistency: unique ids, references that resolve, physically
 * meaningful numbers. Reports every problem with its field path, such as "topology.fibers[3].a_node_id".
 */
final class TopologyValidator {
  private TopologyValidator() {}

  static void validate(Topology t, String prefix, FieldViolations v) {
    Set<String> sites = new HashSet<>();
    for (int i = 0; i < t.getSitesCount(); i++) {
      Site s = t.getSites(i);
      String f = prefix + ".sites[" + i + "]";
      v.required(s.getId(), f + ".id");
      v.check(sites.add(s.getId()) || s.getId().isEmpty(), f + ".id", "duplicate site id " + s.getId());
    }
    Set<String> srlgs = new HashSet<>();
    for (int i = 0; i < t.getSrlgsCount(); i++) {
      Srlg s = t.getSrlgs(i);
      String f = prefix + ".srlgs[" + i + "]";
      v.required(s.getId(), f + ".id");
      v.check(srlgs.add(s.getId()) || s.getId().isEmpty(), f + ".id", "duplicate SRLG id " + s.getId());
    }
    Map<String, Set<String>> portsByNode = new HashMap<>();
    for (int i = 0; i < t.getNodesCount(); i++) {
      Node n = t.getNodes(i);
      String f = prefix + ".nodes[" + i + "]";
      v.required(n.getId(), f + ".id");
      v.check(
          n.getKind() != NodeKind.NODE_KIND_UNSPECIFIED && n.getKind() != NodeKind.UNRECOGNIZED,
          f + ".kind",
          "must be ROADM, OCS, TRANSPONDER or AMPLIFIER");
      v.check(n.getSiteId().isEmpty() || sites.contains(n.getSiteId()), f + ".site_id",
          "unknown site " + n.getSiteId());
      v.check(n.getNodeDelayUs() >= 0, f + ".node_delay_us", "must not be negative");
      v.check(n.getInsertionLossDb() >= 0, f + ".insertion_loss_db", "must not be negative");
      Set<String> ports = new HashSet<>();
      for (int p = 0; p < n.getPortsCount(); p++) {
        Port port = n.getPorts(p);
        v.required(port.getId(), f + ".ports[" + p + "].id");
        v.check(ports.add(port.getId()) || port.getId().isEmpty(), f + ".ports[" + p + "].id",
            "duplicate port id " + port.getId() + " on node " + n.getId());
      }
      for (int p = 0; p < n.getTransceiversCount(); p++) {
        v.required(n.getTransceivers(p).getType(), f + ".transceivers[" + p + "].type");
        v.check(n.getTransceivers(p).getTotalCount() >= 0, f + ".transceivers[" + p + "].total_count",
            "must not be negative");
      }
      if (!n.getId().isEmpty() && portsByNode.put(n.getId(), ports) != null) {
        v.add(f + ".id", "duplicate node id " + n.getId());
      }
    }
    Set<String> fibers = new HashSet<>();
    Set<String> usedPorts = new HashSet<>();
    for (int i = 0; i < t.getFibersCount(); i++) {
      Fiber fb = t.getFibers(i);
      String f = prefix + ".fibers[" + i + "]";
      v.required(fb.getId(), f + ".id");
      v.check(fibers.add(fb.getId()) || fb.getId().isEmpty(), f + ".id", "duplicate fiber id " + fb.getId());
      end(fb.getANodeId(), fb.getAPortId(), f + ".a", portsByNode, usedPorts, v);
      end(fb.getZNodeId(), fb.getZPortId(), f + ".z", portsByNode, usedPorts, v);
      v.check(!fb.getANodeId().equals(fb.getZNodeId()) || fb.getANodeId().isEmpty(), f + ".z_node_id",
          "a fiber must join two different nodes");
      v.check(fb.getLengthKm() >= 0, f + ".length_km", "must not be negative");
      v.check(fb.getLossDb() >= 0, f + ".loss_db", "must not be negative");
      v.check(fb.getGroupDelayUsPerKm() >= 0, f + ".group_delay_us_per_km", "must not be negative");
      double spanKm = 0;
      for (int s = 0; s < fb.getSpansCount(); s++) {
        Span span = fb.getSpans(s);
        v.check(span.getLengthKm() > 0, f + ".spans[" + s + "].length_km", "must be positive");
        v.check(span.getAttenuationDbPerKm() >= 0, f + ".spans[" + s + "].attenuation_db_per_km",
            "must not be negative");
        spanKm += span.getLengthKm();
      }
      v.check(fb.getSpansCount() == 0 || Math.abs(spanKm - fb.getLengthKm()) <= 0.001 * Math.max(1, spanKm)
              || fb.getLengthKm() == 0,
          f + ".length_km", "must equal the sum of the span lengths (" + spanKm + " km)");
      for (String srlg : fb.getSrlgIdsList()) {
        v.check(srlgs.contains(srlg), f + ".srlg_ids", "unknown SRLG " + srlg);
      }
    }
  }

  private static void end(String nodeId, String portId, String f, Map<String, Set<String>> portsByNode,
      Set<String> usedPorts, FieldViolations v) {
    Set<String> ports = portsByNode.get(nodeId);
    if (ports == null) {
      v.add(f + "_node_id", nodeId.isEmpty() ? "is required" : "unknown node " + nodeId);
      return;
    }
    if (portId.isEmpty()) {
      return;
    }
    v.check(ports.contains(portId), f + "_port_id", "node " + nodeId + " has no port " + portId);
    v.check(usedPorts.add(nodeId + "/" + portId), f + "_port_id",
        "port " + nodeId + "/" + portId + " already has a fiber");
  }
}
