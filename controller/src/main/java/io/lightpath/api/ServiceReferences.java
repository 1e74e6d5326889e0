package io.lightpath.api;

import com.google.rpc.PreconditionFailure;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.Service;
import io.lightpath.service.PathEngine;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, before path computation, that the nodes and fibers a service request names exist in the
 * current topology. A well-formed request naming something the topology does not have conflicts
 * with the system's state, so the answer is FAILED_PRECONDITION with reason CONSTRAINT_CONFLICT (as
 * path computation answers), but listing every unknown reference at once in a
 * {@code google.rpc.PreconditionFailure} whose subjects are the request's field paths (type
 * {@code UNKNOWN_NODE} or {@code UNKNOWN_FIBER}), so a client can point at the field. An endpoint
 * that names a site rather than a node is {@code SITE_NOT_NODE}, described with the site's
 * transponders to name instead. A service to be provisioned must end on TRANSPONDER nodes (a
 * channel is lit by tuning a transceiver on a transponder's line port): another kind is {@code
 * NOT_A_TRANSPONDER}, while path computation alone may plan between any nodes (studies on
 * ROADM-only networks). Whether existing elements can be combined stays path computation's to say.
 */
final class ServiceReferences {
  /** One unknown reference: the violation type, the request field, the id it names. */
  private record Unknown(String type, String field, String id, String description) {
    Unknown(String type, String field, String id) {
      this(type, field, id, (type.equals("UNKNOWN_FIBER") ? "unknown fiber " : "unknown node ") + id);
    }

    PreconditionFailure.Violation violation() {
      return PreconditionFailure.Violation.newBuilder().setType(type).setSubject(field)
          .setDescription(description).build();
    }
  }

  private final PathEngine engine;

  @Inject
  ServiceReferences(PathEngine engine) {
    this.engine = engine;
  }

  /**
   * Throws FAILED_PRECONDITION / CONSTRAINT_CONFLICT when {@code s} names unknown nodes or fibers,
   * or an end that is a site; {@code f} prefixes field paths.
   *
   * @param provisioned the service is to be provisioned (CreateService): its ends must then be
   *     TRANSPONDER nodes
   */
  void check(Service s, String f, boolean provisioned) {
    Topology t = engine.topology();
    List<Unknown> unknown = new ArrayList<>();
    endpoint(t, s.getAEnd().getNodeId(), f + ".a_end.node_id", provisioned, unknown);
    endpoint(t, s.getZEnd().getNodeId(), f + ".z_end.node_id", provisioned, unknown);
    if (s.hasConstraints()) {
      Constraints c = s.getConstraints();
      nodes(t, c.getIncludeNodeIdsList(), f + ".constraints.include_node_ids", unknown);
      nodes(t, c.getExcludeNodeIdsList(), f + ".constraints.exclude_node_ids", unknown);
      fibers(t, c.getIncludeFiberIdsList(), f + ".constraints.include_fiber_ids", unknown);
      fibers(t, c.getExcludeFiberIdsList(), f + ".constraints.exclude_fiber_ids", unknown);
    }
    if (unknown.isEmpty()) {
      return;
    }
    List<PreconditionFailure.Violation> violations =
        unknown.stream().map(Unknown::violation).toList();
    PreconditionFailure.Violation first = violations.get(0);
    throw RpcErrors.preconditionFailed("CONSTRAINT_CONFLICT", first.getSubject() + ": "
        + first.getDescription() + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more)" : ""),
        Map.of("limiting_element", unknown.get(0).id()), violations);
  }

  private static void endpoint(Topology t, String id, String field, boolean provisioned,
      List<Unknown> out) {
    if (id.isEmpty()) {
      return; // the syntactic validator's "is required"
    }
    Node node = t.node(id);
    if (node == null) {
      boolean site = t.nodes().values().stream().anyMatch(n -> id.equals(n.siteId()));
      out.add(!site ? new Unknown("UNKNOWN_NODE", field, id) : new Unknown("SITE_NOT_NODE", field, id,
          id + " is a site, not a node; name one of its transponders: " + transponders(t, id)));
    } else if (provisioned && node.kind() != NodeKind.TRANSPONDER) {
      out.add(new Unknown("NOT_A_TRANSPONDER", field, id, id + " is a " + node.kind()
          + " node; a service ends on a TRANSPONDER node"
          + (node.siteId().isEmpty() ? "" : " (at site " + node.siteId() + ": "
              + transponders(t, node.siteId()) + ")")));
    }
  }

  /** The TRANSPONDER nodes of site {@code siteId}, in id order, comma-separated. */
  private static String transponders(Topology t, String siteId) {
    List<String> ids = t.nodes().values().stream()
        .filter(n -> n.kind() == NodeKind.TRANSPONDER && n.siteId().equals(siteId))
        .map(Node::id).sorted().toList();
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  private static void nodes(Topology t, List<String> ids, String field, List<Unknown> out) {
    for (int i = 0; i < ids.size(); i++) {
      if (t.node(ids.get(i)) == null) {
        out.add(new Unknown("UNKNOWN_NODE", field + "[" + i + "]", ids.get(i)));
      }
    }
  }

  private static void fibers(Topology t, List<String> ids, String field, List<Unknown> out) {
    for (int i = 0; i < ids.size(); i++) {
      if (t.fiber(ids.get(i)) == null) {
        out.add(new Unknown("UNKNOWN_FIBER", field + "[" + i + "]", ids.get(i)));
      }
    }
  }
}
