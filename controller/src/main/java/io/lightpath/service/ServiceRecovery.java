package io.lightpath.service;

import io.lightpath.model.Topology;
import io.lightpath.pce.PathResult;
import io.lightpath.proto.v1.ServiceState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup of the lifecycle over a store that may hold services from a previous run: re-claims the
 * reservation of every live service in the (empty) in-memory ledger, then reconciles the ones a
 * restart interrupted: PROVISIONING services are rolled back on the devices and marked FAILED
 * ("interrupted by restart"), DELETING services finish their deletion. Runs once; every lifecycle
 * operation calls {@link #ensureRecovered} first so no request sees a half-built ledger.
 */
@Singleton
public final class ServiceRecovery {
  private static final Logger log = LoggerFactory.getLogger(ServiceRecovery.class);

  private final ServiceRepository services;
  private final PathEngine engine;
  private final ProvisioningOrchestrator orchestrator;
  private final ServiceMetrics metrics;
  private volatile boolean recovered;

  @Inject
  public ServiceRecovery(ServiceRepository services, PathEngine engine,
      ProvisioningOrchestrator orchestrator, ServiceMetrics metrics) {
    this.services = services;
    this.engine = engine;
    this.orchestrator = orchestrator;
    this.metrics = metrics;
  }

  /** Rebuilds the ledger and starts reconciliation, the first time it is called. */
  public void ensureRecovered() {
    if (!recovered) { // every request passes here: no lock once recovered
      recover();
    }
  }

  private synchronized void recover() {
    if (recovered) {
      return;
    }
    long t0 = System.nanoTime();
    Topology topology = engine.topology();
    metrics.watchFibers(topology);
    long t1 = System.nanoTime();
    List<StoredService> all = services.allWithoutChannels();
    long t2 = System.nanoTime();
    List<StoredService> live = all.stream().filter(StoredService::live).toList();
    // one ledger snapshot for all of them (each still all or nothing)
    List<Optional<PathResult.Failure>> claimed = engine.ledger().reserveAll(
        live.stream().map(StoredService::reservation).toList(), topology);
    for (int i = 0; i < live.size(); i++) {
      StoredService s = live.get(i);
      claimed.get(i).ifPresent(x -> log.error("service {} ({}) cannot re-claim its resources: {}",
          s.id(), s.state(), x.message()));
      if (s.state() == ServiceState.PROVISIONING || s.state() == ServiceState.PENDING) {
        orchestrator.abandon(services.get(s.id()).orElse(s)); // whole, with its channels
      } else if (s.state() == ServiceState.DELETING) {
        orchestrator.delete(services.get(s.id()).orElse(s));
      }
    }
    recovered = true;
    log.info("service lifecycle recovered: {} live services in {} ms (topology {} ms, reading"
            + " {} records {} ms, ledger and reconciliation {} ms)", live.size(), ms(System.nanoTime() - t0),
        ms(t1 - t0), all.size(), ms(t2 - t1), ms(System.nanoTime() - t2));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
