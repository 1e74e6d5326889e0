package io.lightpath.service;

import io.lightpath.api.StatusDetails;
import static io.lightpath.service.ConnectivityServiceTest.create;
import static io.lightpath.api.StatusDetails.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.WatchServicesRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchServicesTest {
  private LifecycleHarness h;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  /** Reads {@code n} events from a watch starting at {@code from}, then cancels it. */
  private List<ServiceEvent> read(long from, int n) {
    List<ServiceEvent> out = new ArrayList<>();
    try (Context.CancellableContext ctx = Context.current().withCancellation()) {
      ctx.run(() -> {
        Iterator<ServiceEvent> it = h.stub().watchServices(
            WatchServicesRequest.newBuilder().setStartRevision(from).build());
        while (out.size() < n) {
          out.add(it.next());
        }
      });
      ctx.cancel(null);
    }
    return out;
  }

  @Test
  void aClientThatResumesFromLastRevisionPlusOneMissesNothing() throws Exception {
    long start = h.stub().listServices(ListServicesRequest.getDefaultInstance()).getRevision() + 1;
    for (int i = 0; i < 3; i++) {
      h.stub().createService(create("r" + i, TestTopology.service()));
    }
    h.awaitIdle(); // 3 creates + 3 activations = 6 changes
    List<ServiceEvent> firstPart = read(start, 4);
    long resumeAt = firstPart.get(firstPart.size() - 1).getRevision() + 1;
    String victim = firstPart.get(0).getService().getName();
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(victim).build());
    h.awaitIdle(); // + DELETING + DELETED
    List<ServiceEvent> rest = read(resumeAt, 4);
    List<ServiceEvent> all = new ArrayList<>(firstPart);
    all.addAll(rest);
    List<ServiceEvent> reference = read(start, 8);
    assertEquals(reference, all);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i).getRevision() > all.get(i - 1).getRevision());
    }
    assertEquals(ServiceState.DELETED, all.get(7).getService().getState());
    assertEquals(all.get(7).getRevision(), all.get(7).getService().getRevision());
  }

  @Test
  void liveEventsFollowStateChangesOfNamedServices() throws Exception {
    h.provisioner.hang();
    String name = h.stub().createService(create("r1", TestTopology.service())).getName();
    h.stub().createService(create("r2", TestTopology.service()));
    List<ServiceEvent> events = new ArrayList<>();
    try (Context.CancellableContext ctx = Context.current().withCancellation()) {
      ctx.run(() -> {
        Iterator<ServiceEvent> it = h.stub().watchServices(
            WatchServicesRequest.newBuilder().setStartRevision(1).addNames(name).build());
        events.add(it.next());
        for (int i = 0; i < 2; i++) {
          try {
            h.provisioner.nextHanging().complete(
                new io.lightpath.provisioning.ProvisioningResult(List.of(true)));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
        events.add(it.next());
      });
      ctx.cancel(null);
    }
    assertEquals(List.of(ServiceState.PROVISIONING, ServiceState.ACTIVE),
        events.stream().map(e -> e.getService().getState()).toList());
    assertTrue(events.stream().allMatch(e -> e.getService().getName().equals(name)));
  }

  @Test
  void everyChangeIsDecodedOnceHoweverManyWatchesSeeIt() throws Exception {
    long start = h.stub().listServices(ListServicesRequest.getDefaultInstance()).getRevision() + 1;
    ServiceWatcher watcher = h.injector.getInstance(ServiceWatcher.class);
    long before = watcher.decodes();
    for (int i = 0; i < 3; i++) {
      h.stub().createService(create("r" + i, TestTopology.service()));
    }
    h.awaitIdle(); // 3 creates + 3 activations = 6 changes
    List<ServiceEvent> first = read(start, 6);
    List<ServiceEvent> second = read(start, 6);
    List<ServiceEvent> third = read(start, 6);
    assertEquals(first, second);
    assertEquals(first, third);
    assertEquals(6, watcher.decodes() - before);
  }

  @Test
  void aWatchForOtherNamesDecodesNothing() throws Exception {
    ServiceWatcher watcher = h.injector.getInstance(ServiceWatcher.class);
    java.util.concurrent.CompletableFuture<ServiceEvent> seen =
        new java.util.concurrent.CompletableFuture<>();
    io.lightpath.store.Watch w = watcher.watch(0, java.util.Set.of("services/nobody"),
        seen::complete, seen::completeExceptionally);
    try {
      long before = watcher.decodes();
      h.stub().createService(create("r1", TestTopology.service()));
      h.awaitIdle();
      // a store write after the service's changes: once its event is delivered, so were theirs
      h.store().put(io.lightpath.store.Bytes.utf8("/services/nobody"),
          ServiceCodec.encode(new StoredService(io.lightpath.proto.v1.Service.newBuilder()
              .setName("services/nobody").build(), List.of(), null)));
      assertEquals("services/nobody",
          seen.get(10, java.util.concurrent.TimeUnit.SECONDS).getService().getName());
      assertEquals(1, watcher.decodes() - before);
    } finally {
      w.close();
    }
  }

  @Test
  void aCompactedStartRevisionIsOutOfRange() throws Exception {
    h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    h.store().compact(h.store().revision());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
        .watchServices(WatchServicesRequest.newBuilder().setStartRevision(1).build()).next());
    assertEquals(Status.Code.OUT_OF_RANGE, e.getStatus().getCode());
    assertEquals("REVISION_COMPACTED", reason(e));
  }

  @Test
  void badNamesAreFieldViolations() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
        .watchServices(WatchServicesRequest.newBuilder().addNames("devices/x").build()).next());
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(List.of("names[0]"), StatusDetails.violatedFields(e));
  }
}
