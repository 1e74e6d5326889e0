package io.lightpath.pce;

/** Why a path computation or reservation failed. */
public enum FailureReason {
  /** No route joins the endpoints under the constraints (or all are blocked by OCS ports). */
  NO_ROUTE,
  /** Routes exist but no slot range is free along any of them (continuity and contiguity). */
  NO_SPECTRUM,
  /** No candidate mode's estimated GSNR clears its threshold plus margin on any route. */
  QOT_INFEASIBLE,
  /** Every route is longer than the latency bound, or a bundle's skew bound cannot be met. */
  LATENCY_EXCEEDED,
  /** An endpoint has no free transceiver of any candidate mode's type. */
  NO_TRANSCEIVER,
  /** The request contradicts itself or the topology (unknown ids, include vs exclude, ...). */
  CONSTRAINT_CONFLICT
}
