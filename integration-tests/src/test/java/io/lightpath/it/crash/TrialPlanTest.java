package io.lightpath.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trial plans and failpoint picks are a function of the seed and stay inside the catalog. */
class TrialPlanTest {
  private static final List<String> TPS = List.of("a-tp1", "b-tp1", "c-tp1");

  @Test
  void aSeedNamesOnePlan() {
    FailpointCatalog c = new FailpointCatalog(FailpointCatalog.DEFAULT, 0.2);
    assertEquals(TrialPlan.random(42, TPS, c), TrialPlan.random(42, TPS, c));
    assertNotEquals(TrialPlan.random(42, TPS, c), TrialPlan.random(43, TPS, c));
  }

  @Test
  void picksStayInTheirRangesAndCrash() {
    FailpointCatalog c = new FailpointCatalog(List.of("provision.after-device-{0..3}@2"), 0);
    Set<String> seen = new HashSet<>();
    Random rnd = new Random(1);
    for (int i = 0; i < 500; i++) {
      seen.add(c.pick(rnd));
    }
    Set<String> all = new HashSet<>();
    for (int d = 0; d <= 3; d++) {
      for (int hit = 1; hit <= 2; hit++) {
        all.add("provision.after-device-" + d + ":crash@" + hit);
      }
    }
    assertEquals(all, seen);
    assertEquals(List.of("provision.after-device-0", "provision.after-device-1", "provision.after-device-2",
        "provision.after-device-3"), c.names());
  }

  @Test
  void plansNeverCreateAServiceFromANodeToItselfAndDeleteFailpointsGetADelete() {
    FailpointCatalog c = new FailpointCatalog(List.of("delete.before-deleted"), 0);
    for (long seed = 0; seed < 200; seed++) {
      TrialPlan p = TrialPlan.random(seed, TPS, c);
      assertTrue(p.ops().stream().anyMatch(o -> o instanceof TrialPlan.Delete), p.describe());
      for (TrialPlan.Op op : p.ops()) {
        if (op instanceof TrialPlan.Create cr) {
          assertNotEquals(cr.aNode(), cr.zNode(), p.describe());
        }
      }
    }
  }

  @Test
  void aShareOfPlansIsAPlainSigkill() {
    FailpointCatalog c = new FailpointCatalog(FailpointCatalog.DEFAULT, 0.2);
    int kills = 0;
    for (long seed = 0; seed < 1000; seed++) {
      TrialPlan p = TrialPlan.random(seed, TPS, c);
      assertEquals(p.failpoints().isEmpty(), p.killAfterMs() >= 0, p.describe());
      kills += p.failpoints().isEmpty() ? 1 : 0;
    }
    assertTrue(kills > 150 && kills < 250, kills + " of 1000");
  }

  @Test
  void aHitRangeIsHonoured() {
    FailpointCatalog c = new FailpointCatalog(List.of("store.after-commit@8..10"), 0);
    Set<String> seen = new HashSet<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 200; i++) {
      seen.add(c.pick(rnd));
    }
    assertEquals(Set.of("store.after-commit:crash@8", "store.after-commit:crash@9", "store.after-commit:crash@10"),
        seen);
  }

  @Test
  void malformedEntriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new FailpointCatalog(List.of("x{1..}"), 0.2));
    assertThrows(IllegalArgumentException.class, () -> new FailpointCatalog(List.of(), 0.5));
  }
}
