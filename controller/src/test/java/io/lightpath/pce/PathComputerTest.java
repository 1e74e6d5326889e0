package io.lightpath.pce;

import static io.lightpath.pce.TopoBuilder.LINEAR_QOT;
import static io.lightpath.pce.TopoBuilder.M100;
import static io.lightpath.pce.TopoBuilder.M200;
import static io.lightpath.pce.TopoBuilder.M400;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathRequest.Bundle;
import io.lightpath.pce.PathRequest.Protection;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathComputerTest {
  private static final PceConfig CFG = PceConfig.defaults()
      .withPolicy(SpectrumPolicy.FIRST_FIT, PathOrder.KSP).withEnforceTransceivers(false);

  private static final List<String> DETOUR = List.of("ae", "ef", "fg", "gd");

  /** A-B-C-D in a line (200 km each) plus a long 4-hop A-E-F-G-D detour (400 km each). */
  private static Topology lineWithDetour() {
    return detour(new TopoBuilder()
        .fiber("ab", "A", "B", 200).fiber("bc", "B", "C", 200).fiber("cd", "C", "D", 200));
  }

  private static Topology detour(TopoBuilder b) {
    return b.fiber("ae", "A", "E", 400).fiber("ef", "E", "F", 400).fiber("fg", "F", "G", 400)
        .fiber("gd", "G", "D", 400).build();
  }

  private static PathComputer pc(Topology t, PceConfig cfg) {
    return new PathComputer(t, LINEAR_QOT, cfg, new ResourceLedger(cfg.grid()));
  }

  private static Success ok(PathResult r) {
    return assertInstanceOf(Success.class, r, () -> "expected success, got " + r);
  }

  private static Failure fail(PathResult r, FailureReason reason) {
    Failure f = assertInstanceOf(Failure.class, r, () -> "expected failure, got " + r);
    assertEquals(reason, f.reason(), f.message());
    assertFalse(f.message().isBlank());
    return f;
  }

  @Test
  void singleChannelGetsShortestRouteFirstSlotModeAndFigures() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    Success s = ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M400))));
    ComputedChannel ch = s.channels().get(0);
    assertEquals(List.of("ab", "bc", "cd"), ch.fiberIds());
    assertEquals(new SlotRange(0, 12), ch.slots());
    assertEquals(SpectrumGrid.C_BAND.startMhz() + 6 * 6_250, ch.centreFrequencyMhz());
    assertEquals(75_000, ch.widthMhz());
    assertEquals(600, ch.lengthKm(), 1e-9);
    assertEquals(600 * 4.9, ch.latencyUs(), 1e-9);
    assertEquals(24.0, ch.qot().gsnrDb(), 1e-9);
    assertEquals("A", ch.hops().get(0).fromNodeId());
    assertEquals("D", ch.hops().get(2).toNodeId());
    // next request cannot get the same slots
    Success s2 = ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M400))));
    assertEquals(new SlotRange(12, 12), s2.channels().get(0).slots());
  }

  @Test
  void nodeDelayCountsInLatency() {
    Topology t = new TopoBuilder()
        .node("A", NodeKind.ROADM, "", 10, Map.of()).node("B", NodeKind.ROADM, "", 20, Map.of())
        .node("C", NodeKind.ROADM, "", 30, Map.of())
        .fiber("ab", "A", "B", 100).fiber("bc", "B", "C", 100).build();
    Success s = ok(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M100))));
    assertEquals(200 * 4.9 + 60, s.channels().get(0).latencyUs(), 1e-9);
  }

  @Test
  void modeSelectionHighestRateOrNarrowestThatClearsQot() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    List<io.lightpath.model.TransceiverMode> modes = List.of(M100, M400, M200);
    assertEquals(M400, ok(pc.compute(PathRequest.between("A", "D", modes)))
        .channels().get(0).mode());
    assertEquals(M100, ok(pc.compute(PathRequest.between("A", "D", modes)
        .withModePreference(ModePreference.NARROWEST))).channels().get(0).mode());
    // over the 1,600 km detour GSNR is 14 dB: 400G (20+1) fails, 200G needs 15, 100G needs 11
    PathRequest detour = PathRequest.between("A", "D", modes)
        .withConstraints(Constraints.NONE.withInclude(Set.of("E"), Set.of()));
    ComputedChannel ch = ok(pc.compute(detour)).channels().get(0);
    assertEquals(M100, ch.mode());
    assertEquals(DETOUR, ch.fiberIds());
  }

  @Test
  void qotInfeasibleNamesTheLongestFiber() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 300).fiber("bc", "B", "C", 2200).build();
    Failure f = fail(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M400, M100))),
        FailureReason.QOT_INFEASIBLE);
    assertEquals("bc", f.limitingElement());
  }

  @Test
  void noSpectrumNamesTheFullFiber() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    List<SlotClaim> fill = new ArrayList<>();
    fill.add(new SlotClaim("bc", new SlotRange(0, 768)));
    fill.add(new SlotClaim("fg", new SlotRange(0, 768)));
    assertTrue(pc.reserve(Reservation.ofSlots(fill)).isEmpty());
    Failure f = fail(pc.compute(PathRequest.between("A", "D", List.of(M100))),
        FailureReason.NO_SPECTRUM);
    assertEquals("bc", f.limitingElement());
    assertTrue(f.message().contains("bc"), f.message());
  }

  @Test
  void continuityFragmentedSpectrumOnTwoFibersBlocksEvenWhenEachHasRoom() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 100).fiber("bc", "B", "C", 100).build();
    PathComputer pc = pc(t, CFG);
    // ab free only in [0,384), bc free only in [384,768): each fiber has 384 free slots
    assertTrue(pc.reserve(Reservation.ofSlots(List.of(
        new SlotClaim("ab", new SlotRange(384, 384)),
        new SlotClaim("bc", new SlotRange(0, 384))))).isEmpty());
    Failure f = fail(pc.compute(PathRequest.between("A", "C", List.of(M100))),
        FailureReason.NO_SPECTRUM);
    assertEquals("bc", f.limitingElement());
    ok(pc.compute(PathRequest.between("A", "B", List.of(M100))));
  }

  @Test
  void contiguityNeedsOneRunOfSlots() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 100).build();
    PathComputer pc = pc(t, CFG);
    List<SlotClaim> holes = new ArrayList<>();
    for (int s = 0; s < 768; s += 8) {
      holes.add(new SlotClaim("ab", new SlotRange(s, 1))); // 7-slot holes only
    }
    assertTrue(pc.reserve(Reservation.ofSlots(holes)).isEmpty());
    fail(pc.compute(PathRequest.between("A", "B", List.of(M100))), FailureReason.NO_SPECTRUM);
  }

  @Test
  void latencyBoundRejectsOrFindsAFasterRouteBeyondK() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    Failure f = fail(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withConstraints(Constraints.NONE.withMaxLatencyUs(2000))),
        FailureReason.LATENCY_EXCEEDED);
    assertEquals("max_latency_us", f.limitingElement(), "the constraint's name in the API");
    // hop-shortest with k=1 is the 2,000 km direct fiber; the bound forces the 2-hop route
    Topology t = new TopoBuilder().fiber("ad", "A", "D", 2000).fiber("ab", "A", "B", 100)
        .fiber("bd", "B", "D", 100).build();
    Success s = ok(pc(t, CFG).compute(PathRequest.between("A", "D", List.of(M100))
        .withConstraints(Constraints.NONE.withK(1).withMaxLatencyUs(3000))));
    assertEquals(List.of("ab", "bd"), s.channels().get(0).fiberIds());
  }

  @Test
  void noRouteWhenDisconnectedOrExcluded() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 1).roadm("Z").build();
    fail(pc(t, CFG).compute(PathRequest.between("A", "Z", List.of(M100))),
        FailureReason.NO_ROUTE);
    fail(pc(lineWithDetour(), CFG).compute(PathRequest.between("A", "D", List.of(M100))
        .withConstraints(Constraints.NONE.withExclude(Set.of("B", "E"), Set.of(), Set.of()))),
        FailureReason.NO_ROUTE);
  }

  @Test
  void excludeSrlgAvoidsTheGroup() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 100, "duct9").fiber("bc", "B", "C", 100)
        .fiber("ac", "A", "C", 900).build();
    Success s = ok(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M100))
        .withConstraints(Constraints.NONE.withMetric(PathMetric.KM)
            .withExclude(Set.of(), Set.of(), Set.of("duct9")))));
    assertEquals(List.of("ac"), s.channels().get(0).fiberIds());
  }

  @Test
  void constraintConflicts() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100)).withConstraints(
        Constraints.NONE.withInclude(Set.of("B"), Set.of())
            .withExclude(Set.of("B"), Set.of(), Set.of()))), FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "nowhere", List.of(M100))),
        FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of())), FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withPinnedSlots(new SlotRange(0, 12))), FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withBundle(new Bundle(2, 3, 0))), FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withBundle(new Bundle(1, 1, 0)).withPinnedSlots(new SlotRange(0, 8))),
        FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withProtection(Protection.ONE_PLUS_ONE)
        .withConstraints(Constraints.NONE.withInclude(Set.of("B"), Set.of()))),
        FailureReason.CONSTRAINT_CONFLICT);
    fail(pc.compute(PathRequest.between("A", "D", List.of(M100)).withConstraints(
        Constraints.NONE.withExclude(Set.of("A"), Set.of(), Set.of()))),
        FailureReason.CONSTRAINT_CONFLICT);
  }

  @Test
  void pinnedSlotsAreHonouredOrReportedTaken() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    PathRequest r = PathRequest.between("A", "D", List.of(M100))
        .withPinnedSlots(new SlotRange(100, 8));
    Success s = ok(pc.computeAndReserve(r));
    assertEquals(new SlotRange(100, 8), s.channels().get(0).slots());
    // the same slots are now taken on A-B-C-D but free on the detour
    assertEquals(DETOUR, ok(pc.computeAndReserve(r)).channels().get(0).fiberIds());
    fail(pc.compute(r), FailureReason.NO_SPECTRUM);
  }

  @Test
  void guardBandSeparatesChannels() {
    PathComputer pc = pc(lineWithDetour(), CFG.withGuardSlots(2));
    ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100))));
    Success s = ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100))));
    assertEquals(new SlotRange(10, 8), s.channels().get(0).slots());
    assertEquals(new SlotRange(10, 10), s.reservation().slots().get(0).range());
  }

  @Test
  void transceiverInventoryIsEnforcedPerSite() {
    Topology t = new TopoBuilder()
        .node("A", NodeKind.ROADM, "siteA", 0, Map.of())
        .node("TA", NodeKind.TRANSPONDER, "siteA", 0, Map.of("T", 1))
        .node("B", NodeKind.ROADM, "", 0, Map.of("T", 5))
        .fiber("ab", "A", "B", 100).build();
    PceConfig cfg = CFG.withEnforceTransceivers(true);
    PathComputer pc = pc(t, cfg);
    Success s = ok(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))));
    assertEquals("TA", s.channels().get(0).aTransceiverNodeId());
    assertEquals("B", s.channels().get(0).zTransceiverNodeId());
    Failure f = fail(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))),
        FailureReason.NO_TRANSCEIVER);
    assertEquals("A", f.limitingElement());
    pc.release(s.reservation());
    ok(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))));
  }

  @Test
  void roadmAddDropPortsLimitChannelsAddedThere() {
    Topology t = new TopoBuilder().roadmWithAddDrop("A", "ad-1", "ad-2")
        .fiber("ab", "A", "B", 100).fiber("bc", "B", "C", 100).fiber("xa", "X", "A", 100)
        .build();
    PathComputer pc = pc(t, CFG);
    Success first = ok(pc.computeAndReserve(PathRequest.between("A", "C", List.of(M100))));
    assertEquals("ad-1", first.channels().get(0).aAddDropPortId());
    assertEquals("", first.channels().get(0).zAddDropPortId());
    assertEquals("ad-2", ok(pc.computeAndReserve(PathRequest.between("C", "A", List.of(M100))))
        .channels().get(0).zAddDropPortId());
    Failure f = fail(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))),
        FailureReason.NO_TRANSCEIVER);
    assertEquals("A", f.limitingElement());
    assertTrue(f.message().contains("add/drop"), f.message());
    // express traffic through A (X-A-B) is not limited by A's add/drop ports
    assertEquals(List.of("xa", "ab"), ok(pc.compute(PathRequest.between("X", "B",
        List.of(M100)))).channels().get(0).fiberIds());
    pc.release(first.reservation());
    assertEquals("ad-1", ok(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))))
        .channels().get(0).aAddDropPortId());
  }

  @Test
  void ocsCrossConnectBlocksOtherFibersOnThePort() {
    Topology t = new TopoBuilder()
        .node("O", NodeKind.OCS, "", 0, Map.of())
        .fiber("ao", "A", "O", 10).fiber("ob", "O", "B", 10).fiber("oc", "O", "C", 10).build();
    PathComputer pc = pc(t, CFG);
    Success first = ok(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))));
    assertEquals(1, first.reservation().crossConnects().size());
    // same cross-connect: fine, and spectrum continuity still applies through the OCS
    Success second = ok(pc.computeAndReserve(PathRequest.between("A", "B", List.of(M100))));
    assertEquals(8, second.channels().get(0).slots().first());
    Failure f = fail(pc.compute(PathRequest.between("A", "C", List.of(M100))),
        FailureReason.NO_ROUTE);
    assertEquals("O", f.limitingElement());
    // B-C through the OCS needs the port of ob, which is joined to ao
    fail(pc.compute(PathRequest.between("B", "C", List.of(M100))), FailureReason.NO_ROUTE);
    pc.release(first.reservation());
    fail(pc.compute(PathRequest.between("A", "C", List.of(M100))), FailureReason.NO_ROUTE);
    pc.release(second.reservation());
    ok(pc.compute(PathRequest.between("A", "C", List.of(M100))));
  }

  @Test
  void onePlusOneOnTheTrapIsDisjointAndUsesTheSameSlots() {
    PathComputer pc = pc(DisjointPathsTest.trap(), CFG);
    Success s = ok(pc.computeAndReserve(PathRequest.between("S", "T", List.of(M100))
        .withProtection(Protection.ONE_PLUS_ONE)));
    assertEquals(2, s.channels().size());
    ComputedChannel w = s.channels().get(0);
    ComputedChannel p = s.channels().get(1);
    assertEquals(ComputedChannel.Role.WORKING, w.role());
    assertEquals(ComputedChannel.Role.PROTECTION, p.role());
    assertEquals(w.slots(), p.slots());
    for (String f : w.fiberIds()) {
      assertFalse(p.fiberIds().contains(f));
    }
    assertEquals(10.0, w.lengthKm() + p.lengthKm(), 1e-9);
  }

  @Test
  void onePlusOneFailsWithoutADisjointPair() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 1).fiber("bc", "B", "C", 1).build();
    fail(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M100))
        .withProtection(Protection.ONE_PLUS_ONE)), FailureReason.NO_ROUTE);
  }

  @Test
  void includeFiberForcesTheRouteThroughIt() {
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 100).fiber("bc", "B", "C", 100)
        .fiber("ax", "A", "X", 100).fiber("xc", "X", "C", 100).fiber("xb", "X", "B", 10).build();
    Success s = ok(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M100))
        .withConstraints(Constraints.NONE.withInclude(Set.of(), Set.of("xb")))));
    assertTrue(s.channels().get(0).fiberIds().contains("xb"), s.toString());
  }

  @Test
  void diverseFromAlsoAvoidsSharedRiskGroups() {
    // the existing service uses ab (SRLG duct); ax shares the duct, so only ay-yc-... remains
    Topology t = new TopoBuilder().fiber("ab", "A", "B", 100, "duct").fiber("bc", "B", "C", 100)
        .fiber("ax", "A", "X", 100, "duct").fiber("xc", "X", "C", 100)
        .fiber("ay", "A", "Y", 300).fiber("yc", "Y", "C", 300).build();
    Success s = ok(pc(t, CFG).compute(PathRequest.between("A", "C", List.of(M100))
        .withConstraints(Constraints.NONE.withDiverseFrom(List.of(List.of("ab", "bc"))))));
    assertEquals(List.of("ay", "yc"), s.channels().get(0).fiberIds());
  }

  @Test
  void diverseFromAnExistingServiceAvoidsItsFibersAndNodes() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    Success s = ok(pc.compute(PathRequest.between("A", "D", List.of(M100))
        .withConstraints(Constraints.NONE.withDiverseFrom(List.of(List.of("ab", "bc", "cd"))))));
    assertEquals(DETOUR, s.channels().get(0).fiberIds());
  }

  @Test
  void bundleSpreadsChannelsOverDisjointRoutesWithinSkew() {
    Topology t = new TopoBuilder()
        .fiber("ax", "A", "X", 100).fiber("xz", "X", "Z", 100)
        .fiber("ay", "A", "Y", 120).fiber("yz", "Y", "Z", 120)
        .fiber("aw", "A", "W", 1000).fiber("wz", "W", "Z", 1000).build();
    PathComputer pc = pc(t, CFG);
    Success s = ok(pc.computeAndReserve(PathRequest.between("A", "Z", List.of(M100))
        .withBundle(new Bundle(3, 2, 250))));
    assertEquals(3, s.channels().size());
    long routes = s.channels().stream().map(ComputedChannel::fiberIds).distinct().count();
    assertEquals(2, routes);
    double max = s.channels().stream().mapToDouble(ComputedChannel::latencyUs).max().orElseThrow();
    double min = s.channels().stream().mapToDouble(ComputedChannel::latencyUs).min().orElseThrow();
    assertTrue(max - min <= 250);
    // three disjoint routes with a 100 µs skew bound: the 2,000 km route breaks it
    fail(pc.compute(PathRequest.between("A", "Z", List.of(M100))
        .withBundle(new Bundle(3, 3, 100))), FailureReason.LATENCY_EXCEEDED);
  }

  @Test
  void bundleIsAllOrNothing() {
    Topology t = new TopoBuilder()
        .fiber("ax", "A", "X", 100).fiber("xz", "X", "Z", 100)
        .fiber("ay", "A", "Y", 100).fiber("yz", "Y", "Z", 100).build();
    PathComputer pc = pc(t, CFG);
    // leave room for exactly one 50 GHz channel on the Y route
    assertTrue(pc.reserve(Reservation.ofSlots(List.of(
        new SlotClaim("yz", new SlotRange(8, 760))))).isEmpty());
    long before = pc.ledger().snapshot().version();
    fail(pc.computeAndReserve(PathRequest.between("A", "Z", List.of(M100))
        .withBundle(new Bundle(4, 2, 0))), FailureReason.NO_SPECTRUM);
    assertEquals(before, pc.ledger().snapshot().version());
    assertEquals(0, pc.ledger().snapshot().usedSlots("ax"));
  }

  @Test
  void topologyUpdateInvalidatesCachedRoutes() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    assertEquals(List.of("ab", "bc", "cd"), ok(pc.compute(PathRequest.between("A", "D",
        List.of(M100)).withConstraints(Constraints.NONE.withK(1)))).channels().get(0).fiberIds());
    pc.updateTopology(detour(new TopoBuilder()
        .fiber("ab", "A", "B", 200).fiber("cd", "C", "D", 200)));
    assertEquals(DETOUR, ok(pc.compute(PathRequest.between("A", "D",
        List.of(M100)).withConstraints(Constraints.NONE.withK(1)))).channels().get(0).fiberIds());
  }

  @Test
  void everyPolicyAndOrderReturnsAValidFreeRange() {
    for (SpectrumPolicy p : SpectrumPolicy.values()) {
      for (PathOrder o : PathOrder.values()) {
        PathComputer pc = pc(lineWithDetour(), CFG.withPolicy(p, o));
        for (int i = 0; i < 40; i++) {
          PathResult r = pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100)));
          if (!r.isSuccess()) {
            fail(r, FailureReason.NO_SPECTRUM);
            break;
          }
        }
        assertTrue(pc.ledger().snapshot().usedSlots("ab") > 0, p + " " + o);
      }
    }
  }

  @Test
  void releaseOfSomethingNotHeldChangesNothing() {
    PathComputer pc = pc(lineWithDetour(), CFG);
    Success s = ok(pc.computeAndReserve(PathRequest.between("A", "D", List.of(M100))));
    Reservation bogus = Reservation.ofSlots(List.of(
        s.reservation().slots().get(0), new SlotClaim("ae", new SlotRange(0, 8))));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> pc.release(bogus));
    assertEquals(8, pc.ledger().snapshot().usedSlots("ab"));
  }
}
