package io.lightpath.service;

import static io.lightpath.service.ConnectivityServiceTest.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.api.TopologyHolder;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.server.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MVStore-backed server stopped and started again on the same data directory. */
class RestartTest {
  @TempDir Path dir;

  private LifecycleHarness start(FakeProvisioner p) throws Exception {
    return LifecycleHarness.start(StoreConfig.at(dir), Clock.systemUTC(), p);
  }

  private static int usedSlots(LifecycleHarness h) {
    return TestTopology.FIBERS.stream().mapToInt(f -> h.ledger().snapshot().usedSlots(f)).sum();
  }

  private static Service get(LifecycleHarness h, String name) {
    return h.stub().getService(GetServiceRequest.newBuilder().setName(name).build());
  }

  @Test
  void topologyAndActiveServicesSurviveAndTheLedgerIsRebuilt() throws Exception {
    String name;
    String etag;
    int used;
    try (LifecycleHarness h = start(new FakeProvisioner())) {
      h.topology(TestTopology.build(64));
      etag = h.injector.getInstance(TopologyHolder.class).current().getEtag();
      name = h.stub().createService(create("r1", TestTopology.service())).getName();
      h.awaitIdle();
      used = usedSlots(h);
    }
    try (LifecycleHarness h = start(new FakeProvisioner())) {
      assertEquals(etag, h.injector.getInstance(TopologyHolder.class).current().getEtag());
      assertEquals(TestTopology.build(64).getFibersCount(),
          h.injector.getInstance(TopologyHolder.class).current().getFibersCount());
      assertEquals(ServiceState.ACTIVE, get(h, name).getState());
      assertEquals(used, usedSlots(h));
      assertEquals(1, h.ledger().snapshot().transceiversUsed("ta", TestTopology.MODE_TYPE));
      // and it can still be deleted, which releases what the rebuild re-claimed
      h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(name).build());
      h.awaitIdle();
      assertEquals(0, usedSlots(h));
    }
  }

  @Test
  void aServiceLeftProvisioningIsRolledBackAndFailedOnRestart() throws Exception {
    String name;
    try (LifecycleHarness h = start(new FakeProvisioner().hang())) {
      h.topology(TestTopology.build(64));
      name = h.stub().createService(create("r1", TestTopology.service())).getName();
      assertEquals(ServiceState.PROVISIONING, get(h, name).getState());
      // the controller stops while the devices are being configured
    }
    FakeProvisioner after = new FakeProvisioner();
    try (LifecycleHarness h = start(after)) {
      h.awaitIdle();
      Service s = get(h, name);
      assertEquals(ServiceState.FAILED, s.getState());
      assertEquals("interrupted by restart", s.getStateReason().getMessage());
      assertEquals(java.util.List.of(ServiceNames.id(name)), after.deprovisioned);
      assertEquals(0, usedSlots(h));
      assertEquals(0, h.ledger().snapshot().transceiversUsed("ta", TestTopology.MODE_TYPE));
    }
  }

  @Test
  void aServiceLeftDeletingFinishesItsDeletionOnRestart() throws Exception {
    String name;
    try (LifecycleHarness h = start(new FakeProvisioner().hang())) {
      h.topology(TestTopology.build(64));
      name = h.stub().createService(create("r1", TestTopology.service())).getName();
      // DELETING waits for the (hanging) provisioning, so the stop catches it mid-deletion
      assertEquals(ServiceState.DELETING,
          h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(name).build()).getState());
    }
    FakeProvisioner after = new FakeProvisioner();
    try (LifecycleHarness h = start(after)) {
      h.awaitIdle();
      assertEquals(ServiceState.DELETED, get(h, name).getState());
      assertTrue(after.deprovisioned.contains(ServiceNames.id(name)));
      assertEquals(0, usedSlots(h));
    }
  }
}
