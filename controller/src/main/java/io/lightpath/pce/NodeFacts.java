package io.lightpath.pce;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Port;
import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Per-node facts path computation asks on every request, computed once per topology snapshot
 * (a snapshot's index is immutable): the transceiver holders of an endpoint (a transponder: itself
 * only; another node: itself, then the transponders of its site), the other transponders of its
 * site, a node's ADD_DROP ports, the ports of a node that fibers land on (the transponder line
 * ports the ledger may claim), and which fiber ends land on a ROADM's ADD_DROP port. Without it
 * each request walked every node of the network to find a site's transponders and every port of a
 * ROADM to find its add/drop ports.
 * Thread-safe; entries go with their snapshot.
 */
final class NodeFacts {
  private static final Map<TopologyIndex, NodeFacts> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final List<List<Node>> holders;
  private final List<List<Node>> siteMates;
  private final List<List<String>> addDropPorts;
  private final List<Set<String>> fiberPorts;
  private final byte[] addDropEnds;

  private NodeFacts(TopologyIndex index) {
    int n = index.nodeCount();
    Map<String, List<Integer>> transpondersBySite = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Node node = index.node(i);
      if (node.kind() == NodeKind.TRANSPONDER && !node.siteId().isEmpty()) {
        transpondersBySite.computeIfAbsent(node.siteId(), s -> new ArrayList<>()).add(i);
      }
    }
    holders = new ArrayList<>(n);
    siteMates = new ArrayList<>(n);
    addDropPorts = new ArrayList<>(n);
    fiberPorts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<String> ports = new HashSet<>();
      for (int f : index.incident(i)) {
        Fiber fiber = index.fiber(f);
        ports.add(fiber.aNodeId().equals(index.node(i).id()) ? fiber.aPortId() : fiber.zPortId());
      }
      fiberPorts.add(ports);
    }
    for (int i = 0; i < n; i++) {
      Node e = index.node(i);
      List<Node> mates = new ArrayList<>();
      if (!e.siteId().isEmpty()) {
        for (int t : transpondersBySite.getOrDefault(e.siteId(), List.of())) {
          if (t != i) {
            mates.add(index.node(t));
          }
        }
      }
      siteMates.add(List.copyOf(mates));
      List<Node> l = new ArrayList<>();
      l.add(e);
      // A route that starts at a transponder is lit by that transponder: the provisioner tunes
      // the line port the route leaves through (ChannelMapper), so a transceiver of a site-mate
      // would be charged in the ledger and stay dark while this one lit one more channel than
      // it has transceivers. Only a route ending at another node (a ROADM, in studies between
      // ROADMs) may take a site transponder's transceiver: the provisioner then adds the hop from
      // that transponder to the route's end.
      if (e.kind() != NodeKind.TRANSPONDER) {
        l.addAll(mates);
      }
      holders.add(List.copyOf(l));
      List<String> ports = new ArrayList<>();
      for (Port p : e.ports()) {
        if (p.role() == Port.PortRole.ADD_DROP) {
          ports.add(p.id());
        }
      }
      addDropPorts.add(List.copyOf(ports));
    }
    addDropEnds = new byte[index.fiberCount()];
    for (int f = 0; f < addDropEnds.length; f++) {
      Fiber fiber = index.fiber(f);
      addDropEnds[f] = (byte) ((isAddDrop(index, fiber.aNodeId(), fiber.aPortId()) ? A_END : 0)
          | (isAddDrop(index, fiber.zNodeId(), fiber.zPortId()) ? Z_END : 0));
    }
  }

  /** Bits of {@link #addDropEnds}: the fiber's A (Z) end lands on a ROADM's ADD_DROP port. */
  private static final int A_END = 1;
  private static final int Z_END = 2;

  private static boolean isAddDrop(TopologyIndex index, String nodeId, String portId) {
    Node n = index.node(index.nodeIndex(nodeId));
    if (n.kind() != NodeKind.ROADM || portId.isEmpty()) {
      return false;
    }
    for (Port p : n.ports()) {
      if (p.id().equals(portId)) {
        return p.role() == Port.PortRole.ADD_DROP;
      }
    }
    return false;
  }

  static NodeFacts of(TopologyIndex index) {
    NodeFacts f = CACHE.get(index);
    if (f == null) {
      f = new NodeFacts(index);
      CACHE.put(index, f); // a racing second build is equal and harmless
    }
    return f;
  }

  /**
   * Nodes whose transceivers {@code endpoint} may use: a transponder its own only; another node
   * itself, then its site's transponders.
   */
  List<Node> holders(int endpoint) {
    return holders.get(endpoint);
  }

  /** The TRANSPONDER nodes of {@code node}'s site other than itself; empty without a site. */
  List<Node> siteMates(int node) {
    return siteMates.get(node);
  }

  /** Whether a fiber of the topology lands on the node's port {@code portId}. */
  boolean fiberLandsOn(int node, String portId) {
    return fiberPorts.get(node).contains(portId);
  }

  /**
   * Whether fiber {@code f}'s A end ({@code aEnd}) or Z end lands on an ADD_DROP port of a ROADM:
   * the port is then the fiber's, so a channel over the fiber adds or drops there.
   */
  boolean landsOnAddDrop(int f, boolean aEnd) {
    return (addDropEnds[f] & (aEnd ? A_END : Z_END)) != 0;
  }

  /** Ids of the node's ADD_DROP ports, in port order; empty when it models none. */
  List<String> addDropPorts(int node) {
    return addDropPorts.get(node);
  }
}
