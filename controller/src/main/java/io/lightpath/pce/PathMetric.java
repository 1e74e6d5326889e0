package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;

/** What "shortest" means when ranking candidate routes. */
public enum PathMetric {
  /** Number of fibers. */
  HOPS,
  /** Fiber length, in km. */
  KM,
  /** Propagation plus node delay, in µs. */
  LATENCY;

  /** Cost of stepping over fiber {@code f} into node {@code to}. */
  double weight(TopologyIndex index, int f, int to) {
    return switch (this) {
      case HOPS -> 1.0;
      case KM -> index.fiberLengthKm(f);
      case LATENCY -> index.fiberLatencyUs(f) + index.nodeDelayUs(to);
    };
  }
}
