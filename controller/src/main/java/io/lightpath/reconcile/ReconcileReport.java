package io.lightpath.reconcile;

import java.util.List;

/**
 * The outcome of one reconciliation pass.
 *
 * @param devicesChecked devices the pass looked at (including unreachable ones)
 * @param corrected whether the pass was allowed to change devices (false: report only / dry run)
 * @param findings every finding, by device in id order
 */
public record ReconcileReport(int devicesChecked, boolean corrected, List<Finding> findings) {
  public ReconcileReport {
    findings = List.copyOf(findings);
  }

  /** How many findings are of {@code kind}. */
  public long count(FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).count();
  }
}
