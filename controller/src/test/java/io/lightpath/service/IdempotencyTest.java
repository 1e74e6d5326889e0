package io.lightpath.service;

import static io.lightpath.service.ConnectivityServiceTest.create;
import static io.lightpath.api.StatusDetails.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.server.StoreConfig;
import io.lightpath.store.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
  private final ManualClock clock = new ManualClock();

  private LifecycleHarness start() throws Exception {
    LifecycleHarness h = LifecycleHarness.start(StoreConfig.inMemory(), clock, new FakeProvisioner());
    h.topology(TestTopology.build(64));
    return h;
  }

  @Test
  void aRepeatReturnsTheSameServiceAndProvisionsOnce() throws Exception {
    try (LifecycleHarness h = start()) {
      Service first = h.stub().createService(create("req-1", TestTopology.service()));
      h.awaitIdle();
      Service again = h.stub().createService(create("req-1", TestTopology.service()));
      assertEquals(first.getName(), again.getName());
      assertEquals(1, h.provisioner.provisioned.size());
      assertEquals(1, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
    }
  }

  @Test
  void aRepeatThatEchoesOutputOnlyFieldsStillMatches() throws Exception {
    try (LifecycleHarness h = start()) {
      Service first = h.stub().createService(create("req-1", TestTopology.service()));
      Service again = h.stub().createService(create("req-1", first));
      assertEquals(first.getName(), again.getName());
    }
  }

  @Test
  void theSameRequestIdWithAnotherBodyIsRequestIdReused() throws Exception {
    try (LifecycleHarness h = start()) {
      h.stub().createService(create("req-1", TestTopology.service()));
      Service other = TestTopology.service().toBuilder().setDisplayName("other").build();
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> h.stub().createService(create("req-1", other)));
      assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
      assertEquals("REQUEST_ID_REUSED", reason(e));
      assertEquals(1, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
    }
  }

  @Test
  void aFailedRequestIsAnsweredTheSameOnRetry() throws Exception {
    try (LifecycleHarness h = start()) {
      Service nowhere = TestTopology.service().toBuilder()
          .setConstraints(Constraints.newBuilder().setMaxLatencyUs(10)).build();
      StatusRuntimeException first = assertThrows(StatusRuntimeException.class,
          () -> h.stub().createService(create("req-1", nowhere)));
      StatusRuntimeException second = assertThrows(StatusRuntimeException.class,
          () -> h.stub().createService(create("req-1", nowhere)));
      assertEquals(first.getStatus().getCode(), second.getStatus().getCode());
      assertEquals("LATENCY_EXCEEDED", reason(second));
      assertEquals(first.getStatus().getDescription(), second.getStatus().getDescription());
    }
  }

  @Test
  void concurrentDuplicatesCreateExactlyOneService() throws Exception {
    try (LifecycleHarness h = start()) {
      int n = 16;
      ExecutorService pool = Executors.newFixedThreadPool(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<String> call = () -> {
          go.await();
          return h.stub().createService(create("dup", TestTopology.service())).getName();
        };
        answers.add(pool.submit(call));
      }
      go.countDown();
      Set<String> names = new HashSet<>();
      for (Future<String> f : answers) {
        names.add(f.get());
      }
      pool.shutdown();
      assertEquals(1, names.size());
      h.awaitIdle();
      assertEquals(1, h.provisioner.provisioned.size());
      assertEquals(1, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
    }
  }

  @Test
  void aRequestIdIsForgottenAfterTheRetentionWindow() throws Exception {
    try (LifecycleHarness h = start()) {
      Service first = h.stub().createService(create("req-1", TestTopology.service()));
      clock.advance(Duration.ofMinutes(59));
      assertEquals(first.getName(),
          h.stub().createService(create("req-1", TestTopology.service())).getName());
      clock.advance(Duration.ofMinutes(1));
      Service later = h.stub().createService(create("req-1", TestTopology.service()));
      assertNotEquals(first.getName(), later.getName());
      clock.advance(Duration.ofMinutes(61));
      assertEquals(1, h.injector.getInstance(IdempotencyRecords.class).purgeExpired());
    }
  }

  @Test
  void aRepeatAfterARestartReturnsTheSameService(@TempDir Path dir) throws Exception {
    CreateServiceRequest req = create("req-1", TestTopology.service().toBuilder()
        .setAEnd(Endpoint.newBuilder().setNodeId("ta")).putLabels("team", "core").build());
    String name;
    try (LifecycleHarness h = LifecycleHarness.start(StoreConfig.at(dir), clock, new FakeProvisioner())) {
      h.topology(TestTopology.build(64));
      name = h.stub().createService(req).getName();
      h.awaitIdle();
    }
    try (LifecycleHarness h = LifecycleHarness.start(StoreConfig.at(dir), clock, new FakeProvisioner())) {
      Service again = h.stub().createService(req);
      assertEquals(name, again.getName());
      assertEquals(0, h.provisioner.provisioned.size());
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
          .createService(req.toBuilder().setService(req.getService().toBuilder()
              .putLabels("team", "edge")).build()));
      assertEquals("REQUEST_ID_REUSED", reason(e));
    }
  }
}
