package io.lightpath.api;

import io.lightpath.proto.v1.Topology;

/**
 * Vetoes topology changes that would pull the ground from under existing state, such as removing
 * a fiber a live service uses. Called by {@link TopologyHolder} before a change is stored.
 */
public interface TopologyGuard {
  /** No veto. */
  TopologyGuard NONE = next -> {};

  /**
   * @throws io.grpc.StatusRuntimeException (FAILED_PRECONDITION, TOPOLOGY_IN_USE) to refuse
   *     {@code next}
   */
  void check(Topology next);
}
