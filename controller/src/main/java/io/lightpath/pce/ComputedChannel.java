package io.lightpath.pce;

import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.QotEstimate;
import io.lightpath.spectrum.SlotRange;
import java.util.List;

/**
 * One channel of a result.
 *
 * @param role what the channel is for
 * @param hops the route from A to Z
 * @param slots the channel's slots, without guard band
 * @param centreFrequencyMhz centre frequency, in MHz
 * @param widthMhz channel width, in MHz
 * @param mode the transceiver mode chosen
 * @param latencyUs one-way latency, in µs
 * @param lengthKm route length, in km
 * @param qot estimated quality of transmission for the mode on this route
 * @param aTransceiverNodeId node whose transceiver is used at the A end
 * @param zTransceiverNodeId node whose transceiver is used at the Z end
 * @param aAddDropPortId add/drop port used at the A-end ROADM, or empty when that ROADM does not
 *     model add/drop ports
 * @param zAddDropPortId the same at the Z end
 */
public record ComputedChannel(
    Role role,
    List<Hop> hops,
    SlotRange slots,
    long centreFrequencyMhz,
    long widthMhz,
    TransceiverMode mode,
    double latencyUs,
    double lengthKm,
    QotEstimate qot,
    String aTransceiverNodeId,
    String zTransceiverNodeId,
    String aAddDropPortId,
    String zAddDropPortId) {

  public ComputedChannel {
    hops = List.copyOf(hops);
  }

  /** What a channel of a result is for. */
  public enum Role {
    WORKING,
    PROTECTION,
    BUNDLE_MEMBER
  }

  /**
   * One fiber of a route.
   *
   * @param fromNodeId the node the channel leaves
   * @param fiberId the fiber it crosses
   * @param toNodeId the node it enters
   */
  public record Hop(String fromNodeId, String fiberId, String toNodeId) {}

  /** The fiber ids in order. */
  public List<String> fiberIds() {
    return hops.stream().map(Hop::fiberId).toList();
  }
}
