package io.lightpath.pce;

import io.lightpath.spectrum.SlotRange;
import java.util.List;

/**
 * Resources held by one result, claimed and released all or nothing.
 *
 * @param slots slot ranges per fiber, guard band included
 * @param crossConnects OCS cross-connects the routes need (shared ones are reference-counted)
 * @param transceivers transceivers taken, one entry per transceiver
 * @param addDropPorts ROADM add/drop ports taken, one per channel end at a ROADM that has them
 */
public record Reservation(
    List<SlotClaim> slots,
    List<CrossConnect> crossConnects,
    List<TransceiverClaim> transceivers,
    List<PortClaim> addDropPorts) {

  public Reservation {
    slots = List.copyOf(slots);
    crossConnects = List.copyOf(crossConnects);
    transceivers = List.copyOf(transceivers);
    addDropPorts = List.copyOf(addDropPorts);
  }

  /** A reservation of slots only. */
  public static Reservation ofSlots(List<SlotClaim> slots) {
    return new Reservation(slots, List.of(), List.of(), List.of());
  }

  /**
   * @param fiberId the fiber
   * @param range the slots on it, guard band included
   */
  public record SlotClaim(String fiberId, SlotRange range) {}

  /**
   * A cross-connect joining two fibers at an optical circuit switch; it carries every frequency,
   * so while it exists neither fiber's port at that node can join any other fiber.
   */
  public record CrossConnect(String nodeId, String fiberA, String fiberB) {}

  /** One transceiver of {@code type} at {@code nodeId}. */
  public record TransceiverClaim(String nodeId, String type) {}

  /** An ADD_DROP port of a ROADM, used by one channel end. */
  public record PortClaim(String nodeId, String portId) {}
}
