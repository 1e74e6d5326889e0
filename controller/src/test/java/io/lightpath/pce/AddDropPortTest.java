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
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.PortClaim;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceOp;
import io.lightpath.provisioning.LabBridge;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.provisioning.ProvisioningPlan;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The add/drop port a channel end claims at its ROADM is the port its light enters on: the port
 * the route's fiber from the transponder (or the OCS in front of it) lands on, or, for a route
 * that starts at the ROADM itself, a port the site transponder's patch cord lands on. Checked
 * against the provisioning plan ({@link ChannelMapper}), which configures the ROADM's media
 * channels from the fibers' ports.
 */
class AddDropPortTest {
  private static final PceConfig CFG = PceConfig.defaults();
  private static final ChannelMapper MAPPER = new ChannelMapper(ProvisioningConfig.defaults());

  private static PathComputer pc(Topology t) {
    return new PathComputer(t, LINEAR_QOT, CFG, new ResourceLedger(CFG.grid()));
  }

  private static Success ok(PathResult r) {
    return assertInstanceOf(Success.class, r, () -> "expected success, got " + r);
  }

  private static PathRequest req(String a, String z) {
    return PathRequest.between(a, z, List.of(M100));
  }

  /** Ports the reservation claims at {@code node}. */
  private static List<String> claimsAt(Success s, String node) {
    List<String> out = new ArrayList<>();
    for (PortClaim p : s.reservation().addDropPorts()) {
      if (p.nodeId().equals(node)) {
        out.add(p.portId());
      }
    }
    return out;
  }

  /** The ports of {@code roadm} the plan's media channels use, less its line ports. */
  private static Set<String> litAddPorts(Topology t, Success s, String roadm) {
    ProvisioningPlan plan = MAPPER.plan(t, s.channels());
    Set<String> out = new TreeSet<>();
    for (DeviceOp op : plan.ops()) {
      if (op instanceof DeviceOp.OpenMediaChannel m && m.nodeId().equals(roadm)) {
        out.add(m.sourcePort());
        out.add(m.destPort());
      }
    }
    out.removeIf(p -> p.equals("line-1") || p.equals("east") || p.equals("west"));
    return out;
  }

  /** R1 - R2 (100 km) - TZ (four line ports on R2, which models no add/drop ports). */
  private static TopoBuilder farEnd(TopoBuilder b) {
    b.fiber("r1r2", "R1", "line-1", "R2", "w", 100).transponder("TZ", 10, "z1", "z2", "z3", "z4");
    for (int i = 1; i <= 4; i++) {
      b.fiber("tz-" + i, "R2", "d" + i, "TZ", "z" + i, 0.01);
    }
    return b;
  }

  @Test
  void aPatchCordOnTheThirdAddPortClaimsThatPort() {
    // Old behaviour: the channel claimed add1 (first free in port order) while its light, over
    // the only cord of T1, enters R1 on add3, the port the plan's media channel is opened from.
    Topology t = farEnd(new TopoBuilder().roadmWithAddDrop("R1", "add1", "add2", "add3")
        .transponder("T1", 4, "l1").fiber("t1", "T1", "l1", "R1", "add3", 0.01)).build();
    PathComputer pc = pc(t);
    Success s = ok(pc.computeAndReserve(req("T1", "TZ")));
    assertEquals("t1", s.channels().get(0).fiberIds().get(0));
    assertEquals("add3", s.channels().get(0).aAddDropPortId());
    assertEquals("", s.channels().get(0).zAddDropPortId(), "R2 models no add/drop ports");
    assertEquals(List.of("add3"), claimsAt(s, "R1"));
    assertEquals(Set.of("add3"), litAddPorts(t, s, "R1"));
    // the same the other way round: the channel is dropped on add3
    pc.release(s.reservation());
    Success back = ok(pc.computeAndReserve(req("TZ", "T1")));
    assertEquals("add3", back.channels().get(0).zAddDropPortId());
    assertEquals(Set.of("add3"), litAddPorts(t, back, "R1"));
  }

  @Test
  void cordsLandingInReverseOrderOfTheirTranspondersEachClaimTheirOwnPort() {
    // Old behaviour: T1 (cord on add2) claimed add1 and T2 (cord on add1) claimed add2: the
    // ledger swapped the two services' ports.
    Topology t = farEnd(new TopoBuilder().roadmWithAddDrop("R1", "add1", "add2", "add3")
        .transponder("T1", 4, "l1").transponder("T2", 4, "m1")
        .fiber("t1", "T1", "l1", "R1", "add2", 0.01).fiber("t2", "T2", "m1", "R1", "add1", 0.01))
        .build();
    PathComputer pc = pc(t);
    Success first = ok(pc.computeAndReserve(req("T1", "TZ")));
    Success second = ok(pc.computeAndReserve(req("T2", "TZ")));
    assertEquals(List.of("add2"), claimsAt(first, "R1"));
    assertEquals(Set.of("add2"), litAddPorts(t, first, "R1"));
    assertEquals(List.of("add1"), claimsAt(second, "R1"));
    assertEquals(Set.of("add1"), litAddPorts(t, second, "R1"));
  }

  @Test
  void aCordWhoseAddPortIsHeldIsSkippedForItsTwin() {
    // add1 is held (a pinned external channel, or a channel added there from R1 itself). Old
    // behaviour: T1's service was bound to cord t1-1 (its line port was free), which lands on the
    // held add1, and claimed add2; a second one then took t1-2, lit add2 and claimed add3.
    Topology t = farEnd(new TopoBuilder().roadmWithAddDrop("R1", "add1", "add2", "add3")
        .transponder("T1", 4, "l1", "l2")
        .fiber("t1-1", "T1", "l1", "R1", "add1", 0.01).fiber("t1-2", "T1", "l2", "R1", "add2", 0.01))
        .build();
    PathComputer pc = pc(t);
    assertTrue(pc.reserve(new Reservation(List.of(), List.of(), List.of(),
        List.of(new PortClaim("R1", "add1")))).isEmpty());
    Success s = ok(pc.computeAndReserve(req("T1", "TZ")));
    assertEquals("t1-2", s.channels().get(0).fiberIds().get(0));
    assertEquals(List.of("add2"), claimsAt(s, "R1"));
    assertEquals(Set.of("add2"), litAddPorts(t, s, "R1"));
    // add3 is free but no cord of T1 lands on it
    Failure f = assertInstanceOf(Failure.class, pc.computeAndReserve(req("T1", "TZ")));
    assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
  }

  @Test
  void aTransponderWhoseOnlyCordLandsOnAHeldAddPortIsRefusedNamingTheRoadm() {
    // Old behaviour: accepted with add2 claimed and the light on the held add1.
    Topology t = farEnd(new TopoBuilder().roadmWithAddDrop("R1", "add1", "add2")
        .transponder("T1", 4, "l1").fiber("t1", "T1", "l1", "R1", "add1", 0.01)).build();
    PathComputer pc = pc(t);
    assertTrue(pc.reserve(new Reservation(List.of(), List.of(), List.of(),
        List.of(new PortClaim("R1", "add1")))).isEmpty());
    for (PathRequest r : List.of(req("T1", "TZ"), req("TZ", "T1"))) {
      Failure f = assertInstanceOf(Failure.class, pc.compute(r), r::toString);
      assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
      assertEquals("R1", f.limitingElement(), f.message());
      assertTrue(f.message().contains("add/drop port add1"), f.message());
    }
  }

  @Test
  void aCordOnAPortThatIsNoAddPortClaimsNoneAndColourlessRoadmsStayUnlimited() {
    // The light enters R1 on a port it does not model as ADD_DROP: claiming one of its add ports
    // would block a port nothing uses.
    Topology t = farEnd(new TopoBuilder().roadmWithAddDrop("R1", "add1")
        .transponder("T1", 4, "l1", "l2").fiber("t1-1", "T1", "l1", "R1", "x1", 0.01)
        .fiber("t1-2", "T1", "l2", "R1", "x2", 0.01)).build();
    PathComputer pc = pc(t);
    for (int i = 0; i < 2; i++) {
      Success s = ok(pc.computeAndReserve(req("T1", "TZ")));
      assertEquals("", s.channels().get(0).aAddDropPortId());
      assertEquals(List.of(), claimsAt(s, "R1"));
    }
    assertTrue(!pc.ledger().snapshot().portInUse("R1", "add1"));
  }

  /** The bundled six-site lab: transponders reach their ROADM's add ports through an OCS. */
  @Test
  void atAnOcsSiteTheClaimIsThePortTheOcsFiberLandsOn() throws Exception {
    // Old behaviour: with fern-roadm add1 held, fern-tp1's channel was bound to fern-ocs-a1
    // (lowest fiber with its OCS port free), which lands on add1, and claimed add2.
    Topology t = LabBridge.topology(LabTopologyFile.readBundled("hexa-metro.yaml"), M400.type());
    PathComputer pc = new PathComputer(t, LINEAR_QOT, CFG, new ResourceLedger(CFG.grid()));
    assertTrue(pc.reserve(new Reservation(List.of(), List.of(), List.of(),
        List.of(new PortClaim("fern-roadm", "add1")))).isEmpty());
    for (int i = 0; i < 2; i++) {
      String from = i == 0 ? "fern-tp1" : "fern-tp2";
      String to = i == 0 ? "iris-tp1" : "iris-tp2";
      Success s = ok(pc.computeAndReserve(PathRequest.between(from, to, List.of(M400))));
      List<String> fibers = s.channels().get(0).fiberIds();
      assertNotEquals("fern-ocs-a1", fibers.get(1), fibers.toString());
      String a = s.channels().get(0).aAddDropPortId();
      String z = s.channels().get(0).zAddDropPortId();
      assertEquals("add" + fibers.get(1).charAt(fibers.get(1).length() - 1), a, fibers.toString());
      String last = fibers.get(fibers.size() - 2);
      assertEquals("add" + last.charAt(last.length() - 1), z, fibers.toString());
      assertEquals(List.of(a), claimsAt(s, "fern-roadm"));
      assertEquals(List.of(z), claimsAt(s, "iris-roadm"));
      assertEquals(Set.of(a), litAddPorts(t, s, "fern-roadm"));
      assertEquals(Set.of(z), litAddPorts(t, s, "iris-roadm"));
    }
  }

  /**
   * Site s1: R1 (add1..add3), T1 (two "T" transceivers; cords l1 -> add2, l2 -> add3), T2 (one;
   * cord m1 -> add1); R1 has no transceivers of its own.
   */
  private static Topology pooledSite(int t1Tx) {
    return farEnd(new TopoBuilder().siteRoadm("R1", "s1", "add1", "add2", "add3")
        .node("T1", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", t1Tx))
        .node("T2", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 1))
        .fiber("t1-1", "T1", "l1", "R1", "add2", 0.01).fiber("t1-2", "T1", "l2", "R1", "add3", 0.01)
        .fiber("t2-1", "T2", "m1", "R1", "add1", 0.01)).build();
  }

  @Test
  void aRouteStartingAtTheRoadmClaimsAPortItsTransceiversCordLandsOn() {
    // Old behaviour: R1 -> TZ on T1's transceiver claimed add1 (T2's cord); the provisioner
    // found no cord of T1 on add1 and patched in over t1-1 (add2). T1 -> TZ then took t1-1 as
    // well (its line port was free in the ledger) and claimed add2: two channels on one cord.
    Topology t = pooledSite(2);
    PathComputer pc = pc(t);
    Success pooled = ok(pc.computeAndReserve(req("R1", "TZ")));
    assertEquals("T1", pooled.channels().get(0).aTransceiverNodeId());
    assertEquals("add2", pooled.channels().get(0).aAddDropPortId());
    assertEquals(Set.of("add2"), litAddPorts(t, pooled, "R1"));
    assertEquals("T1", MAPPER.plan(t, pooled.channels()).ends().get(0).aNodeId());
    Success direct = ok(pc.computeAndReserve(req("T1", "TZ")));
    assertEquals("t1-2", direct.channels().get(0).fiberIds().get(0));
    assertEquals(List.of("add3"), claimsAt(direct, "R1"));
    assertEquals(Set.of("add3"), litAddPorts(t, direct, "R1"));
    // the Z end of a route ending at the ROADM: T1 has no transceiver left, T2's cord is on add1
    Success back = ok(pc.computeAndReserve(req("TZ", "R1")));
    assertEquals("T2", back.channels().get(0).zTransceiverNodeId());
    assertEquals("add1", back.channels().get(0).zAddDropPortId());
    assertEquals(Set.of("add1"), litAddPorts(t, back, "R1"));
  }

  @Test
  void aRouteStartingAtTheRoadmPassesOverASiteTransponderWhoseCordsAreAllInUse() {
    // T1 has transceivers left but both its cords are held (t1-1 by a service, add3 by hand).
    // Old behaviour: T1 was picked and the provisioner patched it in over its busy cord t1-1
    // (the first service lit add2 over t1-1 but had claimed add1, so add2 was claimed again).
    Topology t = pooledSite(3);
    PathComputer pc = pc(t);
    ok(pc.computeAndReserve(req("T1", "TZ")));
    assertTrue(pc.reserve(new Reservation(List.of(), List.of(), List.of(),
        List.of(new PortClaim("R1", "add3")))).isEmpty());
    Success pooled = ok(pc.computeAndReserve(req("R1", "TZ")));
    assertEquals("T2", pooled.channels().get(0).aTransceiverNodeId());
    assertEquals("add1", pooled.channels().get(0).aAddDropPortId());
    assertEquals(Set.of("add1"), litAddPorts(t, pooled, "R1"));
    Failure f = assertInstanceOf(Failure.class, pc.compute(req("R1", "TZ")));
    assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
  }

  @Test
  void servicesComingAndGoingKeepEveryClaimOnThePortItsLightUses() {
    // Site s1: R1 with add1..add6 and three transponders whose cords land out of port order;
    // services from the transponders and from R1 itself (on a site transponder), both ways,
    // created and deleted at random. After every step the ledger's claims at R1 must be the ports
    // the plans light, each held once.
    TopoBuilder b = new TopoBuilder().siteRoadm("R1", "s1", "add1", "add2", "add3", "add4",
            "add5", "add6")
        .node("TA", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 2))
        .node("TB", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 1))
        .node("TC", NodeKind.TRANSPONDER, "s1", 0, Map.of("T", 3))
        .fiber("ta-1", "TA", "l1", "R1", "add5", 0.01).fiber("ta-2", "TA", "l2", "R1", "add2", 0.01)
        .fiber("tb-1", "TB", "l1", "R1", "add6", 0.01)
        .fiber("tc-1", "TC", "l1", "R1", "add1", 0.01).fiber("tc-2", "TC", "l2", "R1", "add4", 0.01)
        .fiber("tc-3", "TC", "l3", "R1", "add3", 0.01)
        .fiber("r1r2", "R1", "line-1", "R2", "w", 100)
        .node("TZ", NodeKind.TRANSPONDER, "", 0, Map.of("T", 50));
    for (int i = 1; i <= 8; i++) {
      b.fiber("tz-" + i, "R2", "d" + i, "TZ", "z" + i, 0.01);
    }
    Topology t = b.build();
    List<String> ends = List.of("TA", "TB", "TC", "R1");
    int served = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      PathComputer pc = pc(t);
      Map<Success, String> held = new HashMap<>(); // service -> the add port its light uses
      List<Success> order = new ArrayList<>();
      for (int step = 0; step < 200; step++) {
        if (!order.isEmpty() && rnd.nextInt(5) < 2) {
          Success gone = order.remove(rnd.nextInt(order.size()));
          pc.release(gone.reservation());
          held.remove(gone);
        } else {
          String end = ends.get(rnd.nextInt(ends.size()));
          PathRequest r = rnd.nextBoolean() ? req(end, "TZ") : req("TZ", end);
          PathResult res = pc.computeAndReserve(r);
          if (res instanceof Failure f) {
            assertEquals(FailureReason.NO_TRANSCEIVER, f.reason(), f.message());
            continue;
          }
          Success s = (Success) res;
          Set<String> lit = litAddPorts(t, s, "R1");
          assertEquals(1, lit.size(), "seed " + seed + " step " + step + ": " + lit);
          assertEquals(new ArrayList<>(lit), claimsAt(s, "R1"),
              "seed " + seed + " step " + step + " " + r + ": claim is not the lit port");
          held.put(s, lit.iterator().next());
          order.add(s);
          served++;
        }
        Set<String> litNow = new HashSet<>();
        for (String p : held.values()) {
          assertTrue(litNow.add(p), "seed " + seed + " step " + step + ": " + p + " lit twice");
        }
        for (int i = 1; i <= 6; i++) {
          String p = "add" + i;
          assertEquals(litNow.contains(p), pc.ledger().snapshot().portInUse("R1", p),
              "seed " + seed + " step " + step + ": ledger and light disagree on " + p);
        }
      }
    }
    assertTrue(served > 100, "too few services to mean anything: " + served);
  }
}
