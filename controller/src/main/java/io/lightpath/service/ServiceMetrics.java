package io.lightpath.service;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.provisioning.ProvisioningException;
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
 * 1, read from the resource ledger at scrape time; for fibers between ROADMs, OCSes and
 * amplifiers, not transponder patch cords), and {@code lightpath_device_errors_total{device,step,kind}}.
 */
@Singleton
public final class ServiceMetrics {
  private final MeterRegistry registry;
  private final ResourceLedger ledger;
  private final Counter created;
  private final Timer provisioning;
  private final Set<String> gaugedFibers = ConcurrentHashMap.newKeySet();
  /** The topology whose fibers are all gauged: a create with the same snapshot skips the walk. */
  private volatile Topology gaugedTopology;

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

  /**
   * Counts a device step that failed, as {@code lightpath_device_errors_total{device,step,kind}}:
   * operators alert on a device that keeps failing before services pile up FAILED.
   */
  void deviceError(ProvisioningException e) {
    Counter.builder("lightpath.device.errors")
        .tag("device", e.deviceId().isEmpty() ? "none" : e.deviceId())
        .tag("step", e.step()).tag("kind", e.kind().name())
        .description("Device steps that failed during provisioning or deprovisioning")
        .register(registry).increment();
  }

  void provisioned(Duration took) {
    provisioning.record(took);
  }

  /**
   * A fiber with a transponder end: it joins one line port, which carries one channel, so its
   * utilisation says nothing the port does not (and a large network has one per line port).
   */
  private static boolean patchCord(Topology topology, Fiber f) {
    Node a = topology.node(f.aNodeId());
    Node z = topology.node(f.zNodeId());
    return (a != null && a.kind() == NodeKind.TRANSPONDER)
        || (z != null && z.kind() == NodeKind.TRANSPONDER);
  }

  /**
   * Registers a utilisation gauge for every fiber of {@code topology} not gauged yet, except
   * transponder patch cords. Walks the
   * fibers once per topology snapshot (they only change with the topology), so a create costs a
   * reference compare, not a walk over every fiber of the network.
   */
  void watchFibers(Topology topology) {
    if (topology == gaugedTopology) {
      return;
    }
    int slots = ledger.grid().slotCount();
    for (Fiber f : topology.fibers().values()) {
      if (!patchCord(topology, f) && gaugedFibers.add(f.id())) {
        Gauge.builder("lightpath.fiber.spectrum.utilisation", ledger,
                l -> l.snapshot().usedSlots(f.id()) / (double) slots)
            .tag("fiber", f.id()).description("Share of the fiber's slots reserved")
            .register(registry);
      }
    }
    gaugedTopology = topology;
  }
}
