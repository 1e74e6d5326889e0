package io.lightpath.it.crash;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs randomized crash trials against the controller jar and an emulated lab in this JVM. Used
 * by {@link CrashTrialsIT} (50 trials in CI) and, as a main class, for thousands on demand; see
 * docs/crash-testing.md.
 *
 * <p>System properties: {@code lightpath.crash.trials} (default 50), {@code lightpath.crash.seed}
 * (first trial's seed; trial i uses seed + i; default: random, printed), {@code
 * lightpath.crash.failpoints}, {@code lightpath.crash.sigkillFraction} (see {@link
 * FailpointCatalog}), {@code lightpath.crash.stopOnFailure} (default false), and {@code
 * lightpath.jar} (the shaded controller jar).
 */
public final class CrashHarness {
  private CrashHarness() {}

  /** What a run of trials found. */
  record Summary(long firstSeed, int trials, List<TrialResult> failures, Map<String, Integer> crashes,
      Duration elapsed, int ackedCreates, int activeAfterRestart) {}

  static Summary run(int trials, long firstSeed, FailpointCatalog catalog, boolean stopOnFailure,
      PrintStream out) throws Exception {
    long start = System.nanoTime();
    List<TrialResult> failures = new ArrayList<>();
    Map<String, Integer> crashes = new TreeMap<>();
    int acked = 0;
    int active = 0;
    int run = 0;
    out.println("crash trials: " + trials + ", first seed " + firstSeed + ", failpoints " + catalog.entries()
        + ", SIGKILL share " + catalog.sigkillFraction());
    try (CrashLab lab = CrashLab.start()) {
      List<String> transponders = lab.controllerTopology().getNodesList().stream()
          .filter(n -> n.getKind() == io.lightpath.proto.v1.NodeKind.TRANSPONDER)
          .map(io.lightpath.proto.v1.Node::getId).toList();
      for (int i = 0; i < trials; i++) {
        TrialPlan plan = TrialPlan.random(firstSeed + i, transponders, catalog);
        TrialResult r = new CrashTrial(plan, lab).run();
        run++;
        acked += r.ackedCreates();
        active += r.finalStates().getOrDefault(io.lightpath.proto.v1.ServiceState.ACTIVE, 0);
        crashes.merge(crashKind(r.crash()), 1, Integer::sum);
        if (r.passed()) {
          out.println(r.summary());
        } else {
          failures.add(r);
          out.println(r.report());
          if (stopOnFailure) {
            break;
          }
        }
        if (lab.reset()) {
          out.println("  (lab restarted: device configuration could not be cleared in place)");
        }
      }
    }
    Summary s = new Summary(firstSeed, run, failures, crashes, Duration.ofNanos(System.nanoTime() - start),
        acked, active);
    out.println("crash trials done: " + run + " trials in " + s.elapsed().toSeconds() + " s, "
        + failures.size() + " failed; acknowledged creates " + acked + ", ACTIVE after restart " + active
        + "; crashes " + crashes);
    failures.forEach(f -> out.println("failed seed " + f.plan().seed()));
    return s;
  }

  /** The failpoint name a crash line names, without the hit number, for the tally. */
  static String crashKind(String crash) {
    if (crash.startsWith("failpoint not reached")) {
      return "not reached";
    }
    int i = crash.indexOf("failpoint ");
    if (i >= 0) {
      String rest = crash.substring(i + "failpoint ".length());
      int sp = rest.indexOf(' ');
      return sp < 0 ? rest : rest.substring(0, sp);
    }
    return crash;
  }

  static int trialsProperty() {
    return Integer.getInteger("lightpath.crash.trials", 50);
  }

  static long seedProperty() {
    String s = System.getProperty("lightpath.crash.seed", "").trim();
    return s.isEmpty() ? System.nanoTime() & 0xffffffffffL : Long.parseLong(s);
  }

  /** Runs the trials configured by system properties; exit status 1 if any failed. */
  public static void main(String[] args) throws Exception {
    Summary s = run(trialsProperty(), seedProperty(), FailpointCatalog.fromSystemProperties(),
        Boolean.getBoolean("lightpath.crash.stopOnFailure"), System.out);
    System.exit(s.failures().isEmpty() ? 0 : 1);
  }
}
