package io.lightpath.qot;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.TransceiverMode;
import java.util.List;

/**
 * Estimates the quality of transmission of a channel over a path. Implementations precompute
 * per-fiber noise contributions so one estimate costs O(hops). Thread-safe.
 */
public interface QotEstimator {

  /**
   * Estimates a channel of {@code mode} over a path.
   *
   * @param fibers the path's fibers in order, A to Z
   * @param nodes the path's nodes in order, A to Z ({@code fibers.size() + 1} of them); their
   *     insertion loss counts
   * @param mode the transceiver mode at both ends
   */
  QotEstimate estimate(List<Fiber> fibers, List<Node> nodes, TransceiverMode mode);
}
