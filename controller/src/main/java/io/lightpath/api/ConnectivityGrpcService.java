package io.lightpath.api;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.api.internal.PageTokens;
import io.lightpath.proto.v1.ComputePathsRequest;
import io.lightpath.proto.v1.ComputePathsResponse;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ListServicesResponse;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.WatchServicesRequest;
import io.lightpath.service.PathPreview;
import io.lightpath.service.ServiceLifecycle;
import io.lightpath.service.ServiceNames;
import io.lightpath.service.ServiceRepository;
import io.lightpath.service.ServiceWatcher;
import io.lightpath.store.Watch;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ConnectivityService: validates requests field by field (all problems in one answer), then hands
 * them to the service lifecycle (io.lightpath.service). See docs/lifecycle.md.
 */
public final class ConnectivityGrpcService extends ConnectivityServiceGrpc.ConnectivityServiceImplBase {
  private static final int MAX_CANDIDATES = 16;
  private static final int DEFAULT_CANDIDATES = 3;

  private final ServiceLifecycle lifecycle;
  private final ServiceWatcher watcher;
  private final PathPreview preview;
  private final ServiceReferences references;

  @Inject
  ConnectivityGrpcService(ServiceLifecycle lifecycle, ServiceWatcher watcher,
      PathPreview preview, ServiceReferences references) {
    this.lifecycle = lifecycle;
    this.watcher = watcher;
    this.preview = preview;
    this.references = references;
  }

  @Override
  public void createService(CreateServiceRequest request, StreamObserver<Service> response) {
    FieldViolations v = new FieldViolations();
    ServiceRequestValidator.requestId(request.getRequestId(), v);
    if (!request.getServiceId().isEmpty()) {
      v.id(request.getServiceId(), "service_id");
    }
    v.check(request.hasService(), "service", "is required");
    ServiceRequestValidator.service(request.getService(), "service", v);
    v.throwIfAny();
    references.check(request.getService(), "service", true);
    reply(response, lifecycle.create(request));
  }

  @Override
  public void getService(GetServiceRequest request, StreamObserver<Service> response) {
    reply(response, lifecycle.get(parseName(request.getName())));
  }

  @Override
  public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
    FieldViolations v = new FieldViolations();
    int size = PageTokens.pageSize(request.getPageSize(), v, "page_size");
    String after = PageTokens.decode(request.getPageToken(), v, "page_token");
    Set<ServiceState> states = EnumSet.noneOf(ServiceState.class);
    for (int i = 0; i < request.getStatesCount(); i++) {
      ServiceState s = request.getStates(i);
      v.check(s != ServiceState.UNRECOGNIZED && s != ServiceState.SERVICE_STATE_UNSPECIFIED,
          "states[" + i + "]", "must be a service state");
      if (s != ServiceState.UNRECOGNIZED) {
        states.add(s);
      }
    }
    v.throwIfAny();
    ServiceRepository.Page page = lifecycle.list(after, size, states);
    ListServicesResponse.Builder out = ListServicesResponse.newBuilder()
        .addAllServices(page.services()).setRevision(page.revision());
    if (page.more()) {
      out.setNextPageToken(PageTokens.encode(page.lastId()));
    }
    reply(response, out.build());
  }

  @Override
  public void deleteService(DeleteServiceRequest request, StreamObserver<Service> response) {
    reply(response, lifecycle.delete(parseName(request.getName())));
  }

  @Override
  public void watchServices(WatchServicesRequest request, StreamObserver<ServiceEvent> response) {
    FieldViolations v = new FieldViolations();
    v.check(request.getStartRevision() >= 0, "start_revision", "must not be negative");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < request.getNamesCount(); i++) {
      String id = v.resourceId(request.getNames(i), "services", "names[" + i + "]");
      if (id != null) {
        names.add(ServiceNames.name(id));
      }
    }
    v.throwIfAny();
    ServerCallStreamObserver<ServiceEvent> call = (ServerCallStreamObserver<ServiceEvent>) response;
    AtomicBoolean ended = new AtomicBoolean();
    AtomicReference<Watch> watch = new AtomicReference<>();
    // set before the watch starts: grpc-java allows it only during this call
    call.setOnCancelHandler(() -> {
      ended.set(true);
      Watch w = watch.get();
      if (w != null) {
        w.close();
      }
    });
    watch.set(watcher.watch(request.getStartRevision(), names, event -> {
      if (!ended.get()) {
        call.onNext(event);
      }
    }, error -> {
      if (ended.compareAndSet(false, true)) {
        call.onError(error);
      }
    }));
    if (ended.get()) {
      watch.get().close(); // cancelled while the watch was starting
    }
  }

  @Override
  public void computePaths(ComputePathsRequest request, StreamObserver<ComputePathsResponse> response) {
    FieldViolations v = new FieldViolations();
    v.check(request.hasService(), "service", "is required");
    ServiceRequestValidator.service(request.getService(), "service", v);
    v.check(request.getMaxCandidates() >= 0 && request.getMaxCandidates() <= MAX_CANDIDATES,
        "max_candidates", "must be 0 (= " + DEFAULT_CANDIDATES + ") to " + MAX_CANDIDATES);
    v.throwIfAny();
    references.check(request.getService(), "service", false);
    int n = request.getMaxCandidates() == 0 ? DEFAULT_CANDIDATES : request.getMaxCandidates();
    reply(response, preview.compute(request.getService(), n));
  }

  private static String parseName(String name) {
    FieldViolations v = new FieldViolations();
    String id = v.resourceId(name, "services", "name");
    v.throwIfAny();
    return id;
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
