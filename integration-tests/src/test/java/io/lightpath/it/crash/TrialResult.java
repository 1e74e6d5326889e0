package io.lightpath.it.crash;

import io.lightpath.proto.v1.ServiceState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Outcome of one trial.
 *
 * @param plan what was run
 * @param crash how the first run ended (the failpoint's crash line, or SIGKILL)
 * @param ackedCreates creates the controller acknowledged before dying
 * @param ackedDeletes deletes it acknowledged
 * @param finalStates services by state after reconciliation
 * @param violations broken invariants; empty when the trial passed
 * @param notes anything else worth knowing (refused requests, the restarted controller's log on failure)
 * @param elapsed wall time of the trial
 */
record TrialResult(TrialPlan plan, String crash, int ackedCreates, int ackedDeletes,
    Map<ServiceState, Integer> finalStates, List<String> violations, List<String> notes, Duration elapsed) {

  boolean passed() {
    return violations.isEmpty();
  }

  /** One line for the progress log. */
  String summary() {
    return (passed() ? "ok   " : "FAIL ") + "seed " + plan.seed() + " (" + elapsed.toMillis() + " ms): "
        + crash + "; acked " + ackedCreates + " creates, " + ackedDeletes + " deletes; after restart "
        + finalStates;
  }

  /** The full report of a failing trial, with the seed to reproduce it. */
  String report() {
    StringBuilder sb = new StringBuilder(summary()).append('\n')
        .append("  plan: ").append(plan.describe()).append('\n')
        .append("  reproduce: -Dlightpath.crash.seed=").append(plan.seed())
        .append(" -Dlightpath.crash.trials=1\n");
    violations.forEach(v -> sb.append("  violation: ").append(v).append('\n'));
    notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
    return sb.toString();
  }
}
