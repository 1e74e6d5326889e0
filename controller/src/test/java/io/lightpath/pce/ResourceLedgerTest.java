package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ledger's bulk claim (startup rebuild) and snapshot immutability. */
class ResourceLedgerTest {
  private static final Topology T = new TopoBuilder().fiber("f1", "A", "B", 10)
      .fiber("f2", "B", "C", 10).fiber("f3", "C", "D", 10).build();

  private static Reservation slots(Object... fiberFirstCount) {
    List<SlotClaim> l = new java.util.ArrayList<>();
    for (int i = 0; i < fiberFirstCount.length; i += 3) {
      l.add(new SlotClaim((String) fiberFirstCount[i],
          new SlotRange((Integer) fiberFirstCount[i + 1], (Integer) fiberFirstCount[i + 2])));
    }
    return Reservation.ofSlots(l);
  }

  @Test
  void reserveAllClaimsEachAllOrNothingAndAFailureLeavesNoTrace() {
    ResourceLedger ledger = new ResourceLedger(SpectrumGrid.C_BAND);
    ResourceSnapshot before = ledger.snapshot();
    List<Optional<Failure>> r = ledger.reserveAll(List.of(
        slots("f1", 0, 8),
        // f3 is touched first for the first time, then f1 clashes: f3 must come out clean
        slots("f3", 0, 8, "f1", 4, 8),
        slots("f3", 16, 8, "f2", 0, 8),
        slots("f2", 4, 2)), T);
    assertTrue(r.get(0).isEmpty());
    assertEquals(FailureReason.NO_SPECTRUM, r.get(1).orElseThrow().reason());
    assertTrue(r.get(2).isEmpty());
    assertEquals(FailureReason.NO_SPECTRUM, r.get(3).orElseThrow().reason());
    ResourceSnapshot after = ledger.snapshot();
    assertEquals(8, after.usedSlots("f1"));
    assertEquals(8, after.usedSlots("f2"));
    assertEquals(8, after.usedSlots("f3"), "slots 16..23 only; the failed claim of 0..7 undone");
    assertTrue(after.isFree("f3", new SlotRange(0, 8)));
    assertEquals(2, after.slotUsage()[0], "slot 0 on f1 and f2; the undone f3 claim not counted");
    assertEquals(1, after.slotUsage()[16], "slot 16 on f3");
    assertEquals(0, after.slotUsage()[8]);
    // the snapshot read before is untouched, and the ledger goes on as usual
    assertEquals(0, before.usedSlots("f1"));
    assertTrue(ledger.reserve(slots("f3", 0, 8), T).isEmpty());
    ledger.release(slots("f3", 16, 8, "f2", 0, 8));
    assertEquals(8, ledger.snapshot().usedSlots("f3"));
    assertFalse(ledger.snapshot().isFree("f3", new SlotRange(0, 1)));
  }
}
