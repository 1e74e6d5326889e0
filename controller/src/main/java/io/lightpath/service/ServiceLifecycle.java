package io.lightpath.service;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.pce.PathResult;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import io.lightpath.service.IdempotencyRecords.Answer;
import io.lightpath.service.IdempotencyRecords.Lookup;
import io.lightpath.store.StoreException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The synchronous half of the lifecycle: CreateService (idempotent per request_id), Get, List and
 * DeleteService. A create computes a path, claims its resources in the ledger, and stores the
 * PROVISIONING record together with the request record in one transaction before answering;
 * provisioning then runs in the {@link ProvisioningOrchestrator}. Requests with the same
 * request_id are serialized by a lock stripe, and the store transaction compares the request key
 * too, so duplicates create exactly one service.
 */
@Singleton
public final class ServiceLifecycle {
  private static final int STRIPES = 256;

  private final ServiceRepository services;
  private final IdempotencyRecords requests;
  private final RequestMapper mapper;
  private final PathEngine engine;
  private final ProvisioningOrchestrator orchestrator;
  private final ServiceRecovery recovery;
  private final ServiceMetrics metrics;
  private final Object[] stripes = new Object[STRIPES];

  @Inject
  public ServiceLifecycle(ServiceRepository services, IdempotencyRecords requests,
      RequestMapper mapper, PathEngine engine, ProvisioningOrchestrator orchestrator,
      ServiceRecovery recovery, ServiceMetrics metrics) {
    this.services = services;
    this.requests = requests;
    this.mapper = mapper;
    this.engine = engine;
    this.orchestrator = orchestrator;
    this.recovery = recovery;
    this.metrics = metrics;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** Creates a service from a syntactically valid request; see ConnectivityService.CreateService. */
  public Service create(CreateServiceRequest request) {
    recovery.ensureRecovered();
    String requestId = request.getRequestId();
    String fingerprint = IdempotencyRecords.fingerprint(request);
    StoredService stored;
    synchronized (stripes[Math.floorMod(requestId.hashCode(), STRIPES)]) {
      Lookup prior = requests.lookup(requestId);
      if (prior.answer().isPresent()) {
        return replay(prior.answer().get(), fingerprint, requestId);
      }
      String id = request.getServiceId().isEmpty() ? newId() : request.getServiceId();
      if (services.get(id).isPresent()) {
        throw alreadyExists(id);
      }
      RequestMapper.Plan plan = mapper.map(request.getService(), "service", engine.config().grid(),
          engine.config().qotMarginDb());
      metrics.watchFibers(engine.topology());
      PathResult result = engine.computer(plan.marginDb()).computeAndReserve(plan.request());
      if (result instanceof PathResult.Failure f) {
        // Remembered under the request id: a retry gets the same answer (AIP-155), even if
        // resources were freed meanwhile; a new attempt needs a new request id.
        StatusRuntimeException error = PathFailures.toStatus(f);
        requests.recordFailure(requestId, prior.modRevision(), requests.failure(fingerprint,
            PathFailures.code(f.reason()).getNumber(), f.reason().name(), f.message()));
        metrics.failed(f.reason().name());
        throw error;
      }
      PathResult.Success ok = (PathResult.Success) result;
      // reads only: the devices' priors are on their way while the reservation is stored
      orchestrator.prepare(ok.channels());
      StoredService record = new StoredService(view(id, request.getService(), ok), ok.channels(),
          ok.reservation());
      Optional<StoredService> created;
      try {
        created = services.create(record, IdempotencyRecords.key(requestId), prior.modRevision(),
            IdempotencyRecords.encode(requests.success(fingerprint, id)));
      } catch (StoreException e) {
        engine.ledger().release(ok.reservation());
        throw e;
      }
      if (created.isEmpty()) {
        engine.ledger().release(ok.reservation());
        // only a create with another request id but the same service id gets here
        throw alreadyExists(id);
      }
      stored = created.get();
    }
    metrics.created();
    orchestrator.provision(stored);
    return stored.service();
  }

  public Service get(String id) {
    recovery.ensureRecovered();
    return services.get(id).map(StoredService::service)
        .orElseThrow(() -> RpcErrors.notFound(ServiceNames.name(id)));
  }

  public ServiceRepository.Page list(String afterId, int pageSize, Set<ServiceState> states) {
    recovery.ensureRecovered();
    return services.list(afterId, pageSize, states);
  }

  /**
   * Starts deleting a service. Live services go DELETING and are deprovisioned and released in the
   * background; FAILED ones (which hold nothing) go DELETED at once; DELETING and DELETED ones are
   * returned as they are (a DELETING one whose deprovisioning failed is retried).
   */
  public Service delete(String id) {
    recovery.ensureRecovered();
    StoredService current = services.get(id)
        .orElseThrow(() -> RpcErrors.notFound(ServiceNames.name(id)));
    if (current.state() == ServiceState.DELETED) {
      return current.service();
    }
    if (current.state() == ServiceState.DELETING) {
      if (!orchestrator.busy(id)) {
        orchestrator.delete(current);
      }
      return current.service();
    }
    Optional<ServiceRepository.Transition> t = services.update(id, x -> switch (x.state()) {
      case DELETING, DELETED -> x;
      case FAILED, SERVICE_STATE_UNSPECIFIED, UNRECOGNIZED -> x.withService(
          x.service().toBuilder().setState(ServiceState.DELETED).build());
      default -> x.withService(x.service().toBuilder().setState(ServiceState.DELETING)
          .setStateReason(StateReason.getDefaultInstance()).build());
    });
    if (t.isEmpty()) {
      return get(id); // someone else moved it to DELETING or DELETED first
    }
    StoredService after = t.get().after();
    if (after.state() == ServiceState.DELETING) {
      orchestrator.delete(after);
    }
    return after.service();
  }

  private Service replay(Answer a, String fingerprint, String requestId) {
    if (!a.fingerprint().equals(fingerprint)) {
      throw RpcErrors.error(Code.ALREADY_EXISTS, "REQUEST_ID_REUSED",
          "request_id " + requestId + " was already used with a different request body",
          Map.of("request_id", requestId));
    }
    if (a.failed()) {
      Code code = Code.forNumber(a.errorCode());
      throw RpcErrors.error(code == null ? Code.UNKNOWN : code, a.errorReason(), a.errorMessage());
    }
    // The service as it is now: the first answer was this service in PROVISIONING.
    return services.get(a.serviceId()).map(StoredService::service)
        .orElseThrow(() -> Status.INTERNAL.withDescription(
            "request record names missing service " + a.serviceId()).asRuntimeException());
  }

  private Service view(String id, Service requested, PathResult.Success ok) {
    Timestamp now = services.now();
    return requested.toBuilder()
        .setName(ServiceNames.name(id))
        .setState(ServiceState.PROVISIONING)
        .clearStateReason()
        .clearChannels()
        .addAllChannels(ChannelViews.of(ok.channels(), engine.topology()))
        .setCreateTime(now)
        .setUpdateTime(now)
        .clearRevision()
        .build();
  }

  private static StatusRuntimeException alreadyExists(String id) {
    return RpcErrors.error(Code.ALREADY_EXISTS, "RESOURCE_ALREADY_EXISTS",
        ServiceNames.name(id) + " already exists", Map.of("resource", ServiceNames.name(id)));
  }

  private static String newId() {
    return "svc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
