package io.lightpath.pce;

import static io.lightpath.pce.TopoBuilder.LINEAR_QOT;
import static io.lightpath.pce.TopoBuilder.M100;
import static io.lightpath.pce.TopoBuilder.M400;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathRequest.Bundle;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.CrossConnect;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.provisioning.LabBridge;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.spectrum.SlotRange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Parallel fibers at an OCS: a fiber whose OCS port is cross-connected to another fiber is
 * unusable for a route that needs a different join, and the hop falls through to a parallel
 * fiber; channels of one request never share a transponder line port or an OCS port.
 */
class OcsParallelFibersTest {
  private static PathComputer pc(Topology t, PceConfig cfg) {
    return new PathComputer(t, LINEAR_QOT, cfg, new ResourceLedger(cfg.grid()));
  }

  private static Success ok(PathResult r) {
    return assertInstanceOf(Success.class, r, () -> "expected success, got " + r);
  }

  /** The bundled six-site lab as the controller sees it; transceivers of M400's type "T". */
  private static Topology hexaMetro() throws Exception {
    return LabBridge.topology(LabTopologyFile.readBundled("hexa-metro.yaml"), M400.type());
  }

  private static Set<String> transponderPorts(Success s) {
    Set<String> out = new HashSet<>();
    for (PortClaim p : s.reservation().addDropPorts()) {
      if (p.nodeId().contains("-tp")) {
        out.add(p.nodeId() + ":" + p.portId());
      }
    }
    return out;
  }

  @Test
  void eachTransponderPortAtAnOcsSiteGetsItsOwnParallelFiber() throws Exception {
    // Acceptance defect: after fern-tp1 -> iris-tp1, fern-tp2 -> iris-tp2 failed with NO_ROUTE
    // ("OCS fern-ocs already cross-connects the port of fiber fern-ocs-a1 elsewhere") while
    // fern-ocs-a2/a3 were free: all k candidates went over fern-ocs-a1.
    PathComputer pc = pc(hexaMetro(), PceConfig.defaults());
    Success first = ok(pc.computeAndReserve(PathRequest.between("fern-tp1", "iris-tp1",
        List.of(M400))));
    Success second = ok(pc.computeAndReserve(PathRequest.between("fern-tp2", "iris-tp2",
        List.of(M400))));
    Success third = ok(pc.computeAndReserve(PathRequest.between("fern-tp1", "iris-tp1",
        List.of(M400))));
    Set<String> fernOcsFibers = new HashSet<>();
    Set<String> ports = new HashSet<>();
    for (Success s : List.of(first, second, third)) {
      List<String> fibers = s.channels().get(0).fiberIds();
      fernOcsFibers.add(fibers.get(1));
      assertTrue(fibers.get(1).startsWith("fern-ocs-a"), fibers.toString());
      assertTrue(fibers.get(fibers.size() - 2).startsWith("iris-ocs-a"), fibers.toString());
      for (String p : transponderPorts(s)) {
        assertTrue(ports.add(p), "line port used twice: " + p);
      }
    }
    assertEquals(Set.of("fern-ocs-a1", "fern-ocs-a2", "fern-ocs-a3"), fernOcsFibers);
    assertTrue(ports.contains("fern-tp1:line2"), ports.toString());
    // every fern transponder port is lit now: the next request lacks a transceiver, not a route
    Failure f = assertInstanceOf(Failure.class,
        pc.compute(PathRequest.between("fern-tp1", "iris-tp1", List.of(M400))));
    assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
  }

  @Test
  void bundleMembersOnOneRouteTakeDifferentLinePortsAndOcsFibers() throws Exception {
    // Acceptance defect: --bundle 2 --min-routes 1 fern-tp1 -> iris-tp1 on an empty network
    // failed with "line port line1 of transponder fern-tp1 ... already carries a channel": both
    // members were put on line1 within the one computation.
    PathComputer pc = pc(hexaMetro(), PceConfig.defaults());
    Success s = ok(pc.computeAndReserve(PathRequest.between("fern-tp1", "iris-tp1",
        List.of(M400)).withBundle(new Bundle(2, 1, 0))));
    assertEquals(2, s.channels().size());
    assertEquals(Set.of("fern-tp1:line1", "fern-tp1:line2", "iris-tp1:line1", "iris-tp1:line2"),
        transponderPorts(s));
    List<String> a = s.channels().get(0).fiberIds();
    List<String> b = s.channels().get(1).fiberIds();
    assertNotEquals(a.get(1), b.get(1), "the members share an OCS fiber at fern");
    assertNotEquals(a.get(a.size() - 2), b.get(b.size() - 2), "... at iris");
    assertEquals(4, s.reservation().crossConnects().size(), s.reservation().toString());
  }

  /** T1, T2 on OCS O; O to ROADM R over three equal fibers; R - S - T3 (three line ports). */
  private static Topology ocsSite() {
    return new TopoBuilder()
        .node("O", NodeKind.OCS, "", 0, Map.of())
        .transponder("T1", 4, "l1").transponder("T2", 4, "l1")
        .transponder("T3", 4, "l1", "l2", "l3")
        .fiber("t1-o", "T1", "l1", "O", "p1", 0.01).fiber("t2-o", "T2", "l1", "O", "p2", 0.01)
        .fiber("o-r-1", "O", "p5", "R", "add1", 0.01).fiber("o-r-2", "O", "p6", "R", "add2", 0.01)
        .fiber("o-r-3", "O", "p7", "R", "add3", 0.01)
        .fiber("r-s", "R", "x", "S", "y", 50)
        .fiber("s-t3-1", "S", "d1", "T3", "l1", 0.01).fiber("s-t3-2", "S", "d2", "T3", "l2", 0.01)
        .fiber("s-t3-3", "S", "d3", "T3", "l3", 0.01)
        .build();
  }

  @Test
  void aFiberWhoseOcsPortIsJoinedElsewhereFallsThroughToItsTwinEvenWithOneCandidate() {
    // k = 1: the one candidate route names o-r-1, whose OCS port p5 the first service joined to
    // t1-o; the second service must use o-r-2 instead of failing.
    PceConfig d = PceConfig.defaults();
    PceConfig k1 = new PceConfig(d.grid(), d.guardSlots(), d.policy(), d.order(), d.metric(), 1,
        d.qotMarginDb(), false, 1);
    PathComputer pc = pc(ocsSite(), k1);
    Success first = ok(pc.computeAndReserve(PathRequest.between("T1", "T3", List.of(M100))));
    assertTrue(first.channels().get(0).fiberIds().contains("o-r-1"), first.toString());
    Success second = ok(pc.computeAndReserve(PathRequest.between("T2", "T3", List.of(M100))));
    assertTrue(second.channels().get(0).fiberIds().contains("o-r-2"), second.toString());
    assertTrue(second.reservation().crossConnects().contains(new CrossConnect("O", "t2-o",
        "o-r-2")), second.reservation().toString());
  }

  @Test
  void allTwinsJoinedElsewhereIsNoRouteNamingTheOcs() {
    PathComputer pc = pc(ocsSite(), PceConfig.defaults().withEnforceTransceivers(false));
    // T1's channel holds p5 (o-r-1); joins made by hand hold o-r-2 and o-r-3 for other fibers
    ok(pc.computeAndReserve(PathRequest.between("T1", "T3", List.of(M100))));
    assertTrue(pc.reserve(new Reservation(List.of(), List.of(
        new CrossConnect("O", "o-r-2", "o-r-3")), List.of(), List.of())).isEmpty());
    Failure f = assertInstanceOf(Failure.class,
        pc.compute(PathRequest.between("T2", "T3", List.of(M100))));
    assertEquals(FailureReason.NO_ROUTE, f.reason(), f.message());
    assertEquals("O", f.limitingElement());
  }

  @Test
  void bindingPairsTwinsAcrossAnOcsWhenTheLowestFreeFiberCannotJoin() {
    // R1 = O over x1, x2 and O = R2 over y1, y2. x2-y1 is already joined (sharing a join is
    // fine); y2 is full. The lowest free fiber into O, x1, joins no usable fiber out of it, so
    // binding the hops one at a time (lowest first) failed although x2-y1 can carry the channel.
    Topology t = new TopoBuilder()
        .node("O", NodeKind.OCS, "", 0, Map.of())
        .fiber("x1", "R1", "a1", "O", "p1", 10).fiber("x2", "R1", "a2", "O", "p2", 10)
        .fiber("y1", "O", "p3", "R2", "b1", 10).fiber("y2", "O", "p4", "R2", "b2", 10)
        .build();
    PceConfig cfg = PceConfig.defaults().withEnforceTransceivers(false);
    PathComputer pc = pc(t, cfg);
    int slots = cfg.grid().slotCount();
    assertTrue(pc.reserve(new Reservation(
        List.of(new SlotClaim("x2", new SlotRange(0, 8)), new SlotClaim("y1", new SlotRange(0, 8)),
            new SlotClaim("y2", new SlotRange(0, slots))),
        List.of(new CrossConnect("O", "x2", "y1")), List.of(), List.of())).isEmpty());
    Success s = ok(pc.computeAndReserve(PathRequest.between("R1", "R2", List.of(M100))));
    assertEquals(List.of("x2", "y1"), s.channels().get(0).fiberIds());
    assertTrue(s.channels().get(0).slots().first() >= 8, s.channels().toString());
  }
}
