package io.lightpath.service;

import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.pce.ResourceLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service lifecycle meters: {@code lightpath_service_creations_total} (not "_created": Prometheus reserves that suffix),
 * {@code lightpath_services_failed_total{reason}} (a PathFailureReason or ErrorReason name),
 * {@code lightpath_service_provisioning_seconds} (histogram, from reservation to ACTIVE or
 * FAILED) and {@code lightpath_fiber_spectrum_utilisation{fiber}} (used slots / grid slots, 0 to
 * 1, read from the resource ledger at scrape time).
 */
@Singleton
public final class ServiceMetrics {
  private final MeterRegistry registry;
  private final ResourceLedger ledger;
  private final Counter created;
  private final Timer provisioning;
  private final Set<String> gaugedFibers = ConcurrentHashMap.newKeySet();

  @Inject
  public ServiceMetrics(MeterRegistry registry, ResourceLedger ledger) {
    this.registry = registry;
    this.ledger = ledger;
    this.created = Counter.builder("lightpath.service.creations")
        .description("Services accepted by CreateService (resources reserved)").register(registry);
    this.provisioning = Timer.builder("lightpath.service.provisioning")
        .description("Time from reservation to ACTIVE or FAILED").publishPercentileHistogram()
        .register(registry);
  }

  void created() {
    created.increment();
  }

  void failed(String reason) {
    Counter.builder("lightpath.services.failed").tag("reason", reason)
        .description("Services that failed, by reason").register(registry).increment();
  }

  void provisioned(Duration took) {
    provisioning.record(took);
  }

  /** Registers a utilisation gauge for every fiber of {@code topology} not gauged yet. */
  void watchFibers(Topology topology) {
    int slots = ledger.grid().slotCount();
    for (Fiber f : topology.fibers().values()) {
      if (gaugedFibers.add(f.id())) {
        Gauge.builder("lightpath.fiber.spectrum.utilisation", ledger,
                l -> l.snapshot().usedSlots(f.id()) / (double) slots)
            .tag("fiber", f.id()).description("Share of the fiber's slots reserved")
            .register(registry);
      }
    }
  }
}
