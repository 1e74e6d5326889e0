package io.lightpath.service;

import static io.lightpath.api.StatusDetails.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.StatusDetails;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ComputePathsRequest;
import io.lightpath.proto.v1.ComputePathsResponse;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ListServicesResponse;
import io.lightpath.proto.v1.PathFailureReason;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.RemoveDeviceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.TlsSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectivityServiceTest {
  private LifecycleHarness h;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  static CreateServiceRequest create(String requestId, Service s) {
    return CreateServiceRequest.newBuilder().setRequestId(requestId).setService(s).build();
  }

  private Service get(String name) {
    return h.stub().getService(GetServiceRequest.newBuilder().setName(name).build());
  }

  private int usedSlots() {
    int n = 0;
    for (String f : TestTopology.FIBERS) {
      n += h.ledger().snapshot().usedSlots(f);
    }
    return n;
  }

  @Test
  void createReturnsProvisioningWithChannelsThenBecomesActive() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    assertEquals(ServiceState.PROVISIONING, s.getState());
    assertTrue(s.getName().startsWith("services/svc-"));
    assertEquals(1, s.getChannelsCount());
    Channel ch = s.getChannels(0);
    assertEquals("ta", ch.getPath().getHops(0).getNodeId());
    assertEquals("tz", ch.getPath().getHops(ch.getPath().getHopsCount() - 1).getNodeId());
    assertEquals("to-ra", ch.getPath().getHops(0).getOutPortId());
    assertEquals(TestTopology.MODE_TYPE, "400ZR");
    assertTrue(ch.getPath().getMarginDb() >= 1.0, "default margin is 1 dB");
    assertTrue(ch.getPath().getEnergyPjPerBit() > 0);
    assertTrue(s.getRevision() > 0);

    h.awaitIdle();
    Service active = get(s.getName());
    assertEquals(ServiceState.ACTIVE, active.getState());
    assertTrue(active.getChannels(0).getCarrierUp());
    assertTrue(active.getRevision() > s.getRevision());
    assertEquals(List.of(s.getName().substring("services/".length())), h.provisioner.provisioned);
    // provisioning outlives the CreateService call: it must not run in that call's Context,
    // whose cancellation would cancel every device RPC
    assertTrue(h.provisioner.contexts.stream().noneMatch(io.grpc.Context::isCancelled));
    assertTrue(usedSlots() > 0);
  }

  @Test
  void theProvisionerReadsAheadForTheChannelsItWillProvisionAndAFailingReadAheadIsHarmless()
      throws Exception {
    h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    assertEquals(h.provisioner.provisionedChannels, h.provisioner.prepared);

    h.provisioner.prepareThrows = true;
    Service s = h.stub().createService(create("r2", TestTopology.service()));
    h.awaitIdle();
    assertEquals(ServiceState.ACTIVE, get(s.getName()).getState());
    assertEquals(2, h.provisioner.prepared.size());
  }

  @Test
  void failureAtADeviceStepFailsTheServiceNamingDeviceAndStepAndReleasesEverything()
      throws Exception {
    h.provisioner.failAt("rb", "roadm-media-channel");
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    Service failed = get(s.getName());
    assertEquals(ServiceState.FAILED, failed.getState());
    assertEquals("devices/rb", failed.getStateReason().getDevice());
    assertEquals("roadm-media-channel", failed.getStateReason().getStep());
    assertEquals("DEVICE_REJECTED", failed.getStateReason().getCode());
    assertTrue(failed.getStateReason().getMessage().contains("rb"));
    assertEquals(0, usedSlots());
    assertEquals(0, h.ledger().snapshot().transceiversUsed("ta", "400ZR"));
  }

  @Test
  void deleteDeprovisionsReleasesAndIsIdempotent() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    DeleteServiceRequest del = DeleteServiceRequest.newBuilder().setName(s.getName()).build();
    Service deleting = h.stub().deleteService(del);
    assertTrue(deleting.getState() == ServiceState.DELETING
        || deleting.getState() == ServiceState.DELETED);
    h.awaitIdle();
    assertEquals(ServiceState.DELETED, get(s.getName()).getState());
    assertEquals(ServiceState.DELETED, h.stub().deleteService(del).getState());
    assertEquals(1, h.provisioner.deprovisioned.size());
    assertEquals(0, usedSlots());
    assertEquals(0, h.ledger().snapshot().transceiversUsed("ta", "400ZR"));
  }

  @Test
  void deleteOfAFailedServiceIsImmediateAndDeleteOfUnknownIsNotFound() throws Exception {
    h.provisioner.failAt("ta", "transponder-optical-channel");
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    Service deleted = h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
    assertEquals(ServiceState.DELETED, deleted.getState());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
        .deleteService(DeleteServiceRequest.newBuilder().setName("services/nope").build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
  }

  @Test
  void deleteWhileProvisioningWaitsForProvisioningThenDeletes() throws Exception {
    h.provisioner.hang();
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    Service deleting = h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
    assertEquals(ServiceState.DELETING, deleting.getState());
    h.provisioner.nextHanging().complete(new io.lightpath.provisioning.ProvisioningResult(List.of(true)));
    h.awaitIdle();
    assertEquals(ServiceState.DELETED, get(s.getName()).getState());
    assertEquals(0, usedSlots());
  }

  @Test
  void badInputListsEveryFieldViolation() {
    Service bad = Service.newBuilder().setAEnd(Endpoint.newBuilder().setNodeId("ta")).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
        .createService(CreateServiceRequest.newBuilder().setServiceId("Bad_Id").setService(bad).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("INVALID_FIELD", reason(e));
    Set<String> fields = new HashSet<>(StatusDetails.violatedFields(e));
    assertTrue(fields.containsAll(Set.of("request_id", "service_id", "service.z_end.node_id",
        "service.rate")), fields.toString());
    assertEquals(0, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
  }

  @Test
  void unknownTransceiverModeIsAFieldViolation() {
    Service s = TestTopology.service().toBuilder().setTransceiverMode("no-such-mode").build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r1", s)));
    assertEquals(List.of("service.transceiver_mode"), StatusDetails.violatedFields(e));
  }

  @Test
  void unknownNodeIsConstraintConflict() {
    Service s = TestTopology.service().toBuilder()
        .setZEnd(Endpoint.newBuilder().setNodeId("nowhere")).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r1", s)));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("CONSTRAINT_CONFLICT", reason(e));
    PreconditionFailure pf = StatusDetails.unpack(e, PreconditionFailure.class);
    assertEquals("service.z_end.node_id", pf.getViolations(0).getSubject());
    assertEquals("UNKNOWN_NODE", pf.getViolations(0).getType());
    assertEquals(0, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
  }

  @Test
  void everyUnknownReferenceIsListedWithItsField() {
    Service s = TestTopology.service().toBuilder()
        .setAEnd(Endpoint.newBuilder().setNodeId("nowhere"))
        .setConstraints(Constraints.newBuilder().addIncludeNodeIds("rc").addIncludeNodeIds("ghost")
            .addExcludeFiberIds("no-such-fiber"))
        .build();
    for (StatusRuntimeException e : List.of(
        assertThrows(StatusRuntimeException.class, () -> h.stub().createService(create("r1", s))),
        assertThrows(StatusRuntimeException.class, () -> h.stub().computePaths(
            ComputePathsRequest.newBuilder().setService(s).build())))) {
      assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
      assertEquals("CONSTRAINT_CONFLICT", reason(e));
      assertEquals(List.of("service.a_end.node_id", "service.constraints.include_node_ids[1]",
          "service.constraints.exclude_fiber_ids[0]"),
          StatusDetails.unpack(e, PreconditionFailure.class).getViolationsList().stream()
              .map(PreconditionFailure.Violation::getSubject).toList());
      assertTrue(e.getStatus().getDescription().contains("nowhere (and 2 more)"),
          e.getStatus().getDescription());
    }
    assertEquals(0, h.stub().listServices(ListServicesRequest.getDefaultInstance()).getServicesCount());
  }

  @Test
  void takenPinnedSlotIsNoSpectrum() {
    Constraints pinned = Constraints.newBuilder().addIncludeNodeIds("rc")
        .setPinnedSlot(FrequencySlot.newBuilder().setCenterFrequencyMhz(193_100_000)).build();
    Service s = TestTopology.service().toBuilder().setConstraints(pinned).build();
    Service first = h.stub().createService(create("r1", s));
    assertEquals(193_100_000, first.getChannels(0).getPath().getSlot().getCenterFrequencyMhz());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r2", s)));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertEquals("NO_SPECTRUM", reason(e));
  }

  @Test
  void unamplifiedLongFiberIsQotInfeasible() {
    Service s = TestTopology.service().toBuilder().setAEnd(Endpoint.newBuilder().setNodeId("tx"))
        .setZEnd(Endpoint.newBuilder().setNodeId("ty")).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r1", s)));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("QOT_INFEASIBLE", reason(e));
  }

  @Test
  void latencyBoundBelowEveryRouteIsLatencyExceeded() {
    Service s = TestTopology.service().toBuilder()
        .setConstraints(Constraints.newBuilder().setMaxLatencyUs(10)).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r1", s)));
    assertEquals("LATENCY_EXCEEDED", reason(e));
  }

  @Test
  void diverseFromAnUnknownServiceIsNotFound() {
    Service s = TestTopology.service().toBuilder()
        .setConstraints(Constraints.newBuilder().addDiverseFromServices("services/ghost")).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r1", s)));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    assertEquals("RESOURCE_NOT_FOUND", reason(e));
  }

  @Test
  void diverseFromAnExistingServiceTakesTheOtherRoute() {
    Service first = h.stub().createService(create("r1", TestTopology.service()));
    Service second = h.stub().createService(create("r2", TestTopology.service().toBuilder()
        .setConstraints(Constraints.newBuilder().addDiverseFromServices(first.getName())).build()));
    Set<String> a = fibers(first);
    Set<String> b = fibers(second);
    a.retainAll(b);
    assertTrue(a.isEmpty(), "shared core fibers: " + a);
  }

  private static Set<String> fibers(Service s) {
    Set<String> out = new HashSet<>();
    s.getChannels(0).getPath().getHopsList().forEach(hop -> out.add(hop.getFiberId()));
    out.remove("");
    return out;
  }

  @Test
  void serviceIdIsHonouredAndTakenIdIsAlreadyExists() {
    CreateServiceRequest r = create("r1", TestTopology.service()).toBuilder().setServiceId("wave-1").build();
    assertEquals("services/wave-1", h.stub().createService(r).getName());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(r.toBuilder().setRequestId("r2").build()));
    assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
    assertEquals("RESOURCE_ALREADY_EXISTS", reason(e));
  }

  @Test
  void listPagesInNameOrderAndFiltersByState() throws Exception {
    for (int i = 0; i < 5; i++) {
      h.stub().createService(create("r" + i, TestTopology.service()).toBuilder()
          .setServiceId("s" + i).build());
    }
    h.awaitIdle();
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName("services/s2").build());
    h.awaitIdle();
    ListServicesResponse p1 = h.stub().listServices(ListServicesRequest.newBuilder().setPageSize(2).build());
    assertEquals(List.of("services/s0", "services/s1"), p1.getServicesList().stream().map(Service::getName).toList());
    ListServicesResponse p2 = h.stub().listServices(ListServicesRequest.newBuilder().setPageSize(2)
        .setPageToken(p1.getNextPageToken()).build());
    assertEquals(List.of("services/s2", "services/s3"), p2.getServicesList().stream().map(Service::getName).toList());
    ListServicesResponse p3 = h.stub().listServices(ListServicesRequest.newBuilder().setPageSize(2)
        .setPageToken(p2.getNextPageToken()).build());
    assertEquals(List.of("services/s4"), p3.getServicesList().stream().map(Service::getName).toList());
    assertTrue(p3.getNextPageToken().isEmpty());
    ListServicesResponse active = h.stub().listServices(ListServicesRequest.newBuilder()
        .addStates(ServiceState.ACTIVE).build());
    assertEquals(4, active.getServicesCount());
    assertTrue(active.getRevision() > 0);
  }

  @Test
  void computePathsReturnsDisjointCandidatesAndReservesNothing() {
    ComputePathsResponse r = h.stub().computePaths(ComputePathsRequest.newBuilder()
        .setService(TestTopology.service()).setMaxCandidates(3).build());
    assertFalse(r.hasFailure());
    assertEquals(2, r.getCandidatesCount(), "two link-disjoint routes exist");
    var path = r.getCandidates(0).getChannels(0).getPath();
    assertTrue(path.getGsnrDb() > 0 && path.getOsnr0P1NmDb() > 0 && path.getLatencyUs() > 0);
    assertEquals(0, usedSlots());
    ComputePathsResponse none = h.stub().computePaths(ComputePathsRequest.newBuilder()
        .setService(TestTopology.service().toBuilder()
            .setConstraints(Constraints.newBuilder().setMaxLatencyUs(10))).build());
    assertEquals(PathFailureReason.LATENCY_EXCEEDED, none.getFailure().getReason());
    assertEquals(0, none.getCandidatesCount());
  }

  @Test
  void removingAFiberALiveServiceUsesIsTopologyInUse() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    String fiber = s.getChannels(0).getPath().getHops(1).getFiberId();
    io.lightpath.proto.v1.Topology without = TestTopology.build(64).toBuilder().clearFibers()
        .addAllFibers(TestTopology.build(64).getFibersList().stream()
            .filter(f -> !f.getId().equals(fiber)).toList()).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.topology(without));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("TOPOLOGY_IN_USE", reason(e));
    assertTrue(e.getStatus().getDescription().contains(s.getName()));
    h.awaitIdle();
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
    h.awaitIdle();
    h.topology(without); // nothing uses it any more
  }

  @Test
  void aServiceEndsOnTranspondersNotOnRoadmsOrSites() throws Exception {
    assertEquals("ta", TestTopology.build(64).getNodes(0).getId());
    h.topology(TestTopology.build(64).toBuilder()
        .setNodes(0, TestTopology.build(64).getNodes(0).toBuilder().setSiteId("alder")).build());
    StatusRuntimeException roadm = assertThrows(StatusRuntimeException.class, () -> h.stub().createService(
        create("e1", TestTopology.service().toBuilder().setAEnd(Endpoint.newBuilder().setNodeId("ra")).build())));
    assertEquals(Status.Code.FAILED_PRECONDITION, roadm.getStatus().getCode());
    assertEquals("CONSTRAINT_CONFLICT", reason(roadm));
    PreconditionFailure.Violation v = StatusDetails.unpack(roadm, PreconditionFailure.class).getViolations(0);
    assertEquals("NOT_A_TRANSPONDER", v.getType());
    assertEquals("service.a_end.node_id", v.getSubject());
    assertTrue(v.getDescription().startsWith("ra is a ROADM node"), v.getDescription());
    for (boolean create : new boolean[] {true, false}) {
      Service bySite = TestTopology.service().toBuilder().setAEnd(Endpoint.newBuilder().setNodeId("alder")).build();
      StatusRuntimeException site = assertThrows(StatusRuntimeException.class, () -> {
        if (create) {
          h.stub().createService(create("e2", bySite));
        } else {
          h.stub().computePaths(ComputePathsRequest.newBuilder().setService(bySite).build());
        }
      });
      assertEquals(Status.Code.FAILED_PRECONDITION, site.getStatus().getCode());
      PreconditionFailure.Violation sv = StatusDetails.unpack(site, PreconditionFailure.class).getViolations(0);
      assertEquals("SITE_NOT_NODE", sv.getType());
      assertEquals("alder is a site, not a node; name one of its transponders: ta", sv.getDescription());
    }
    assertEquals(0, usedSlots());
  }

  @Test
  void removingADeviceALiveServiceRunsThroughIsTopologyInUseUnlessForced() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    String transit = s.getChannels(0).getPath().getHops(1).getNodeId();
    DeviceServiceGrpc.DeviceServiceBlockingStub devices = DeviceServiceGrpc.newBlockingStub(h.channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
    // one device realizes the transit node through node_id, one by its own id, one is unrelated
    devices.registerDevice(device("d-transit", transit));
    devices.registerDevice(device(s.getAEnd().getNodeId(), ""));
    devices.registerDevice(device("d-spare", "no-such-node"));
    h.awaitIdle();

    for (String id : List.of("d-transit", s.getAEnd().getNodeId())) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> devices.removeDevice(RemoveDeviceRequest.newBuilder().setName("devices/" + id).build()));
      assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), id);
      assertEquals("TOPOLOGY_IN_USE", reason(e));
      assertTrue(e.getStatus().getDescription().contains(s.getName()), e.getStatus().getDescription());
      devices.getDevice(GetDeviceRequest.newBuilder().setName("devices/" + id).build()); // still there
    }
    devices.removeDevice(RemoveDeviceRequest.newBuilder().setName("devices/d-spare").build());
    devices.removeDevice(RemoveDeviceRequest.newBuilder().setName("devices/d-transit").setForce(true).build());
    h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
    h.awaitIdle();
    devices.removeDevice(RemoveDeviceRequest.newBuilder()
        .setName("devices/" + s.getAEnd().getNodeId()).build()); // nothing runs through it any more
  }

  private static RegisterDeviceRequest device(String id, String nodeId) {
    return RegisterDeviceRequest.newBuilder().setDeviceId(id).setDevice(Device.newBuilder()
        .setAddress("127.0.0.1:1").setTarget(id).setProtocol(DeviceProtocol.GNMI).setRole(DeviceRole.DEVICE_ROLE_ROADM)
        .setNodeId(nodeId).setTls(TlsSettings.newBuilder().setInsecurePlaintext(true))).build();
  }

  @Test
  void onePlusOneGetsAWorkingAndAProtectionChannelOnDisjointRoutes() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service().toBuilder()
        .setProtection(io.lightpath.proto.v1.Protection.ONE_PLUS_ONE).build()));
    assertEquals(List.of("w", "p"), s.getChannelsList().stream().map(Channel::getId).toList());
    Set<String> w = new HashSet<>();
    s.getChannels(0).getPath().getHopsList().forEach(x -> w.add(x.getFiberId()));
    s.getChannels(1).getPath().getHopsList().forEach(x -> assertTrue(
        x.getFiberId().isEmpty() || !w.contains(x.getFiberId()), x.getFiberId()));
    h.awaitIdle();
    assertEquals(ServiceState.ACTIVE, get(s.getName()).getState());
  }

  @Test
  void aBundleIsAllOrNothing() throws Exception {
    Service bundle = TestTopology.service().toBuilder().setBundle(io.lightpath.proto.v1.Bundle
        .newBuilder().setChannelCount(4).setMinDisjointRoutes(2)).build();
    Service s = h.stub().createService(create("r1", bundle));
    assertEquals(4, s.getChannelsCount());
    int before = usedSlots();
    // 64 transceivers per end: 4 + 61 cannot fit, and the failed bundle must take nothing
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> h.stub()
        .createService(create("r2", bundle.toBuilder().setBundle(bundle.getBundle().toBuilder()
            .setChannelCount(61)).build())));
    assertEquals("NO_TRANSCEIVER", reason(e));
    assertEquals(before, usedSlots());
  }

  @Test
  void aChannelWithoutCarrierIsDegraded() throws Exception {
    h.provisioner.hang();
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    h.provisioner.nextHanging().complete(new io.lightpath.provisioning.ProvisioningResult(List.of(false)));
    h.awaitIdle();
    Service degraded = get(s.getName());
    assertEquals(ServiceState.DEGRADED, degraded.getState());
    assertFalse(degraded.getChannels(0).getCarrierUp());
    assertTrue(usedSlots() > 0, "a DEGRADED service keeps its resources");
  }

  @Test
  void aFailedDeprovisioningStaysDeletingAndARepeatedDeleteRetries() throws Exception {
    Service s = h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    h.provisioner.failDeprovision(1);
    DeleteServiceRequest del = DeleteServiceRequest.newBuilder().setName(s.getName()).build();
    h.stub().deleteService(del);
    h.awaitIdle();
    Service stuck = get(s.getName());
    assertEquals(ServiceState.DELETING, stuck.getState());
    assertEquals("DEVICE_TIMEOUT", stuck.getStateReason().getCode());
    assertEquals("devices/ta", stuck.getStateReason().getDevice());
    assertTrue(usedSlots() > 0, "resources stay held until the devices are clean");
    assertEquals(ServiceState.DELETING, h.stub().deleteService(del).getState());
    h.awaitIdle();
    assertEquals(ServiceState.DELETED, get(s.getName()).getState());
    assertEquals(0, usedSlots());
  }

  @Test
  void aServiceNamingATransponderWithNoFreeTransceiverIsRefusedNotLentASiteMates()
      throws Exception {
    // ta: one transceiver, two line ports (to-ra, to-rc), at site alder with ta2 (two free). Old
    // behaviour: the second service was accepted and provisioned out of ta's free line port
    // to-rc, lighting a second channel on ta, while the ledger charged one of ta2's transceivers.
    io.lightpath.proto.v1.Topology one = TestTopology.build(1);
    io.lightpath.proto.v1.Topology.Builder t = one.toBuilder();
    for (int i = 0; i < t.getNodesCount(); i++) {
      if (t.getNodes(i).getId().equals("ta")) {
        t.setNodes(i, t.getNodes(i).toBuilder().setSiteId("alder"));
      } else if (t.getNodes(i).getId().equals("tz")) {
        t.setNodes(i, t.getNodes(i).toBuilder().setTransceivers(0,
            t.getNodes(i).getTransceivers(0).toBuilder().setTotalCount(2)));
      }
    }
    t.addNodes(io.lightpath.proto.v1.Node.newBuilder().setId("ta2").setSiteId("alder")
        .setKind(io.lightpath.proto.v1.NodeKind.TRANSPONDER)
        .addTransceivers(io.lightpath.proto.v1.TransceiverPool.newBuilder()
            .setType(TestTopology.MODE_TYPE).setTotalCount(2)));
    t.addFibers(io.lightpath.proto.v1.Fiber.newBuilder().setId("ta2-ra").setANodeId("ta2")
        .setAPortId("to-ra").setZNodeId("ra").setZPortId("to-ta2").setLengthKm(1));
    h.topology(t.build());

    h.stub().createService(create("r1", TestTopology.service()));
    h.awaitIdle();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.stub().createService(create("r2", TestTopology.service())));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertEquals("NO_TRANSCEIVER", reason(e));
    String why = e.getStatus().getDescription();
    assertTrue(why.contains("transponder ta ") && why.contains("ta2 (2 free)"), why);
    assertEquals("ta", StatusDetails.unpack(e, com.google.rpc.ErrorInfo.class).getMetadataMap()
        .get("limiting_element"));
    assertEquals(1, h.ledger().snapshot().transceiversUsed("ta", TestTopology.MODE_TYPE));
    assertEquals(0, h.ledger().snapshot().transceiversUsed("ta2", TestTopology.MODE_TYPE));
    assertEquals(1, h.provisioner.provisioned.size());
  }
}
