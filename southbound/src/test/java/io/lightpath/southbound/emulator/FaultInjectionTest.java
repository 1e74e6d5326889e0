package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.lab.v1.ClearFaultsRequest;
import io.lightpath.proto.lab.v1.FailNextSetsRequest;
import io.lightpath.proto.lab.v1.FiberRequest;
import io.lightpath.proto.lab.v1.GetOpticalStateRequest;
import io.lightpath.proto.lab.v1.LabAdminGrpc;
import io.lightpath.proto.lab.v1.ListDevicesRequest;
import io.lightpath.proto.lab.v1.SetDeviceDownRequest;
import io.lightpath.proto.lab.v1.SetLatencyRequest;
import io.lightpath.proto.lab.v1.SetMalformedRepliesRequest;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault, injected through the LabAdmin service over a real socket. */
class FaultInjectionTest {
  private EmulatedLab lab;
  private ManagedChannel adminChannel;
  private LabAdminGrpc.LabAdminBlockingStub admin;
  private GnmiTestClient tp;

  @BeforeEach
  void start() throws Exception {
    lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
    adminChannel = Grpc.newChannelBuilder(lab.adminAddress(), InsecureChannelCredentials.create())
        .build();
    admin = LabAdminGrpc.newBlockingStub(adminChannel);
    tp = new GnmiTestClient(lab.endpoint("alder-tp1"));
  }

  @AfterEach
  void stop() throws Exception {
    tp.close();
    adminChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    lab.stop();
  }

  @Test
  void listDevicesReportsEndpoints() {
    var devices = admin.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList();
    assertEquals(6, devices.size());
    assertEquals("alder-tp1", devices.get(0).getName());
    assertEquals(lab.endpoint("alder-tp1").port(), devices.get(0).getPort());
  }

  @Test
  void deviceDownStopsAnsweringAndComesBack() throws Exception {
    assertEquals("0.10.0", tp.blocking.capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
    admin.setDeviceDown(SetDeviceDownRequest.newBuilder().setDevice("alder-tp1").setDown(true).build());
    var e = assertThrows(StatusRuntimeException.class,
        () -> tp.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    // The port is closed: a new connection is refused too.
    try (GnmiTestClient fresh = new GnmiTestClient(lab.endpoint("alder-tp1"))) {
      var refused = assertThrows(StatusRuntimeException.class,
          () -> fresh.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
      assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
    }
    admin.setDeviceDown(SetDeviceDownRequest.newBuilder().setDevice("alder-tp1").setDown(false).build());
    // Same port again; wait-for-ready rides out the client's reconnect backoff.
    try (GnmiTestClient again = new GnmiTestClient(lab.endpoint("alder-tp1"))) {
      assertEquals("0.10.0", again.blocking.withWaitForReady()
          .capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
    }
    assertEquals("0.10.0", tp.blocking.withWaitForReady()
        .capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
  }

  @Test
  void deviceDownOnSharedPortAnswersUnavailable() throws Exception {
    try (EmulatedLab shared = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"),
            LabOptions.defaults().withSharedPort(true));
        GnmiTestClient c = new GnmiTestClient(shared.endpoint("alder-tp1"))) {
      shared.setDeviceDown("alder-tp1", true);
      var e = assertThrows(StatusRuntimeException.class, () -> c.getJson("/"));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().contains("down"), e.getMessage());
      shared.setDeviceDown("alder-tp1", false);
      assertTrue(c.getJson("/").startsWith("{"));
    }
  }

  @Test
  void latencyDelaysReplies() {
    admin.setLatency(SetLatencyRequest.newBuilder().setDevice("alder-tp1").setLatencyMs(300).build());
    long start = System.nanoTime();
    tp.getJson("/");
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // A lower bound the emulator guarantees, not a speed threshold.
    assertTrue(elapsedMs >= 300, "reply after " + elapsedMs + " ms");
    admin.clearFaults(ClearFaultsRequest.newBuilder().setDevice("alder-tp1").build());
    assertEquals(0, lab.device("alder-tp1").faults().latencyMs());
  }

  @Test
  void nextSetsFailAndApplyNothing() throws Exception {
    admin.failNextSets(FailNextSetsRequest.newBuilder().setDevice("alder-tp1").setCount(2).build());
    for (int i = 0; i < 2; i++) {
      var e = assertThrows(StatusRuntimeException.class, () -> tp.tune("line1", 193_100_000L));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
      assertFalse(tp.getJson("/").contains("193100000"), "a failed Set applied nothing");
    }
    tp.tune("line1", 193_100_000L);
    assertTrue(tp.getJson("/").contains("193100000"));
  }

  @Test
  void malformedRepliesAreInvalidJson() {
    admin.setMalformedReplies(
        SetMalformedRepliesRequest.newBuilder().setDevice("alder-tp1").setEnabled(true).build());
    String body = tp.getJson("/");
    assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(body));
    admin.setMalformedReplies(
        SetMalformedRepliesRequest.newBuilder().setDevice("alder-tp1").setEnabled(false).build());
    assertTrue(tp.getJson("/").startsWith("{"));
  }

  @Test
  void cutAndRepairFiberThroughAdmin() throws Exception {
    try (GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"))) {
      long f = 193_100_000L;
      ar.mediaChannel(1, f - 25_000, f + 25_000, "add1", "east");
      br.mediaChannel(1, f - 25_000, f + 25_000, "west", "add1");
      tp.tune("line1", f);
      b.tune("line1", f);
    }
    var req = GetOpticalStateRequest.newBuilder().setDevice("birch-tp1").build();
    assertTrue(admin.getOpticalState(req).getPorts(0).getCarrierPresent());
    admin.cutFiber(FiberRequest.newBuilder().setFiber("alder-birch").build());
    assertFalse(admin.getOpticalState(req).getPorts(0).getCarrierPresent());
    admin.repairFiber(FiberRequest.newBuilder().setFiber("alder-birch").build());
    assertTrue(admin.getOpticalState(req).getPorts(0).getCarrierPresent());
    admin.cutFiber(FiberRequest.newBuilder().setFiber("alder-birch").build());
    admin.clearFaults(ClearFaultsRequest.getDefaultInstance());
    assertTrue(admin.getOpticalState(req).getPorts(0).getCarrierPresent());
  }

  @Test
  void unknownNamesAreNotFound() {
    var e = assertThrows(StatusRuntimeException.class,
        () -> admin.cutFiber(FiberRequest.newBuilder().setFiber("nope").build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    e = assertThrows(StatusRuntimeException.class, () -> admin.setDeviceDown(
        SetDeviceDownRequest.newBuilder().setDevice("nope").setDown(true).build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
  }
}
