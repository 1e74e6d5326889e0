package io.lightpath.pce;

import static io.lightpath.pce.TopoBuilder.LINEAR_QOT;
import static io.lightpath.pce.TopoBuilder.M100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Transponder line ports are claimed per channel end; parallel fibers are alternatives. */
class PortsAndParallelFibersTest {
  private static final PceConfig CFG = PceConfig.defaults().withEnforceTransceivers(false);

  private static PathComputer pc(Topology t, PceConfig cfg) {
    return new PathComputer(t, LINEAR_QOT, cfg, new ResourceLedger(cfg.grid()));
  }

  private static Success ok(PathResult r) {
    return assertInstanceOf(Success.class, r, () -> "expected success, got " + r);
  }

  /** T1 (line ports l1..ln) - R1 - R2 - T2 (line ports m1..m4); each T fiber on its own port. */
  private static Topology line(int t1Ports) {
    TopoBuilder b = new TopoBuilder().roadm("R1", "R2");
    String[] ports = new String[t1Ports];
    for (int i = 0; i < t1Ports; i++) {
      ports[i] = "l" + (i + 1);
    }
    b.transponder("T1", 10, ports).transponder("T2", 10, "m1", "m2", "m3", "m4");
    for (int i = 0; i < t1Ports; i++) {
      b.fiber("t1-" + (i + 1), "T1", ports[i], "R1", "in" + (i + 1), 1);
    }
    for (int i = 1; i <= 4; i++) {
      b.fiber("t2-" + i, "R2", "out" + i, "T2", "m" + i, 1);
    }
    return b.fiber("r1r2", "R1", "R2", 100).build();
  }

  @Test
  void aTransponderLinePortCarriesOneChannel() {
    // Old behaviour: the second service also left T1 through fiber t1-1, so line port l1 was
    // tuned for two channels (transceivers were counted per node, not per port).
    PathComputer pc = pc(line(1), CFG);
    Success first = ok(pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100))));
    assertTrue(first.reservation().addDropPorts().contains(new PortClaim("T1", "l1")),
        first.reservation().toString());
    PathResult second = pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100)));
    Failure f = assertInstanceOf(Failure.class, second, () -> "double-booked: " + second);
    assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
    assertEquals("T1", f.limitingElement());
    assertTrue(f.message().contains("l1"), f.message());
    pc.release(first.reservation());
    ok(pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100))));
  }

  @Test
  void servicesFromOneTransponderLeaveThroughDifferentLinePorts() {
    for (PathOrder order : PathOrder.values()) {
      PathComputer pc = pc(line(3), CFG.withPolicy(SpectrumPolicy.FIRST_FIT, order));
      Set<String> aPorts = new HashSet<>();
      Set<String> zPorts = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        Success s = ok(pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100))));
        List<String> fibers = s.channels().get(0).fiberIds();
        assertTrue(aPorts.add(fibers.get(0)), order + ": T1 port reused: " + fibers);
        assertTrue(zPorts.add(fibers.get(fibers.size() - 1)), order + ": T2 port reused: " + fibers);
      }
      Failure f = assertInstanceOf(Failure.class,
          pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100))));
      assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
      assertEquals("T1", f.limitingElement());
    }
  }

  @Test
  void theLedgerRefusesALinePortHeldByAnotherReservation() {
    Topology t = line(2);
    PathComputer pc = pc(t, CFG);
    Success first = ok(pc.computeAndReserve(PathRequest.between("T1", "T2", List.of(M100))));
    PortClaim held = first.reservation().addDropPorts().stream()
        .filter(p -> p.nodeId().equals("T1")).findFirst().orElseThrow();
    Reservation clash = new Reservation(List.of(), List.of(), List.of(), List.of(held));
    Optional<Failure> f = pc.reserve(clash);
    assertEquals(FailureReason.NO_TRANSCEIVER, f.orElseThrow().reason());
    // a port that does not exist, or a transponder's client-side id, is a conflict, not a claim
    assertEquals(FailureReason.CONSTRAINT_CONFLICT, pc.reserve(new Reservation(List.of(),
        List.of(), List.of(), List.of(new PortClaim("T1", "nope")))).orElseThrow().reason());
  }

  @Test
  void parallelFibersAreAlternativesNotOneFiberPiledUp() {
    // A = B = C = D, three parallel fibers per hop: 27 fiber combinations of one node path. k=2
    // routes over the multigraph differ only in the last hop, so the first hops' fibers filled
    // after one fiber's worth of channels although their twins were empty.
    TopoBuilder b = new TopoBuilder();
    for (String[] hop : new String[][] {{"A", "B"}, {"B", "C"}, {"C", "D"}}) {
      for (int p = 0; p < 3; p++) {
        b.fiber(hop[0] + hop[1] + p, hop[0], hop[1], 50);
      }
    }
    PceConfig cfg = new PceConfig(CFG.grid(), CFG.guardSlots(), CFG.policy(), CFG.order(),
        CFG.metric(), 2, CFG.qotMarginDb(), false, 1);
    PathComputer pc = pc(b.build(), cfg);
    int perFiber = cfg.grid().slotCount()
        / (io.lightpath.spectrum.SpectrumGrid.slotsFor(M100.widthMhz()) + cfg.guardSlots());
    for (int i = 0; i < 3 * perFiber; i++) {
      ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100))));
    }
    Failure f = assertInstanceOf(Failure.class,
        pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100))));
    assertEquals(FailureReason.NO_SPECTRUM, f.reason(), f.message());
    for (String id : List.of("AB0", "AB1", "AB2", "BC0", "CD2")) {
      assertEquals(cfg.grid().slotCount(), pc.ledger().snapshot().usedSlots(id), id);
    }
  }

  @Test
  void parallelFibersKeepContiguityPerFiber() {
    // Two parallel fibers with complementary halves free: the union is all free, but an 8-slot
    // channel must fit on one fiber.
    Topology t = new TopoBuilder().fiber("ab0", "A", "B", 50).fiber("ab1", "A", "B", 50).build();
    PceConfig cfg = CFG.withGuardSlots(0);
    PathComputer pc = pc(t, cfg);
    int slots = cfg.grid().slotCount();
    List<Reservation.SlotClaim> claims = new java.util.ArrayList<>();
    for (int s = 0; s < slots; s += 8) {
      // ab0 keeps slots [s, s+4) free, ab1 keeps [s+4, s+8) free
      claims.add(new Reservation.SlotClaim("ab0", new io.lightpath.spectrum.SlotRange(s + 4, 4)));
      claims.add(new Reservation.SlotClaim("ab1", new io.lightpath.spectrum.SlotRange(s, 4)));
    }
    assertTrue(pc.reserve(Reservation.ofSlots(claims)).isEmpty());
    Failure f = assertInstanceOf(Failure.class,
        pc.compute(PathRequest.between("A", "B", List.of(M100))));
    assertEquals(FailureReason.NO_SPECTRUM, f.reason(), f.message());
    assertNotEquals("", f.message());
  }

  @Test
  void parallelFibersIntoAnOcsAreTwinsBoundByTheirOcsPort() {
    // T1 and T2 hang off OCS ports p1 and p3; p2 and p4 go to the ROADM over two fibers of the same
    // length. They are twins, but a twin whose OCS port is joined elsewhere is skipped: the
    // second service must not be bound to the fiber on p2, which the first service's
    // cross-connect p1-p2 holds, but take p4.
    Topology t = new TopoBuilder()
        .node("O", io.lightpath.model.NodeKind.OCS, "", 0, java.util.Map.of())
        .transponder("T1", 4, "l1").transponder("T2", 4, "l1").transponder("T3", 4, "l1", "l2")
        .fiber("t1-o", "T1", "l1", "O", "p1", 0.01).fiber("t2-o", "T2", "l1", "O", "p3", 0.01)
        .fiber("o-r-1", "O", "p2", "R", "add1", 0.01).fiber("o-r-2", "O", "p4", "R", "add2", 0.01)
        .fiber("r-s", "R", "x", "S", "y", 50)
        .fiber("s-t3-1", "S", "d1", "T3", "l1", 0.01).fiber("s-t3-2", "S", "d2", "T3", "l2", 0.01)
        .build();
    ParallelFibers groups = new ParallelFibers(t);
    assertEquals(2, groups.members(t.index().fiberIndex("o-r-1")).length, "twins at the OCS");
    assertEquals(2, groups.members(t.index().fiberIndex("s-t3-1")).length, "twins away from the OCS");
    PathComputer pc = pc(t, CFG);
    Success first = ok(pc.computeAndReserve(PathRequest.between("T1", "T3", List.of(M100))));
    assertTrue(first.channels().get(0).fiberIds().contains("o-r-1"), first.channels().toString());
    Success second = ok(pc.computeAndReserve(PathRequest.between("T2", "T3", List.of(M100))));
    assertTrue(second.channels().get(0).fiberIds().contains("o-r-2"), second.channels().toString());
  }
}
