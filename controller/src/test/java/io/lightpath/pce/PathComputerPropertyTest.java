package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathRequest.Protection;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random loops: random topologies, policies and requests (plain, 1+1, latency-bounded);
 * every success must be a well-formed, continuous, contiguous, free, disjoint-where-asked result,
 * and every failure must carry a reason and a message.
 */
class PathComputerPropertyTest {

  @Test
  void randomRequestsYieldConsistentResults() {
    Random rnd = new Random(2024);
    for (int round = 0; round < 30; round++) {
      Topology t = TopoBuilder.random(rnd.nextLong(), 6 + rnd.nextInt(6), 4 + rnd.nextInt(8));
      SpectrumPolicy policy = SpectrumPolicy.values()[rnd.nextInt(SpectrumPolicy.values().length)];
      PathOrder order = PathOrder.values()[rnd.nextInt(2)];
      PceConfig cfg = PceConfig.defaults().withPolicy(policy, order)
          .withEnforceTransceivers(false).withGuardSlots(rnd.nextInt(3));
      PathComputer pc = new PathComputer(t, TopoBuilder.LINEAR_QOT, cfg,
          new ResourceLedger(cfg.grid()));
      List<String> ids = List.copyOf(t.nodes().keySet());
      for (int i = 0; i < 150; i++) {
        String a = ids.get(rnd.nextInt(ids.size()));
        String z = ids.get(rnd.nextInt(ids.size()));
        if (a.equals(z)) {
          continue;
        }
        PathRequest req = PathRequest.between(a, z,
            List.of(TopoBuilder.M400, TopoBuilder.M200, TopoBuilder.M100));
        if (rnd.nextInt(4) == 0) {
          req = req.withProtection(Protection.ONE_PLUS_ONE);
        }
        if (rnd.nextInt(4) == 0) {
          req = req.withConstraints(Constraints.NONE.withMaxLatencyUs(2_000 + rnd.nextInt(8_000)));
        }
        ResourceSnapshot before = pc.ledger().snapshot();
        PathResult r = pc.computeAndReserve(req);
        if (r instanceof Failure f) {
          assertFalse(f.message().isBlank());
          continue;
        }
        check(t, cfg, req, (Success) r, before);
      }
    }
  }

  private static void check(Topology t, PceConfig cfg, PathRequest req, Success s,
      ResourceSnapshot before) {
    for (ComputedChannel ch : s.channels()) {
      List<ComputedChannel.Hop> hops = ch.hops();
      assertEquals(req.aNodeId(), hops.get(0).fromNodeId());
      assertEquals(req.zNodeId(), hops.get(hops.size() - 1).toNodeId());
      Set<String> visited = new HashSet<>();
      visited.add(req.aNodeId());
      double km = 0;
      for (int i = 0; i < hops.size(); i++) {
        ComputedChannel.Hop h = hops.get(i);
        Fiber f = t.fiber(h.fiberId());
        assertEquals(h.toNodeId(), f.otherEnd(h.fromNodeId()));
        if (i > 0) {
          assertEquals(hops.get(i - 1).toNodeId(), h.fromNodeId());
        }
        assertTrue(visited.add(h.toNodeId()), "loop at " + h.toNodeId());
        km += f.lengthKm();
        // the whole range, guard included, was free on this fiber before
        assertTrue(before.isFree(f.id(), ch.slots().withGuard(cfg.guardSlots())));
      }
      assertEquals(km, ch.lengthKm(), 1e-6);
      assertEquals(km * Fiber.DEFAULT_GROUP_DELAY_US_PER_KM, ch.latencyUs(), 1e-6);
      assertEquals(SpectrumGrid.slotsFor(ch.mode().widthMhz()), ch.slots().count());
      assertEquals(cfg.grid().centreFrequencyMhz(ch.slots()), ch.centreFrequencyMhz());
      assertTrue(ch.qot().gsnrDb() >= ch.mode().requiredGsnrDb() + cfg.qotMarginDb());
      if (req.constraints().hasLatencyBound()) {
        assertTrue(ch.latencyUs() <= req.constraints().maxLatencyUs());
      }
    }
    if (req.protection() == Protection.ONE_PLUS_ONE) {
      assertEquals(2, s.channels().size());
      List<String> w = s.channels().get(0).fiberIds();
      List<String> p = s.channels().get(1).fiberIds();
      assertTrue(w.stream().noneMatch(p::contains), "shared fiber " + w + " / " + p);
      Set<String> transit = new HashSet<>();
      for (ComputedChannel.Hop h : s.channels().get(0).hops()) {
        transit.add(h.toNodeId());
      }
      transit.remove(req.zNodeId());
      for (ComputedChannel.Hop h : s.channels().get(1).hops()) {
        assertFalse(transit.contains(h.toNodeId()), "shared node " + h.toNodeId());
      }
      assertEquals(s.channels().get(0).slots(), s.channels().get(1).slots());
    }
  }
}
