package io.lightpath.model;

import java.util.List;
import java.util.Set;

/**
 * A fiber pair between two node ports. Both directions share one spectrum: a bidirectional
 * channel uses the same slot in each direction, so occupancy is kept per fiber, not per
 * direction.
 *
 * @param id unique identifier
 * @param aNodeId node at the A end
 * @param aPortId port at the A end (may be empty)
 * @param zNodeId node at the Z end
 * @param zPortId port at the Z end (may be empty)
 * @param lengthKm length in km
 * @param lossDb total loss in dB when no spans are given
 * @param groupDelayUsPerKm group delay in µs/km (4.9 by default)
 * @param spans amplified spans from A to Z; empty means one unamplified span of lengthKm
 * @param srlgIds shared-risk link groups the fiber belongs to
 */
public record Fiber(
    String id,
    String aNodeId,
    String aPortId,
    String zNodeId,
    String zPortId,
    double lengthKm,
    double lossDb,
    double groupDelayUsPerKm,
    List<Span> spans,
    Set<String> srlgIds) {

  /** Group delay of standard single-mode fibre, µs/km (refractive index ≈ 1.468). */
  public static final double DEFAULT_GROUP_DELAY_US_PER_KM = 4.9;

  public Fiber {
    spans = List.copyOf(spans);
    srlgIds = Set.copyOf(srlgIds);
  }

  /** Propagation delay over the whole fiber, in µs. */
  public double latencyUs() {
    return lengthKm * groupDelayUsPerKm;
  }

  /** The node at the other end from {@code nodeId}. */
  public String otherEnd(String nodeId) {
    if (nodeId.equals(aNodeId)) {
      return zNodeId;
    }
    if (nodeId.equals(zNodeId)) {
      return aNodeId;
    }
    throw new IllegalArgumentException("node " + nodeId + " is not an end of fiber " + id);
  }
}
