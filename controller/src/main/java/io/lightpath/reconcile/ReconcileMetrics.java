package io.lightpath.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code lightpath_reconcile_findings_total{kind,action}} (one per finding: an operator alerts on
 * a growing ORPHAN or CORRECTION_FAILED count) and {@code lightpath_reconcile_passes_total}.
 */
final class ReconcileMetrics {
  private final MeterRegistry registry;
  private final Counter passes;

  ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.passes = Counter.builder("lightpath.reconcile.passes")
        .description("Reconciliation passes over the devices").register(registry);
  }

  void pass() {
    passes.increment();
  }

  void finding(Finding f) {
    Counter.builder("lightpath.reconcile.findings").tag("kind", f.kind().name())
        .tag("action", f.action().name())
        .description("Device configuration that disagreed with the services, by kind and what was done")
        .register(registry).increment();
  }
}
