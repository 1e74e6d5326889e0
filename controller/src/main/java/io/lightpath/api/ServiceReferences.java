package io.lightpath.api;

import com.google.rpc.PreconditionFailure;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.model.Node;
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
 * may name a site instead of a node (path computation resolves it to one of its transponders).
 * Whether existing elements can be combined stays path computation's to say.
 */
final class ServiceReferences {
  /** One unknown reference: the violation type, the request field, the id it names. */
  private record Unknown(String type, String field, String id) {
    PreconditionFailure.Violation violation() {
      String what = type.equals("UNKNOWN_FIBER") ? "unknown fiber" : "unknown node";
      return PreconditionFailure.Violation.newBuilder().setType(type).setSubject(field)
          .setDescription(what + (field.endsWith("_end.node_id") ? " or site " : " ") + id).build();
    }
  }

  private final PathEngine engine;

  @Inject
  ServiceReferences(PathEngine engine) {
    this.engine = engine;
  }

  /**
   * Throws FAILED_PRECONDITION / CONSTRAINT_CONFLICT when {@code s} names unknown nodes or fibers;
   * {@code f} prefixes field paths.
   */
  void check(Service s, String f) {
    Topology t = engine.topology();
    List<Unknown> unknown = new ArrayList<>();
    endpoint(t, s.getAEnd().getNodeId(), f + ".a_end.node_id", unknown);
    endpoint(t, s.getZEnd().getNodeId(), f + ".z_end.node_id", unknown);
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

  private static void endpoint(Topology t, String id, String field, List<Unknown> out) {
    // an empty id is the syntactic validator's "is required"
    if (!id.isEmpty() && t.node(id) == null && !isSite(t, id)) {
      out.add(new Unknown("UNKNOWN_NODE", field, id));
    }
  }

  private static boolean isSite(Topology t, String id) {
    for (Node n : t.nodes().values()) {
      if (id.equals(n.siteId())) {
        return true;
      }
    }
    return false;
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
