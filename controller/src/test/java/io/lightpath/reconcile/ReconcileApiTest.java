package io.lightpath.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.StatusDetails;
import io.lightpath.proto.v1.FindingAction;
import io.lightpath.proto.v1.ReconcileDevicesRequest;
import io.lightpath.proto.v1.ReconcileDevicesResponse;
import io.lightpath.proto.v1.ReconcileFinding;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.southbound.spi.MediaChannel;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DeviceService.ReconcileDevices over loopback gRPC, and the policies of the automatic passes. */
class ReconcileApiTest {
  private ReconcileLab lab;
  private MediaChannel deleted;
  private String service;

  @BeforeEach
  void start() throws Exception {
    lab = ReconcileLab.start();
    Service s = lab.create("api-1", "west-tp1", "east-tp1");
    assertEquals(ServiceState.ACTIVE, s.getState(), s.getStateReason().toString());
    service = s.getName();
    deleted = await(lab.roadm("east-roadm").readMediaChannels()).get(0);
    await(lab.roadm("east-roadm").removeMediaChannel(deleted.index()));
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(30, TimeUnit.SECONDS).join();
  }

  private int eastChannels() {
    return await(lab.roadm("east-roadm").readMediaChannels()).size();
  }

  @Test
  void dryRunReportsAndChangesNothingThenARealRunCorrects() {
    ReconcileDevicesResponse dry = lab.devices().reconcileDevices(ReconcileDevicesRequest.newBuilder()
        .addNames("devices/east-roadm").setDryRun(true).build());
    assertEquals(1, dry.getDevicesChecked());
    assertTrue(dry.getDryRun());
    assertEquals(1, dry.getFindingsCount(), dry.toString());
    ReconcileFinding f = dry.getFindings(0);
    assertEquals("devices/east-roadm", f.getDevice());
    assertEquals(io.lightpath.proto.v1.FindingKind.FINDING_KIND_MISSING, f.getKind());
    assertEquals(List.of(service), f.getServicesList());
    assertEquals(FindingAction.FINDING_ACTION_REPORTED, f.getAction());
    assertEquals(1, eastChannels());

    ReconcileDevicesResponse real = lab.devices().reconcileDevices(ReconcileDevicesRequest.getDefaultInstance());
    assertEquals(7, real.getDevicesChecked());
    assertEquals(FindingAction.FINDING_ACTION_CORRECTED, real.getFindings(0).getAction());
    assertEquals(2, eastChannels());
    String scrape = lab.injector.getInstance(PrometheusMeterRegistry.class).scrape();
    assertTrue(scrape.contains("lightpath_reconcile_findings_total{action=\"CORRECTED\",kind=\"MISSING\"} 1.0"), scrape);
    assertTrue(scrape.contains("lightpath_reconcile_findings_total{action=\"REPORTED\",kind=\"MISSING\"} 1.0"), scrape);
  }

  @Test
  void unknownDeviceIsNotFoundAndABadNameIsAFieldViolation() {
    StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> lab.devices()
        .reconcileDevices(ReconcileDevicesRequest.newBuilder().addNames("devices/east-roadm")
            .addNames("devices/nowhere").build()));
    assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    assertEquals("RESOURCE_NOT_FOUND", StatusDetails.reason(missing));
    assertEquals("devices/nowhere", StatusDetails.unpack(missing, ErrorInfo.class).getMetadataOrThrow("resource"));

    StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> lab.devices()
        .reconcileDevices(ReconcileDevicesRequest.newBuilder().addNames("east-roadm").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
    assertEquals(List.of("names[0]"), StatusDetails.violatedFields(bad));
    assertEquals(1, eastChannels(), "a refused call changes nothing");
  }

  @Test
  void reportPolicyOnlyReports() {
    try (ReconcileRunner runner = new ReconcileRunner(lab.reconciler(), Executors.newSingleThreadScheduledExecutor())) {
      ReconcileReport r = runner.start(ReconcilePolicy.REPORT, Duration.ZERO).orTimeout(60, TimeUnit.SECONDS).join();
      assertEquals(1, r.findings().size(), r.findings().toString());
      assertEquals(io.lightpath.reconcile.FindingAction.REPORTED, r.findings().get(0).action());
      assertEquals(1, eastChannels());
    }
  }

  @Test
  void correctPolicyCorrectsAtStartAndOffRunsNothing() {
    try (ReconcileRunner off = new ReconcileRunner(lab.reconciler(), Executors.newSingleThreadScheduledExecutor())) {
      assertNull(off.start(ReconcilePolicy.OFF, Duration.ofMinutes(5)).join());
      assertEquals(1, eastChannels());
    }
    try (ReconcileRunner runner = new ReconcileRunner(lab.reconciler(), Executors.newSingleThreadScheduledExecutor())) {
      ReconcileReport r = runner.start(ReconcilePolicy.CORRECT, Duration.ofMinutes(5))
          .orTimeout(60, TimeUnit.SECONDS).join();
      assertEquals(io.lightpath.reconcile.FindingAction.CORRECTED, r.findings().get(0).action());
      assertEquals(2, eastChannels());
    }
  }
}
