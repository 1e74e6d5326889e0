package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.QotEstimate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopless route over one topology snapshot, as node and fiber indexes of its {@link
 * TopologyIndex}. {@code nodes.length == fibers.length + 1}. Equal when the fiber sequences are.
 * The arrays are shared: never modify them.
 */
public final class Route {
  private final int[] nodes;
  private final int[] fibers;
  private final double cost;
  private final double lengthKm;
  private final double latencyUs;
  // Estimates per mode. A route belongs to one topology snapshot and one PathComputer (one
  // estimator), and the estimator is a function of (fibers, nodes, mode), so entries never go
  // stale; cached routes thus pay for QoT once per mode.
  private volatile Map<TransceiverMode, QotEstimate> qot;

  Route(int[] nodes, int[] fibers, double cost, double lengthKm, double latencyUs) {
    this.nodes = nodes;
    this.fibers = fibers;
    this.cost = cost;
    this.lengthKm = lengthKm;
    this.latencyUs = latencyUs;
  }

  /** Builds a route from a node sequence and fiber sequence, computing its figures. */
  static Route of(TopologyIndex index, int[] nodes, int[] fibers, PathMetric metric) {
    double cost = 0;
    double km = 0;
    double latency = index.nodeDelayUs(nodes[0]);
    for (int i = 0; i < fibers.length; i++) {
      int f = fibers[i];
      cost += metric.weight(index, f, nodes[i + 1]);
      km += index.fiberLengthKm(f);
      latency += index.fiberLatencyUs(f) + index.nodeDelayUs(nodes[i + 1]);
    }
    return new Route(nodes, fibers, cost, km, latency);
  }

  /**
   * The node ids in order, joined by " > " (node ids contain dashes, so a dash would not show where
   * one ends), as the CLI and the demo print routes.
   */
  public String describe(TopologyIndex index) {
    StringBuilder sb = new StringBuilder();
    for (int n : nodes) {
      sb.append(sb.length() > 0 ? " > " : "").append(index.node(n).id());
    }
    return sb.toString();
  }

  public int[] nodes() {
    return nodes;
  }

  public int[] fibers() {
    return fibers;
  }

  public int hops() {
    return fibers.length;
  }

  /** Cost under the metric the route was found with. */
  public double cost() {
    return cost;
  }

  public double lengthKm() {
    return lengthKm;
  }

  /** One-way latency: fiber group delay plus the delay of every node on the route, in µs. */
  public double latencyUs() {
    return latencyUs;
  }

  public int source() {
    return nodes[0];
  }

  public int destination() {
    return nodes[nodes.length - 1];
  }

  QotEstimate cachedQot(TransceiverMode mode) {
    Map<TransceiverMode, QotEstimate> m = qot;
    return m == null ? null : m.get(mode);
  }

  void cacheQot(TransceiverMode mode, QotEstimate estimate) {
    Map<TransceiverMode, QotEstimate> m = qot;
    if (m == null) {
      synchronized (this) {
        m = qot;
        if (m == null) {
          m = new ConcurrentHashMap<>(8);
          qot = m;
        }
      }
    }
    m.put(mode, estimate);
  }

  boolean usesFiber(int f) {
    for (int x : fibers) {
      if (x == f) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Route r && Arrays.equals(fibers, r.fibers) && nodes[0] == r.nodes[0];
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fibers) * 31 + nodes[0];
  }

  @Override
  public String toString() {
    return "Route" + Arrays.toString(nodes) + " via " + Arrays.toString(fibers);
  }
}
