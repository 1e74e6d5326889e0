package io.lightpath.pce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathResult.Success;
import io.lightpath.pce.Reservation.SlotClaim;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads compute and reserve (and release) at once on a small mesh; afterwards no two held
 * results share a slot on any fiber, and the ledger holds exactly the union of what they hold.
 */
class ConcurrentReservationTest {

  @Test
  void noTwoRequestsEverGetTheSameSlots() throws Exception {
    for (SpectrumPolicy policy : List.of(SpectrumPolicy.FIRST_FIT, SpectrumPolicy.RANDOM)) {
      Topology t = TopoBuilder.random(11, 7, 6);
      PceConfig cfg = PceConfig.defaults().withPolicy(policy, PathOrder.KSP)
          .withEnforceTransceivers(false);
      PathComputer pc = new PathComputer(t,
          (fs, ns, m) -> new io.lightpath.qot.QotEstimate(30, 33, 30 - m.requiredGsnrDb()),
          cfg, new ResourceLedger(cfg.grid()));
      int threads = 8;
      ConcurrentLinkedQueue<Success> held = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        long seed = th;
        futures.add(pool.submit(() -> {
          start.await();
          Random rnd = new Random(seed);
          List<Success> mine = new ArrayList<>();
          for (int i = 0; i < 400; i++) {
            String a = "n" + rnd.nextInt(7);
            String z = "n" + rnd.nextInt(7);
            if (a.equals(z)) {
              continue;
            }
            PathResult r = pc.computeAndReserve(PathRequest.between(a, z, List.of(
                rnd.nextBoolean() ? TopoBuilder.M100 : TopoBuilder.M400)));
            if (r instanceof Success s) {
              mine.add(s);
            }
            if (!mine.isEmpty() && rnd.nextInt(3) == 0) {
              pc.release(mine.remove(rnd.nextInt(mine.size())).reservation());
            }
          }
          held.addAll(mine);
          return null;
        }));
      }
      start.countDown();
      for (var f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertFalse(held.isEmpty());
      Map<String, long[]> union = new HashMap<>();
      for (Success s : held) {
        for (SlotClaim c : s.reservation().slots()) {
          long[] bits = union.computeIfAbsent(c.fiberId(), k -> new long[12]);
          SlotRange r = c.range();
          assertFalse(SlotBits.anySet(bits, r.first(), r.end()),
              "slots " + r + " on " + c.fiberId() + " held twice (" + policy + ")");
          SlotBits.set(bits, r.first(), r.end());
        }
      }
      ResourceSnapshot snap = pc.ledger().snapshot();
      for (Fiber f : t.fibers().values()) {
        assertArrayEquals(union.getOrDefault(f.id(), new long[12]), snap.occupancy(f.id()),
            "ledger differs from held results on " + f.id());
      }
      int[] usage = new int[768];
      for (long[] bits : union.values()) {
        for (int i = 0; i < 768; i++) {
          usage[i] += SlotBits.get(bits, i) ? 1 : 0;
        }
      }
      assertArrayEquals(usage, snap.slotUsage(), "per-slot usage counters drifted");
      assertTrue(snap.version() > held.size());
    }
  }

  @Test
  void racingReservationsOfTheSameSlotsHaveExactlyOneWinner() throws Exception {
    PceConfig cfg = PceConfig.defaults();
    for (int round = 0; round < 200; round++) {
      ResourceLedger ledger = new ResourceLedger(cfg.grid());
      Topology t = new TopoBuilder().fiber("x", "A", "B", 1).fiber("y", "B", "C", 1).build();
      int threads = 4;
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      int[] wins = new int[1];
      for (int i = 0; i < threads; i++) {
        // each claims slot 5 on y plus its own slot on x: all overlap on y
        Reservation r = Reservation.ofSlots(List.of(new SlotClaim("x", new SlotRange(i, 1)),
            new SlotClaim("y", new SlotRange(5, 1))));
        Thread th = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (ledger.reserve(r, t).isEmpty()) {
            synchronized (wins) {
              wins[0]++;
            }
          }
        });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) {
        th.join();
      }
      assertEquals(1, wins[0]);
      // all or nothing: only the winner's slot on x is set
      assertEquals(1, ledger.snapshot().usedSlots("x"));
      assertEquals(1, ledger.snapshot().usedSlots("y"));
    }
  }
}
