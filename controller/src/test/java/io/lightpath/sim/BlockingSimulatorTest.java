package io.lightpath.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.pce.PathMetric;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumPolicy;
import org.junit.jupiter.api.Test;

class BlockingSimulatorTest {

  private static BlockingSimulator.Settings settings(int slots, double load, PolicyName p,
      int requests, int... demands) {
    return new BlockingSimulator.Settings(slots, 5, PathMetric.HOPS, p.policy(), p.order(), load,
        10, 2_000, requests, demands);
  }

  /** One link with W wavelengths is an M/M/W/W queue: blocking must match Erlang B. */
  @Test
  void singleLinkMatchesErlangB() {
    Topology t = twoNodes();
    for (PolicyName p : PolicyName.all()) {
      BlockingSimulator sim = new BlockingSimulator(t, settings(10, 5, p, 200_000, 1));
      double b = sim.run(3).blockingProbability();
      assertEquals(erlangB(10, 5), b, 0.003, p.toString());
    }
  }

  private static Topology twoNodes() {
    return SimTopology.parse(json("{\"nodes\":[{\"id\":1},{\"id\":2}],"
        + "\"links\":[{\"source\":1,\"target\":2,\"length_km\":10}]}"), "test");
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static double erlangB(int servers, double load) {
    double b = 1;
    for (int n = 1; n <= servers; n++) {
      b = load * b / (n + load * b);
    }
    return b;
  }

  @Test
  void blockingGrowsWithLoadAndStateStaysConsistent() {
    Topology t = SimTopology.builtin("mesh6");
    PolicyName ff = new PolicyName(PathOrder.KSP, SpectrumPolicy.FIRST_FIT);
    double low = new BlockingSimulator(t, settings(16, 1, ff, 20_000, 1)).run(1)
        .blockingProbability();
    BlockingSimulator high = new BlockingSimulator(t, settings(16, 60, ff, 20_000, 1, 2, 3));
    double hb = high.run(1).blockingProbability();
    assertEquals(0.0, low, 1e-9);
    assertTrue(hb > 0.05, "blocking at high load " + hb);
    assertEquals(high.usedSlotFiberPairs(), high.usageTotal());
  }

  @Test
  void sameSeedSameResultDifferentSeedsDiffer() {
    Topology t = SimTopology.builtin("mesh6");
    for (PolicyName p : PolicyName.all()) {
      BlockingSimulator sim = new BlockingSimulator(t, settings(8, 30, p, 5_000, 1, 2));
      BlockingSimulator.RunResult a = sim.run(7);
      BlockingSimulator.RunResult b = sim.run(7);
      assertEquals(a, b, p.toString());
      assertEquals(sim.usedSlotFiberPairs(), sim.usageTotal(), p.toString());
    }
  }

  @Test
  void rejectsBadSettingsAndTopologies() {
    assertThrows(IllegalArgumentException.class, () -> settings(8, 1,
        PolicyName.parse("ksp-ff"), 10, 9));
    assertThrows(IllegalArgumentException.class, () -> PolicyName.parse("ksp-xx"));
    assertThrows(IllegalArgumentException.class,
        () -> SimTopology.parse(json("{\"nodes\":[{\"id\":1}],\"links\":[{\"source\":1}]}"), "t"));
    assertThrows(IllegalArgumentException.class, () -> SimTopology.parse(json(
        "{\"nodes\":[{\"id\":1}],\"links\":[{\"source\":1,\"target\":3,\"length_km\":1}]}"), "t"));
    assertThrows(IllegalArgumentException.class, () -> SimTopology.builtin("cube"));
  }

  @Test
  void policyNamesRoundTrip() {
    for (PolicyName p : PolicyName.all()) {
      assertEquals(p, PolicyName.parse(p.toString()));
    }
  }
}
