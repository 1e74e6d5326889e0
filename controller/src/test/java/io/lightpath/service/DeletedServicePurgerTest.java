package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.server.StoreConfig;
import io.lightpath.store.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETED records stay for the retention, measured on the injected clock, then go. */
class DeletedServicePurgerTest {
  private final ManualClock clock = new ManualClock();
  private LifecycleHarness h;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.start(StoreConfig.inMemory(), clock, new FakeProvisioner());
    h.topology(TestTopology.build(8));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private Service create(String id) throws Exception {
    Service s = h.stub().createService(CreateServiceRequest.newBuilder().setRequestId("r-" + id)
        .setServiceId(id).setService(TestTopology.service()).build());
    h.awaitIdle();
    return s;
  }

  private ServiceState state(String name) {
    return h.stub().getService(GetServiceRequest.newBuilder().setName(name).build()).getState();
  }

  @Test
  void deletedRecordsGoAfterTheRetentionAndNothingElseDoes() throws Exception {
    DeletedServicePurger purger = h.injector.getInstance(DeletedServicePurger.class);
    Service gone = create("gone");
    Service kept = create("kept");
    Service later = create("later");
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(gone.getName()).build());
    h.awaitIdle();
    assertEquals(ServiceState.DELETED, state(gone.getName()));

    clock.advance(Duration.ofHours(23));
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(later.getName()).build());
    h.awaitIdle();
    assertEquals(0, purger.purge(Duration.ofHours(24)), "nothing DELETED for 24 h yet");
    assertEquals(ServiceState.DELETED, state(gone.getName()));

    clock.advance(Duration.ofHours(1));
    assertEquals(1, purger.purge(Duration.ofHours(24)));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> state(gone.getName()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    // deleted an hour later: still there; the ACTIVE one is never touched however old
    assertEquals(ServiceState.DELETED, state(later.getName()));
    assertEquals(ServiceState.ACTIVE, state(kept.getName()));

    clock.advance(Duration.ofDays(30));
    assertEquals(1, purger.purge(Duration.ofHours(24)));
    assertEquals(ServiceState.ACTIVE, state(kept.getName()));
    assertEquals(0, purger.purge(Duration.ofHours(24)));
  }

  @Test
  void aNegativeRetentionIsRefused() {
    DeletedServicePurger purger = h.injector.getInstance(DeletedServicePurger.class);
    assertThrows(IllegalArgumentException.class, () -> purger.purge(Duration.ofSeconds(-1)));
  }
}
