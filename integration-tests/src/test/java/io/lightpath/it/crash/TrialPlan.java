package io.lightpath.it.crash;

import io.lightpath.proto.v1.LineRate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What one trial does, drawn from its seed before anything runs so that a seed names the same
 * plan on every machine: the crash (a failpoint set to crash at its N-th hit, or a SIGKILL after a
 * delay) and the operations fired at the controller. Timing inside the controller is not
 * controlled, so a seed reproduces the plan, not necessarily the exact interleaving.
 *
 * @param seed the trial seed
 * @param failpoints {@code lightpath.failpoints} spec of the first run, empty for a plain SIGKILL
 * @param killAfterMs SIGKILL this long after the first operation; -1 when a failpoint crashes it
 * @param ops the operations, in order
 */
record TrialPlan(long seed, String failpoints, long killAfterMs, List<Op> ops) {

  /** One client call. */
  sealed interface Op permits Create, Delete {
    /** Pause after the call so provisioning of earlier services overlaps later calls. */
    long pauseMs();
  }

  /**
   * CreateService between two transponders.
   *
   * @param index position among the plan's creates, also part of the request id
   */
  record Create(int index, String requestId, String aNode, String zNode, LineRate rate, long pauseMs)
      implements Op {}

  /** DeleteService of the {@code createIndex}-th create, if that one was acknowledged. */
  record Delete(int createIndex, long pauseMs) implements Op {}

  static TrialPlan random(long seed, List<String> transponders, FailpointCatalog catalog) {
    // SplittableRandom: java.util.Random gives nearly equal first values for consecutive seeds
    RandomGenerator rnd = new SplittableRandom(seed);
    String failpoints = "";
    long killAfterMs = -1;
    if (rnd.nextDouble() < catalog.sigkillFraction()) {
      killAfterMs = rnd.nextInt(1500);
    } else {
      failpoints = catalog.pick(rnd);
    }
    List<Op> ops = new ArrayList<>();
    int creates = 0;
    int n = 2 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      long pause = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(250);
      if (creates > 0 && rnd.nextInt(4) == 0) {
        ops.add(new Delete(rnd.nextInt(creates), pause));
      } else {
        int a = rnd.nextInt(transponders.size());
        int z = (a + 1 + rnd.nextInt(transponders.size() - 1)) % transponders.size();
        LineRate rate = List.of(LineRate.LINE_RATE_100G, LineRate.LINE_RATE_200G, LineRate.LINE_RATE_400G)
            .get(rnd.nextInt(3));
        ops.add(new Create(creates, "crash-" + Long.toHexString(seed) + "-" + creates,
            transponders.get(a), transponders.get(z), rate, pause));
        creates++;
      }
    }
    if (failpoints.startsWith("delete.") && ops.stream().noneMatch(o -> o instanceof Delete)) {
      ops.add(new Delete(0, 0)); // a delete failpoint needs a delete to be reached
    }
    return new TrialPlan(seed, failpoints, killAfterMs, List.copyOf(ops));
  }

  /** One line for logs and reports. */
  String describe() {
    String crash = failpoints.isEmpty() ? "SIGKILL after " + killAfterMs + " ms" : "failpoint " + failpoints;
    return "seed " + seed + ": " + crash + ", ops " + ops;
  }
}
