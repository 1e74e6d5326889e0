package io.lightpath.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.lightpath.demo.ServiceWatch;
import io.lightpath.it.crash.CrashLab;
import io.lightpath.it.crash.Invariants;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.ReplaceTopologyRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service flows end to end: the controller as its own process (the runnable jar), the crash
 * lab's emulated gNMI devices in this JVM, every call over loopback gRPC. After each test every
 * service is deleted and no configuration may be left on any device, so a flow that leaks device
 * state fails the test that caused it.
 *
 * <p>The route anna-tp1 to carl-tp1 is anna-tp1, anna-roadm, (chord), carl-roadm, carl-tp1: ROADMs
 * first, transponders last (docs/provisioning.md).
 */
class ServiceFlowsIT {
  private static final long DEVICE_TIMEOUT_MS = 1500;
  private static CrashLab lab;
  private static ControllerProcess controller;
  private static ManagedChannel channel;
  private static Invariants invariants;

  @BeforeAll
  static void start() throws Exception {
    lab = CrashLab.start();
    controller = ControllerProcess.start("--device-timeout-ms", String.valueOf(DEVICE_TIMEOUT_MS));
    channel = NettyChannelBuilder.forTarget(controller.target()).usePlaintext().build();
    TopologyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).replaceTopology(
        ReplaceTopologyRequest.newBuilder().setTopology(lab.controllerTopology()).build());
    for (RegisterDeviceRequest r : lab.registrations()) {
      DeviceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).registerDevice(r);
    }
    invariants = new Invariants(lab.controllerTopology());
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (controller != null) {
      controller.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @AfterEach
  void deleteEverythingAndCheckTheDevicesAreClean() throws Exception {
    for (String device : List.of("anna-roadm", "carl-roadm", "carl-tp1", "anna-tp1")) {
      lab.device(device).faults().setFailingSets(0);
      lab.device(device).faults().setLatencyMs(0);
    }
    try (Watch w = Watch.start()) {
      for (Service s : services()) {
        if (s.getState() != ServiceState.DELETED) {
          stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
          w.until(s.getName(), ServiceState.DELETED);
        }
      }
    }
    assertEquals(List.of(), lab.configuration(), "configuration left on the devices");
  }

  @Test
  void createWatchAndDeleteStreamEveryStateChangeAndLeaveNothingBehind() throws Exception {
    try (Watch w = Watch.start()) {
      Service created = stub().createService(create("flow-1", "anna-tp1", "carl-tp1").build());
      assertEquals("services/flow-1", created.getName());
      ServiceEvent active = w.until("services/flow-1", ServiceState.ACTIVE);
      Service lit = active.getService();
      assertEquals(1, lit.getChannelsCount());
      assertTrue(lit.getChannels(0).getPath().getHopsCount() >= 3, lit.toString());
      assertEquals(List.of(), invariants.devicesMatchServices(services(), lab.configuration()));

      stub().deleteService(DeleteServiceRequest.newBuilder().setName("services/flow-1").build());
      ServiceEvent deleted = w.until("services/flow-1", ServiceState.DELETED);
      assertTrue(deleted.getRevision() > active.getRevision());
      // revisions only grow, and the stream saw PROVISIONING before ACTIVE before DELETED
      List<ServiceState> seen = w.states("services/flow-1");
      assertTrue(seen.indexOf(ServiceState.ACTIVE) > seen.indexOf(ServiceState.PROVISIONING), seen.toString());
      assertTrue(seen.indexOf(ServiceState.DELETED) > seen.indexOf(ServiceState.ACTIVE), seen.toString());
      assertEquals(List.of(), lab.configuration());

      // a client that reconnects from a revision gets what it missed, in order
      try (Watch replay = Watch.from(active.getRevision())) {
        replay.until("services/flow-1", ServiceState.DELETED);
        assertEquals(ServiceState.ACTIVE, replay.states("services/flow-1").get(0));
      }
      // deleting again is a no-op success
      stub().deleteService(DeleteServiceRequest.newBuilder().setName("services/flow-1").build());
    }
  }

  @Test
  void invalidRequestsGetFieldViolationsAndCreateNothing() throws Exception {
    CreateServiceRequest bad = CreateServiceRequest.newBuilder().setRequestId("bad-1")
        .setService(Service.newBuilder()
            .setAEnd(Endpoint.newBuilder().setNodeId("anna-tp1"))
            .setConstraints(Constraints.newBuilder().setPinnedSlot(
                FrequencySlot.newBuilder().setCenterFrequencyMhz(193_100_001).setWidthMhz(1000))))
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub().createService(bad));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    Set<String> fields = violations(e);
    assertTrue(fields.containsAll(Set.of("service.z_end.node_id", "service.rate")), fields.toString());
    assertTrue(fields.stream().anyMatch(f -> f.startsWith("service.constraints.pinned_slot")), fields.toString());

    StatusRuntimeException unknownNode = assertThrows(StatusRuntimeException.class,
        () -> stub().createService(create("bad-2", "anna-tp1", "nowhere").build()));
    // well-formed, but names a node the topology does not have: a conflict with the system's state
    assertEquals(Status.Code.FAILED_PRECONDITION, unknownNode.getStatus().getCode(), unknownNode.toString());
    assertEquals("CONSTRAINT_CONFLICT", reason(unknownNode));
    assertTrue(unknownNode.getStatus().getDescription().contains("nowhere"), unknownNode.toString());
    assertEquals(Set.of("service.z_end.node_id"), violations(unknownNode));
    assertEquals(List.of(), services());
    assertEquals(List.of(), lab.configuration());
  }

  @Test
  void noSpectrumIsResourceExhaustedAndBooksNothing() throws Exception {
    Service first = createAndSettle(create("pin-1", "anna-tp1", "bert-tp1"));
    assertEquals(ServiceState.ACTIVE, first.getState(), first.toString());
    FrequencySlot slot = first.getChannels(0).getPath().getSlot();
    // the same slot over the same anna - bert fiber is taken (without include_fiber_ids the
    // path computation would go round the ring on the same slot instead)
    CreateServiceRequest.Builder second = pinned(create("pin-2", "anna-tp2", "bert-tp2"), slot);
    second.getServiceBuilder().getConstraintsBuilder().addIncludeFiberIds("anna-bert");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub().createService(second.build()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
    assertEquals("NO_SPECTRUM", reason(e));
    assertEquals(1, services().size());
    assertEquals(List.of(), invariants.devicesMatchServices(services(), lab.configuration()));
  }

  @ParameterizedTest(name = "{0} fails the Set")
  @CsvSource({"anna-roadm, roadm-media-channel", "carl-roadm, roadm-media-channel",
      "carl-tp1, transponder-optical-channel"})
  void deviceFailingTheSetAtHopKFailsTheServiceAndRollsEverythingBack(String device, String step)
      throws Exception {
    // the emulator answers the Set with UNAVAILABLE ("injected fault"), as a device whose
    // agent restarts would
    lab.device(device).faults().setFailingSets(1);
    Service failed = createAndSettle(create("unavailable-" + device, "anna-tp1", "carl-tp1"));
    assertEquals(ServiceState.FAILED, failed.getState(), failed.toString());
    assertEquals("DEVICE_UNREACHABLE", failed.getStateReason().getCode(), failed.getStateReason().toString());
    assertEquals("devices/" + device, failed.getStateReason().getDevice());
    assertEquals(step, failed.getStateReason().getStep());
    assertEquals(List.of(), lab.configuration(), "rolled back on every device");
    assertSpectrumReleased();
  }

  @Test
  void deviceRefusingTheChangeFailsTheServiceAndRollsEverythingBack() throws Exception {
    // configuration the controller does not know about: a media channel over the whole C band
    // from carl-roadm's chord port, so the service's channel from chord to carl-tp1's add port
    // overlaps it there
    String rogue = "/wavelength-router/media-channels/channel[index=900]";
    lab.edit("carl-roadm", rogue, """
        {"index": 900, "config": {"index": 900, "lower-frequency": 191325000,
          "upper-frequency": 196125000, "admin-status": "ENABLED"},
         "source": {"config": {"port-name": "chord"}}, "dest": {"config": {"port-name": "east"}}}""");
    try {
      Service failed = createAndSettle(create("refused-1", "anna-tp1", "carl-tp1"));
      assertEquals(ServiceState.FAILED, failed.getState(), failed.toString());
      assertEquals("DEVICE_REJECTED", failed.getStateReason().getCode(), failed.getStateReason().toString());
      assertEquals("devices/carl-roadm", failed.getStateReason().getDevice());
      assertEquals("roadm-media-channel", failed.getStateReason().getStep());
      assertTrue(failed.getStateReason().getMessage().contains("overlaps"), failed.getStateReason().getMessage());
      assertEquals(1, lab.configuration().size(), "only the rogue channel is left: " + lab.configuration());
    } finally {
      lab.delete("carl-roadm", rogue);
    }
    assertSpectrumReleased();
  }

  @Test
  void deviceSlowerThanTheDeadlineTimesOutAndRollsEverythingBack() throws Exception {
    lab.device("carl-roadm").faults().setLatencyMs(DEVICE_TIMEOUT_MS * 3);
    Service failed = createAndSettle(create("slow-1", "anna-tp1", "carl-tp1"));
    assertEquals(ServiceState.FAILED, failed.getState(), failed.toString());
    assertEquals("DEVICE_TIMEOUT", failed.getStateReason().getCode(), failed.getStateReason().toString());
    assertEquals("devices/carl-roadm", failed.getStateReason().getDevice());
    lab.device("carl-roadm").faults().setLatencyMs(0);
    // a late Set may still land on the slow device after the deadline; the rollback removes it,
    // so wait until the device has processed both before judging
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!lab.configuration().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(List.of(), lab.configuration(), "rolled back on every device");
    assertSpectrumReleased();
  }

  @Test
  void requestIdMakesCreateIdempotentAndRejectsADifferentBody() throws Exception {
    CreateServiceRequest request = create("idem-1", "anna-tp1", "carl-tp1").setRequestId("req-idem").build();
    // watching from before the create: provisioning may finish before the duplicate calls return
    try (Watch w = Watch.start()) {
      Service first = stub().createService(request);
      Service again = stub().createService(request);
      assertEquals(first.getName(), again.getName());
      assertEquals(first.getCreateTime(), again.getCreateTime());
      CreateServiceRequest other = create("idem-2", "anna-tp2", "bert-tp2").setRequestId("req-idem").build();
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub().createService(other));
      assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
      assertEquals("REQUEST_ID_REUSED", reason(e));
      w.until("services/idem-1", ServiceState.ACTIVE);
    }
    assertEquals(1, services().size());
  }

  @Test
  void concurrentCreatesOnContendedLinksNeverDoubleBook() throws Exception {
    String[] tps = {"anna-tp1", "anna-tp2", "bert-tp1", "bert-tp2", "carl-tp1", "carl-tp2", "dora-tp1", "dora-tp2"};
    List<CreateServiceRequest> requests = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String a = tps[i % tps.length];
      String z = tps[(i * 3 + 1) % tps.length];
      if (!a.substring(0, 4).equals(z.substring(0, 4))) {
        requests.add(create("race-" + i, a, z).build());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<?>> calls = new ArrayList<>();
    try (Watch w = Watch.start()) {
      for (CreateServiceRequest r : requests) {
        calls.add(pool.submit(() -> {
          try {
            stub().createService(r);
          } catch (StatusRuntimeException e) {
            // no transceiver or spectrum left: expected for some of them
            assertTrue(Set.of(Status.Code.RESOURCE_EXHAUSTED, Status.Code.FAILED_PRECONDITION)
                .contains(e.getStatus().getCode()), e.toString());
          }
          return null;
        }));
      }
      for (Future<?> f : calls) {
        f.get(60, TimeUnit.SECONDS);
      }
      for (Service s : services()) {
        w.untilSettled(s.getName());
      }
    } finally {
      pool.shutdownNow();
    }
    List<Service> all = services();
    assertTrue(all.stream().anyMatch(s -> s.getState() == ServiceState.ACTIVE), all.toString());
    assertEquals(List.of(), invariants.noDoubleBooking(all));
    assertEquals(List.of(), invariants.devicesMatchServices(all, lab.configuration()));
  }

  /** After a failure the slot is free again: the same pinned request now succeeds. */
  private void assertSpectrumReleased() throws Exception {
    Service ok = createAndSettle(create("after-" + System.nanoTime(), "anna-tp1", "carl-tp1"));
    assertEquals(ServiceState.ACTIVE, ok.getState(), ok.toString());
  }

  private static Service createAndSettle(CreateServiceRequest.Builder request) throws Exception {
    try (Watch w = Watch.start()) {
      Service s = stub().createService(request.build());
      return w.untilSettled(s.getName()).getService();
    }
  }

  private static CreateServiceRequest.Builder create(String id, String a, String z) {
    return CreateServiceRequest.newBuilder().setRequestId("req-" + id).setServiceId(id)
        .setService(Service.newBuilder()
            .setAEnd(Endpoint.newBuilder().setNodeId(a))
            .setZEnd(Endpoint.newBuilder().setNodeId(z))
            .setRate(LineRate.LINE_RATE_100G));
  }

  private static CreateServiceRequest.Builder pinned(CreateServiceRequest.Builder r, FrequencySlot slot) {
    r.getServiceBuilder().getConstraintsBuilder().setPinnedSlot(slot);
    return r;
  }

  /** Services not yet DELETED (earlier tests leave DELETED records behind). */
  private static List<Service> services() {
    return stub().listServices(ListServicesRequest.newBuilder().setPageSize(1000).build())
        .getServicesList().stream().filter(s -> s.getState() != ServiceState.DELETED).toList();
  }

  private static ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub() {
    return ConnectivityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Fields named by the BadRequest or PreconditionFailure details. */
  private static Set<String> violations(StatusRuntimeException e) throws InvalidProtocolBufferException {
    Set<String> fields = new TreeSet<>();
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertNotNull(status, "no google.rpc.Status details");
    for (com.google.protobuf.Any d : status.getDetailsList()) {
      if (d.is(BadRequest.class)) {
        d.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
      }
      if (d.is(PreconditionFailure.class)) {
        d.unpack(PreconditionFailure.class).getViolationsList().forEach(v -> fields.add(v.getSubject()));
      }
    }
    return fields;
  }

  private static String reason(StatusRuntimeException e) throws InvalidProtocolBufferException {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertNotNull(status, "no google.rpc.Status details");
    for (com.google.protobuf.Any d : status.getDetailsList()) {
      if (d.is(ErrorInfo.class)) {
        return d.unpack(ErrorInfo.class).getReason();
      }
    }
    return "";
  }

  /** WatchServices through the controller's client helper ({@link ServiceWatch}), events kept. */
  private static final class Watch implements AutoCloseable {
    private final ServiceWatch watch;

    private Watch(ServiceWatch watch) {
      this.watch = watch;
    }

    /** Every change after now. */
    static Watch start() {
      return new Watch(ServiceWatch.start(channel, true));
    }

    static Watch from(long revision) {
      return new Watch(ServiceWatch.start(channel, revision, true));
    }

    ServiceEvent until(String name, ServiceState state) throws Exception {
      return await(name, Set.of(state));
    }

    ServiceEvent untilSettled(String name) throws Exception {
      return await(name, Set.of(ServiceState.ACTIVE, ServiceState.FAILED, ServiceState.DELETED));
    }

    /** The event that showed {@code name} in one of {@code states}. */
    private ServiceEvent await(String name, Set<ServiceState> states) throws Exception {
      try {
        watch.when(name, states).get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        Service now = stub().getService(GetServiceRequest.newBuilder().setName(name).build());
        throw new AssertionError(name + " never reached " + states + "; now " + now.getState(), e);
      }
      List<ServiceEvent> mine = events(name);
      for (int i = mine.size() - 1; i >= 0; i--) {
        if (states.contains(mine.get(i).getService().getState())) {
          return mine.get(i);
        }
      }
      throw new AssertionError(name + " reached " + states + " without an event");
    }

    List<ServiceState> states(String name) {
      return events(name).stream().map(e -> e.getService().getState()).toList();
    }

    private List<ServiceEvent> events(String name) {
      return watch.events().stream().map(ServiceWatch.Received::event)
          .filter(e -> e.getService().getName().equals(name)).toList();
    }

    @Override
    public void close() {
      watch.close();
    }
  }
}
