package io.lightpath.service;

import io.lightpath.failpoint.FailpointException;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Reservation;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import io.lightpath.provisioning.ProvisioningException;
import io.lightpath.provisioning.ProvisioningResult;
import io.lightpath.provisioning.Provisioner;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous half of the lifecycle: drives the {@link Provisioner} for services whose
 * resources are reserved and records the outcome. Every state change is a compare-and-set on the
 * service record ({@link ServiceRepository#update}); the resources of a service are released by
 * whichever change moves it out of a live state, after that change is durable, so a crash can
 * never leave two live records on the same slots.
 *
 * <p>Failpoints: {@code after-reserve} (after the PROVISIONING record is durable, before the
 * provisioner is called) and {@code before-active} (after the devices are configured, before the
 * ACTIVE record is written; an error there deprovisions and fails the service), and during a
 * delete {@code delete.before-deprovision} (DELETING durable, devices untouched) and {@code
 * delete.before-deleted} (devices cleaned, DELETED not yet written). The delete failpoints are
 * meant for {@code crash} (docs/crash-testing.md): an {@code error} there leaves the service
 * DELETING until the next restart finishes it.
 */
@Singleton
public final class ProvisioningOrchestrator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProvisioningOrchestrator.class);
  static final String AFTER_RESERVE = "after-reserve";
  static final String BEFORE_ACTIVE = "before-active";
  /** DELETING is durable; no device has been touched yet. */
  static final String DELETE_BEFORE_DEPROVISION = "delete.before-deprovision";
  /** The devices are cleaned; DELETED is not stored yet and the resources are still held. */
  static final String DELETE_BEFORE_DELETED = "delete.before-deleted";

  private final ServiceRepository services;
  private final Provisioner provisioner;
  private final PathEngine engine;
  private final ServiceMetrics metrics;
  private final ExecutorService executor;
  private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

  @Inject
  public ProvisioningOrchestrator(ServiceRepository services, Provisioner provisioner,
      PathEngine engine, ServiceMetrics metrics, LifecycleConfig config) {
    this.services = services;
    this.provisioner = provisioner;
    this.engine = engine;
    this.metrics = metrics;
    // threads start lazily on the first task, so building the injector starts none
    this.executor = Executors.newFixedThreadPool(config.provisioningThreads(), r -> {
      Thread t = new Thread(r, "lightpath-provisioning");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Lets the provisioner read ahead for channels whose reservation is being stored (see {@link
   * Provisioner#prepare}); never fails.
   */
  void prepare(List<ComputedChannel> channels) {
    try {
      provisioner.prepare(channels);
    } catch (RuntimeException e) {
      log.debug("read-ahead for a provision failed; the provision reads for itself", e);
    }
  }

  /** Provisions a service just stored in PROVISIONING with its resources reserved. */
  void provision(StoredService s) {
    String id = s.id();
    long start = System.nanoTime();
    CompletableFuture<Void> f = CompletableFuture
        .runAsync(() -> failpoint(AFTER_RESERVE, s, false), executor)
        // Async: the provisioner must never run on the caller's thread, where a gRPC server call's
        // Context is attached and would cancel the device RPCs as soon as CreateService returns.
        .thenComposeAsync(v -> provisioner.provision(id, s.channels()), executor)
        .thenApplyAsync(result -> {
          failpoint(BEFORE_ACTIVE, s, true);
          return result;
        }, executor)
        .handleAsync((result, error) -> {
          metrics.provisioned(Duration.ofNanos(System.nanoTime() - start));
          if (error == null) {
            activate(s, result);
          } else {
            fail(s, unwrap(error));
          }
          return null;
        }, executor);
    track(id, f);
  }

  /** Starts deprovisioning a service just moved to DELETING, after its provisioning if any. */
  void delete(StoredService s) {
    String id = s.id();
    CompletableFuture<?> prior = inFlight.getOrDefault(id, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> f = prior
        .handle((v, e) -> null)
        .thenComposeAsync(v -> {
          Failpoints.hit(DELETE_BEFORE_DEPROVISION);
          return provisioner.deprovision(id, s.channels());
        }, executor)
        .handleAsync((v, error) -> {
          if (error == null) {
            Failpoints.hit(DELETE_BEFORE_DELETED);
            finishDeletion(id);
          } else {
            ProvisioningException pe = asProvisioning(unwrap(error), "deprovision");
            metrics.deviceError(pe);
            log.warn("deprovisioning {} failed at {} on {}: {}", id, pe.step(), pe.deviceId(),
                pe.getMessage());
            services.update(id, x -> x.state() != ServiceState.DELETING ? x
                : x.withService(x.service().toBuilder().setStateReason(reason(pe)).build()));
          }
          return null;
        }, executor);
    track(id, f);
  }

  /** Whether a provisioning or deletion of {@code id} is under way. */
  boolean busy(String id) {
    return inFlight.containsKey(id);
  }

  /** Rolls back a service found PROVISIONING after a restart and marks it FAILED. */
  void abandon(StoredService s) {
    String id = s.id();
    CompletableFuture<Void> f = CompletableFuture
        .supplyAsync(() -> provisioner.deprovision(id, s.channels()), executor)
        .thenCompose(x -> x)
        .handleAsync((v, error) -> {
          if (error != null) {
            log.warn("rollback of {} after restart failed; the record stays PROVISIONING", id,
                unwrap(error));
            return null;
          }
          StateReason r = StateReason.newBuilder().setCode("INTERRUPTED")
              .setMessage("interrupted by restart").setStep("reconcile").build();
          services.update(id, x -> x.state() != ServiceState.PROVISIONING ? x : failed(x, r))
              .filter(ServiceRepository.Transition::releasedResources)
              .ifPresent(t -> release(t.before().reservation()));
          metrics.failed("INTERRUPTED");
          return null;
        }, executor);
    track(id, f);
  }

  /**
   * Waits until no provisioning or deletion is under way (tests and graceful shutdown).
   *
   * @return false if {@code timeout} passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!inFlight.isEmpty()) {
      for (CompletableFuture<?> f : List.copyOf(inFlight.values())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          f.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          // the outcome is recorded in the store; waiting is all this method does
        } catch (TimeoutException e) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void track(String id, CompletableFuture<?> f) {
    inFlight.put(id, f);
    f.whenComplete((v, e) -> inFlight.remove(id, f));
  }

  private void failpoint(String name, StoredService s, boolean configured) {
    try {
      Failpoints.hit(name);
    } catch (FailpointException e) {
      if (configured) {
        provisioner.deprovision(s.id(), s.channels()).join();
      }
      throw new ProvisioningException("", name, ProvisioningException.Kind.REJECTED, true,
          "failpoint " + name + ": " + e.getMessage(), e);
    }
  }

  private void activate(StoredService stored, ProvisioningResult result) {
    // the record as created: usually still current, so no read and no decoding
    services.update(stored.id(), stored, x -> {
      if (x.state() != ServiceState.PROVISIONING) {
        return x; // a delete arrived meanwhile; its deprovisioning follows this
      }
      Service.Builder b = x.service().toBuilder().clearStateReason();
      boolean allUp = true;
      for (int i = 0; i < b.getChannelsCount(); i++) {
        boolean up = i < result.carrierUp().size() && result.carrierUp().get(i);
        allUp &= up;
        Channel ch = b.getChannels(i).toBuilder().setCarrierUp(up).build();
        b.setChannels(i, ch);
      }
      b.setState(allUp ? ServiceState.ACTIVE : ServiceState.DEGRADED);
      return x.withService(b.build());
    });
  }

  private void fail(StoredService s, Throwable error) {
    ProvisioningException pe = asProvisioning(error, "provision");
    metrics.deviceError(pe);
    if (!pe.rolledBack()) {
      try {
        provisioner.deprovision(s.id(), s.channels()).join();
      } catch (RuntimeException e) {
        log.warn("cleanup of {} after a failed rollback failed", s.id(), e);
      }
    }
    StateReason r = reason(pe);
    services.update(s.id(), x -> x.state() != ServiceState.PROVISIONING ? x : failed(x, r))
        .filter(ServiceRepository.Transition::releasedResources)
        .ifPresent(t -> {
          release(t.before().reservation());
          metrics.failed(r.getCode());
        });
  }

  private void finishDeletion(String id) {
    services.update(id, x -> x.state() != ServiceState.DELETING ? x
            : x.withService(x.service().toBuilder().setState(ServiceState.DELETED)
                .clearStateReason().build()))
        .filter(ServiceRepository.Transition::releasedResources)
        .ifPresent(t -> release(t.before().reservation()));
  }

  private void release(Reservation r) {
    try {
      engine.ledger().release(r);
    } catch (IllegalStateException e) {
      // only after a restart whose ledger rebuild could not re-claim this reservation
      log.error("releasing a reservation the ledger does not hold", e);
    }
  }

  static StoredService failed(StoredService x, StateReason r) {
    return x.withService(x.service().toBuilder().setState(ServiceState.FAILED).setStateReason(r)
        .build());
  }

  static StateReason reason(ProvisioningException pe) {
    String code = switch (pe.kind()) {
      case REJECTED, VERIFICATION_FAILED -> "DEVICE_REJECTED";
      case TIMEOUT -> "DEVICE_TIMEOUT";
      case UNREACHABLE -> "DEVICE_UNREACHABLE";
    };
    String device = pe.deviceId().isEmpty() ? "" : "devices/" + pe.deviceId();
    String where = pe.deviceId().isEmpty() ? "step " + pe.step()
        : "device " + pe.deviceId() + ", step " + pe.step();
    return StateReason.newBuilder().setCode(code).setDevice(device).setStep(pe.step())
        .setMessage(where + ": " + pe.getMessage()).build();
  }

  private static ProvisioningException asProvisioning(Throwable error, String step) {
    if (error instanceof ProvisioningException pe) {
      return pe;
    }
    // a provisioner bug or an unexpected exception: nothing says what was rolled back
    return new ProvisioningException("", step, ProvisioningException.Kind.REJECTED, false,
        String.valueOf(error), error);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
