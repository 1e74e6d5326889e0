package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.failpoint.ChildJvm;
import io.lightpath.failpoint.FailpointAction;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.server.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A controller process killed between reservation and provisioning, then restarted. */
class CrashRecoveryTest {
  @Test
  void aCrashAfterReserveIsReconciledOnRestart(@TempDir Path dir) throws Exception {
    Process child = ChildJvm.start(CrashingControllerMain.class,
        List.of("-Dlightpath.failpoints=after-reserve:crash"), List.of(dir.toString()), Map.of());
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not end");
    assertEquals(FailpointAction.CRASH_EXIT_STATUS, child.exitValue(), "the failpoint did not fire");

    FakeProvisioner after = new FakeProvisioner();
    try (LifecycleHarness h = LifecycleHarness.start(StoreConfig.at(dir), Clock.systemUTC(), after)) {
      h.awaitIdle();
      List<Service> all = h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesList();
      assertEquals(1, all.size());
      Service s = all.get(0);
      assertEquals(ServiceState.FAILED, s.getState());
      assertEquals("interrupted by restart", s.getStateReason().getMessage());
      assertEquals(List.of(ServiceNames.id(s.getName())), after.deprovisioned);
      assertEquals(0, TestTopology.FIBERS.stream().mapToInt(f -> h.ledger().snapshot().usedSlots(f)).sum());
      // the request id is still remembered: a retry gets this service, not a second one
      Service again = h.stub().createService(CreateServiceRequest.newBuilder().setRequestId("crash-1")
          .setService(TestTopology.service()).build());
      assertEquals(s.getName(), again.getName());
      assertEquals(List.of(), after.provisioned);
    }
  }
}
