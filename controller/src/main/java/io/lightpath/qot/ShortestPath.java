package io.lightpath.qot;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Shortest route by fiber length (Dijkstra), for the {@code qot} command; fibers are fiber pairs,
 * so either direction may be used. Path computation proper lives in the pce subsystem.
 */
public final class ShortestPath {

  /** A route: nodes A to Z and the fibers between them. */
  public record Route(List<Node> nodes, List<Fiber> fibers) {
    public Route {
      nodes = List.copyOf(nodes);
      fibers = List.copyOf(fibers);
    }

    /** Route length, in km. */
    public double lengthKm() {
      return fibers.stream().mapToDouble(Fiber::lengthKm).sum();
    }
  }

  private ShortestPath() {}

  /** The shortest route by km from {@code fromId} to {@code toId}, or empty if none. */
  public static Optional<Route> byLength(Topology topology, String fromId, String toId) {
    if (topology.node(fromId) == null || topology.node(toId) == null) {
      throw new IllegalArgumentException(
          "unknown node " + (topology.node(fromId) == null ? fromId : toId));
    }
    Map<String, List<Fiber>> adjacent = new HashMap<>();
    for (Fiber f : topology.fibers().values()) {
      adjacent.computeIfAbsent(f.aNodeId(), k -> new ArrayList<>()).add(f);
      if (!f.zNodeId().equals(f.aNodeId())) {
        adjacent.computeIfAbsent(f.zNodeId(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Double> dist = new HashMap<>();
    Map<String, Fiber> via = new HashMap<>();
    PriorityQueue<Map.Entry<String, Double>> queue =
        new PriorityQueue<>(Map.Entry.comparingByValue());
    dist.put(fromId, 0.0);
    queue.add(Map.entry(fromId, 0.0));
    while (!queue.isEmpty()) {
      Map.Entry<String, Double> head = queue.poll();
      String u = head.getKey();
      if (head.getValue() > dist.get(u)) {
        continue;
      }
      if (u.equals(toId)) {
        break;
      }
      for (Fiber f : adjacent.getOrDefault(u, List.of())) {
        String v = f.otherEnd(u);
        double d = head.getValue() + f.lengthKm();
        if (d < dist.getOrDefault(v, Double.POSITIVE_INFINITY)) {
          dist.put(v, d);
          via.put(v, f);
          queue.add(Map.entry(v, d));
        }
      }
    }
    if (!dist.containsKey(toId)) {
      return Optional.empty();
    }
    List<Fiber> fibers = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    String cur = toId;
    nodes.add(topology.node(cur));
    while (!cur.equals(fromId)) {
      Fiber f = via.get(cur);
      fibers.add(f);
      cur = f.otherEnd(cur);
      nodes.add(topology.node(cur));
    }
    Collections.reverse(fibers);
    Collections.reverse(nodes);
    return Optional.of(new Route(nodes, fibers));
  }
}
