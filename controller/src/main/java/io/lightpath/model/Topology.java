package io.lightpath.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the network: nodes and fibers, looked up by id. Path computation
 * works on one snapshot at a time, so a topology change never races a computation.
 */
public final class Topology {
  private final Map<String, Node> nodes;
  private final Map<String, Fiber> fibers;
  private volatile TopologyIndex index;

  private Topology(Map<String, Node> nodes, Map<String, Fiber> fibers) {
    this.nodes = nodes;
    this.fibers = fibers;
  }

  /**
   * Builds a snapshot; keeps the given order.
   *
   * @throws IllegalArgumentException on a duplicate id or a fiber whose end node is unknown
   */
  public static Topology of(List<Node> nodes, List<Fiber> fibers) {
    Map<String, Node> nodeMap = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (nodeMap.put(n.id(), n) != null) {
        throw new IllegalArgumentException("duplicate node id " + n.id());
      }
    }
    Map<String, Fiber> fiberMap = new LinkedHashMap<>();
    for (Fiber f : fibers) {
      if (!nodeMap.containsKey(f.aNodeId()) || !nodeMap.containsKey(f.zNodeId())) {
        throw new IllegalArgumentException(
            "fiber " + f.id() + " joins unknown node " + f.aNodeId() + " or " + f.zNodeId());
      }
      if (fiberMap.put(f.id(), f) != null) {
        throw new IllegalArgumentException("duplicate fiber id " + f.id());
      }
    }
    return new Topology(Collections.unmodifiableMap(nodeMap), Collections.unmodifiableMap(fiberMap));
  }

  /** Nodes by id, in insertion order. */
  public Map<String, Node> nodes() {
    return nodes;
  }

  /** Fibers by id, in insertion order. */
  public Map<String, Fiber> fibers() {
    return fibers;
  }

  public Node node(String id) {
    return nodes.get(id);
  }

  public Fiber fiber(String id) {
    return fibers.get(id);
  }

  /**
   * Dense integer indexes for graph algorithms, built on first use. A racing second build is
   * harmless: both results are equal and immutable.
   */
  public TopologyIndex index() {
    TopologyIndex i = index;
    if (i == null) {
      i = new TopologyIndex(this);
      index = i;
    }
    return i;
  }
}
