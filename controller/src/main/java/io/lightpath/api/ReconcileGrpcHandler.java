package io.lightpath.api;

import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.proto.v1.FindingAction;
import io.lightpath.proto.v1.FindingKind;
import io.lightpath.proto.v1.ReconcileDevicesRequest;
import io.lightpath.proto.v1.ReconcileDevicesResponse;
import io.lightpath.proto.v1.ReconcileFinding;
import io.lightpath.reconcile.Finding;
import io.lightpath.reconcile.ReconcileReport;
import io.lightpath.reconcile.Reconciler;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeviceService.ReconcileDevices: validates the device names, runs a {@link Reconciler} pass and
 * maps its report. The pass runs on the reconciler's threads, not in the call's gRPC context, so
 * a client that gives up does not cancel device transactions half-way; the answer is sent when
 * the pass ends.
 */
public final class ReconcileGrpcHandler {
  private static final Logger log = LoggerFactory.getLogger(ReconcileGrpcHandler.class);
  private static final String COLLECTION = "devices";

  private final DeviceRegistry registry;
  private final Reconciler reconciler;

  @Inject
  public ReconcileGrpcHandler(DeviceRegistry registry, Reconciler reconciler) {
    this.registry = registry;
    this.reconciler = reconciler;
  }

  /** Handles one call; invalid input throws (INVALID_ARGUMENT, NOT_FOUND) before anything runs. */
  public void reconcileDevices(
      ReconcileDevicesRequest request, StreamObserver<ReconcileDevicesResponse> response) {
    FieldViolations v = new FieldViolations();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < request.getNamesCount(); i++) {
      String id = v.resourceId(request.getNames(i), COLLECTION, "names[" + i + "]");
      if (id != null) {
        ids.add(id);
      }
    }
    v.throwIfAny();
    for (String id : ids) {
      if (registry.get(id).isEmpty()) {
        throw RpcErrors.notFound(COLLECTION + "/" + id);
      }
    }
    reconciler.reconcile(ids, !request.getDryRun()).whenComplete((report, error) -> {
      if (error != null) {
        log.warn("ReconcileDevices failed", error);
        StatusRuntimeException e = RpcErrors.error(Code.INTERNAL, "RECONCILE_FAILED",
            "reconciliation failed: " + error.getMessage());
        response.onError(e);
        return;
      }
      response.onNext(toProto(report, request.getDryRun()));
      response.onCompleted();
    });
  }

  static ReconcileDevicesResponse toProto(ReconcileReport report, boolean dryRun) {
    ReconcileDevicesResponse.Builder out = ReconcileDevicesResponse.newBuilder()
        .setDevicesChecked(report.devicesChecked()).setDryRun(dryRun);
    for (Finding f : report.findings()) {
      ReconcileFinding.Builder b = ReconcileFinding.newBuilder()
          .setDevice(COLLECTION + "/" + f.deviceId())
          .setKind(FindingKind.valueOf("FINDING_KIND_" + f.kind().name()))
          .setItem(f.item())
          .setExpected(f.expected())
          .setActual(f.actual())
          .setAction(FindingAction.valueOf("FINDING_ACTION_" + f.action().name()))
          .setDetail(f.detail());
      f.serviceIds().forEach(s -> b.addServices("services/" + s));
      out.addFindings(b);
    }
    return out.build();
  }
}
