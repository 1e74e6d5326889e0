package io.lightpath.pce;

import static io.lightpath.pce.TopoBuilder.LINEAR_QOT;
import static io.lightpath.pce.TopoBuilder.M100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathRequest.Bundle;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.TransceiverClaim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which transceivers a channel end may use when its site has several transponders. A route that
 * starts at a transponder is lit by that transponder (the provisioner tunes the line port the
 * route leaves through), so it uses that transponder's transceivers only; a route that ends at a
 * ROADM (a study between ROADMs) draws on the site's transponders.
 */
class SiteTransceiverTest {
  private static final PceConfig CFG = PceConfig.defaults().withEnforceTransceivers(true);

  private static PathComputer pc(Topology t) {
    return new PathComputer(t, LINEAR_QOT, CFG, new ResourceLedger(CFG.grid()));
  }

  private static Success ok(PathResult r) {
    return assertInstanceOf(Success.class, r, () -> "expected success, got " + r);
  }

  private static Failure refused(PathResult r) {
    Failure f = assertInstanceOf(Failure.class, r, () -> "expected a refusal, got " + r);
    assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
    return f;
  }

  /**
   * Site s1: T1 ({@code t1} transceivers of {@code t1Type}, line ports l1 and l2, both patched to
   * R1, whose site is s1 too) and T2 (two of type "T", line ports m1 and m2 to R1); R1 - R2; TZ
   * (ten of type "T", four line ports to R2).
   */
  private static Topology site(String t1Type, int t1) {
    TopoBuilder b = new TopoBuilder()
        .node("R1", NodeKind.ROADM, "s1", 0, Map.of())
        .node("T1", NodeKind.TRANSPONDER, "s1", 0, Map.of(t1Type, t1))
        .node("T2", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 2))
        .node("TZ", NodeKind.TRANSPONDER, "", 0, Map.of("T", 10))
        .fiber("t1-1", "T1", "l1", "R1", "in1", 1).fiber("t1-2", "T1", "l2", "R1", "in2", 1)
        .fiber("t2-1", "T2", "m1", "R1", "in3", 1).fiber("t2-2", "T2", "m2", "R1", "in4", 1)
        .fiber("r1r2", "R1", "out", "R2", "in", 100);
    for (int i = 1; i <= 4; i++) {
      b.fiber("tz-" + i, "R2", "out" + i, "TZ", "z" + i, 1);
    }
    return b.build();
  }

  private static int used(PathComputer pc, String node) {
    return pc.ledger().snapshot().transceiversUsed(node, "T");
  }

  @Test
  void aTransponderWhoseTransceiversAreTakenIsRefusedNotLentASiteMates() {
    // Old behaviour: the second service left T1 through its free line port l2 (so the provisioner
    // would tune T1 for a second channel) while the reservation took a transceiver of T2, which
    // stayed dark and counted as used.
    PathComputer pc = pc(site("T", 1));
    Success first = ok(pc.computeAndReserve(PathRequest.between("T1", "TZ", List.of(M100))));
    assertEquals("T1", first.channels().get(0).aTransceiverNodeId());

    Failure f = refused(pc.computeAndReserve(PathRequest.between("T1", "TZ", List.of(M100))));
    assertEquals("T1", f.limitingElement());
    assertTrue(f.message().contains("transponder T1"), f.message());
    assertTrue(f.message().contains("T2 (2 free)"), "names the site-mate: " + f.message());
    assertEquals(1, used(pc, "T1"));
    assertEquals(0, used(pc, "T2"));

    // the same refusal the other way round, naming the transponder at the Z end
    Failure back = refused(pc.compute(PathRequest.between("TZ", "T1", List.of(M100))));
    assertEquals("T1", back.limitingElement());

    // T2's transceivers are T2's: a service naming it gets one, and its own line port
    Success viaT2 = ok(pc.computeAndReserve(PathRequest.between("T2", "TZ", List.of(M100))));
    assertEquals("T2", viaT2.channels().get(0).aTransceiverNodeId());
    assertEquals("T2", viaT2.channels().get(0).hops().get(0).fromNodeId());

    pc.release(first.reservation());
    assertEquals("T1", ok(pc.computeAndReserve(PathRequest.between("T1", "TZ", List.of(M100))))
        .channels().get(0).aTransceiverNodeId());
  }

  @Test
  void aTransponderWithoutTheModesTransceiverTypeIsRefusedEvenIfASiteMateHasIt() {
    // Old behaviour: T1 (type "X" only) was given T2's "T" transceiver and tuned to a "T" mode.
    PathComputer pc = pc(site("X", 4));
    Failure f = refused(pc.compute(PathRequest.between("T1", "TZ", List.of(M100))));
    assertEquals("T1", f.limitingElement());
    assertTrue(f.message().contains("T2"), f.message());
  }

  @Test
  void aBundleFromATransponderNeedsThatManyOfItsOwnTransceivers() {
    // Two channels on one route: T1 has two line ports but one transceiver. Old behaviour: the
    // second channel left T1 through l2 on a transceiver of T2.
    PathComputer pc = pc(site("T", 1));
    PathRequest bundle = PathRequest.between("T1", "TZ", List.of(M100))
        .withBundle(new Bundle(2, 1, 0));
    Failure f = refused(pc.compute(bundle));
    assertEquals("T1", f.limitingElement());
    Success s = ok(pc.compute(PathRequest.between("T2", "TZ", List.of(M100))
        .withBundle(new Bundle(2, 1, 0))));
    assertEquals(List.of(new TransceiverClaim("T2", "T"), new TransceiverClaim("TZ", "T"),
        new TransceiverClaim("T2", "T"), new TransceiverClaim("TZ", "T")),
        s.reservation().transceivers());
  }

  @Test
  void whenATransponderHasTransceiversButNoFreeLinePortTheRefusalNamesThePort() {
    // Already so before: line-port claims keep a route off a held port, whatever the transceivers.
    Topology t = new TopoBuilder()
        .node("T1", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 3))
        .node("T2", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 3))
        .node("TZ", NodeKind.TRANSPONDER, "", 0, Map.of("T", 10))
        .fiber("t1-1", "T1", "l1", "R1", "in1", 1).fiber("t2-1", "T2", "m1", "R1", "in2", 1)
        .fiber("r1r2", "R1", "out", "R2", "in", 100)
        .fiber("tz-1", "R2", "out1", "TZ", "z1", 1).fiber("tz-2", "R2", "out2", "TZ", "z2", 1)
        .build();
    PathComputer pc = pc(t);
    ok(pc.computeAndReserve(PathRequest.between("T1", "TZ", List.of(M100))));
    Failure f = refused(pc.computeAndReserve(PathRequest.between("T1", "TZ", List.of(M100))));
    assertEquals("T1", f.limitingElement());
    assertTrue(f.message().contains("line port l1"), f.message());
    assertEquals(1, used(pc, "T1"));
    assertEquals(0, used(pc, "T2"));
  }

  @Test
  void aRouteEndingAtARoadmStillDrawsOnItsSitesTransponders() {
    // Studies between ROADMs: the provisioner adds the hop from the transponder named here.
    PathComputer pc = pc(site("T", 1));
    List<String> holders = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      holders.add(ok(pc.computeAndReserve(PathRequest.between("R1", "TZ", List.of(M100))))
          .channels().get(0).aTransceiverNodeId());
    }
    assertEquals(List.of("T1", "T2", "T2"), holders);
    Failure f = refused(pc.compute(PathRequest.between("R1", "TZ", List.of(M100))));
    assertEquals("R1", f.limitingElement());
  }
}
