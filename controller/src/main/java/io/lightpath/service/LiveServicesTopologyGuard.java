package io.lightpath.service;

import com.google.rpc.Code;
import io.lightpath.api.TopologyGuard;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.Topology;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a topology that drops a node or fiber (or reconnects a fiber to other nodes) that a
 * live service's channels use: FAILED_PRECONDITION, reason TOPOLOGY_IN_USE, naming the element
 * and the service. Delete the service first, then change the topology.
 */
public final class LiveServicesTopologyGuard implements TopologyGuard {
  private final ServiceRepository services;

  @Inject
  public LiveServicesTopologyGuard(ServiceRepository services) {
    this.services = services;
  }

  @Override
  public void check(Topology next) {
    Set<String> nodes = next.getNodesList().stream().map(Node::getId).collect(Collectors.toSet());
    Map<String, Fiber> fibers = next.getFibersList().stream()
        .collect(Collectors.toMap(Fiber::getId, f -> f, (a, b) -> a));
    for (StoredService s : services.all()) {
      if (!s.live()) {
        continue;
      }
      for (ComputedChannel ch : s.channels()) {
        for (ComputedChannel.Hop hop : ch.hops()) {
          Fiber f = fibers.get(hop.fiberId());
          boolean sameEnds = f != null
              && Set.of(f.getANodeId(), f.getZNodeId()).equals(Set.of(hop.fromNodeId(), hop.toNodeId()));
          if (!sameEnds) {
            throw inUse("fiber " + hop.fiberId(), s);
          }
          for (String n : new String[] {hop.fromNodeId(), hop.toNodeId()}) {
            if (!nodes.contains(n)) {
              throw inUse("node " + n, s);
            }
          }
        }
      }
    }
  }

  private static RuntimeException inUse(String element, StoredService s) {
    return RpcErrors.error(Code.FAILED_PRECONDITION, "TOPOLOGY_IN_USE",
        element + " is used by " + s.service().getName() + " (" + s.state()
            + "); delete the service before removing or reconnecting it",
        Map.of("resource", s.service().getName()));
  }
}
