package io.lightpath.service;

import static io.lightpath.service.ConnectivityServiceTest.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailpointAndMetricsTest {
  private LifecycleHarness h;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    Failpoints.disableAll();
    h.close();
  }

  private Service createAndSettle(String requestId) throws Exception {
    Service s = h.stub().createService(create(requestId, TestTopology.service()));
    h.awaitIdle();
    return h.stub().getService(GetServiceRequest.newBuilder().setName(s.getName()).build());
  }

  private int usedSlots() {
    return TestTopology.FIBERS.stream().mapToInt(f -> h.ledger().snapshot().usedSlots(f)).sum();
  }

  @Test
  void anErrorAfterReserveFailsTheServiceWithoutTouchingDevices() throws Exception {
    Failpoints.enable("after-reserve:error");
    Service s = createAndSettle("r1");
    assertEquals(ServiceState.FAILED, s.getState());
    assertEquals("after-reserve", s.getStateReason().getStep());
    assertEquals(List.of(), h.provisioner.provisioned);
    assertEquals(0, usedSlots());
  }

  @Test
  void anErrorBeforeActiveDeprovisionsAndFails() throws Exception {
    Failpoints.enable("before-active:error");
    Service s = createAndSettle("r1");
    assertEquals(ServiceState.FAILED, s.getState());
    assertEquals("before-active", s.getStateReason().getStep());
    assertEquals(1, h.provisioner.provisioned.size());
    assertEquals(h.provisioner.provisioned, h.provisioner.deprovisioned);
    assertEquals(0, usedSlots());
  }

  @Test
  void metersCountCreatesFailuresLatencyAndUtilisation() throws Exception {
    createAndSettle("r1");
    h.provisioner.failAt("ta", "transponder-optical-channel");
    createAndSettle("r2");
    assertThrows(StatusRuntimeException.class, () -> h.stub().createService(create("r3",
        TestTopology.service().toBuilder().setConstraints(Constraints.newBuilder().setMaxLatencyUs(10))
            .build())));
    MeterRegistry m = h.injector.getInstance(MeterRegistry.class);
    assertEquals(2.0, m.get("lightpath.service.creations").counter().count());
    assertEquals(1.0, m.get("lightpath.services.failed").tag("reason", "DEVICE_REJECTED").counter().count());
    assertEquals(1.0, m.get("lightpath.device.errors").tag("device", "ta")
        .tag("step", "transponder-optical-channel").tag("kind", "REJECTED").counter().count());
    assertEquals(1.0, m.get("lightpath.services.failed").tag("reason", "LATENCY_EXCEEDED").counter().count());
    assertEquals(2, m.get("lightpath.service.provisioning").timer().count());
    double utilisation = java.util.List.of("ra-rb", "rc-rd").stream().mapToDouble(f ->
        m.get("lightpath.fiber.spectrum.utilisation").tag("fiber", f).gauge().value()).sum();
    assertTrue(utilisation > 0, "the ACTIVE service holds slots on its route");
    // transponder patch cords carry one channel per line port: no utilisation gauge
    assertEquals(null, m.find("lightpath.fiber.spectrum.utilisation").tag("fiber", "ta-ra")
        .gauge());
  }
}
