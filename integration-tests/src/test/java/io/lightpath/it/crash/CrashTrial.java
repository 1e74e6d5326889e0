package io.lightpath.it.crash;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ComputePathsRequest;
import io.lightpath.proto.v1.ComputePathsResponse;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.GetTopologyRequest;
import io.lightpath.proto.v1.Hop;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ListServicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.ReplaceTopologyRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One crash trial: run the plan against a controller that crashes (failpoint or SIGKILL), restart
 * it without failpoints on the same data directory, wait for reconciliation, check the invariants.
 * See docs/crash-testing.md for the invariants and what each check proves.
 */
final class CrashTrial {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Recovery alone must leave the devices right: device reconciliation would mend a leftover
   * before the invariants could see it (ReconcileIT tests reconciliation on its own).
   */
  private static final String[] NO_RECONCILIATION = {"--reconcile", "off"};
  private static final Duration RPC_DEADLINE = Duration.ofSeconds(10);
  /** How long the first run may keep going after the last operation before it is SIGKILLed. */
  private static final Duration FIRST_RUN_GRACE = Duration.ofSeconds(3);
  /** Bound on reconciliation after the restart. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private final TrialPlan plan;
  private final CrashLab lab;
  private final Topology topology;

  /** Acknowledged creates: plan index to (request, service name). */
  private final Map<Integer, Acked> acked = new LinkedHashMap<>();
  /** Names of services whose DeleteService was acknowledged. */
  private final List<String> ackedDeletes = new ArrayList<>();
  private boolean topologyAcked;
  private final List<String> notes = new ArrayList<>();

  private record Acked(CreateServiceRequest request, String name) {}

  CrashTrial(TrialPlan plan, CrashLab lab) {
    this.plan = plan;
    this.lab = lab;
    this.topology = lab.controllerTopology();
  }

  /** Runs the trial; never throws for a controller misbehaviour, only reports it. */
  TrialResult run() throws Exception {
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("lightpath-crash-");
    List<String> violations = new ArrayList<>();
    List<Service> finalServices = List.of();
    String crashedHow;
    ControllerJvm second = null;
    try {
      crashedHow = firstRun(dir);
      second = ControllerJvm.start(dir, "", START_TIMEOUT, NO_RECONCILIATION);
      ManagedChannel ch = channel(second.port());
      try {
        Stubs s = new Stubs(ch);
        ensureSetup(s, violations);
        finalServices = awaitSettled(s);
        violations.addAll(check(s, finalServices));
        if (!violations.isEmpty()) {
          finalServices.forEach(x -> notes.add("service " + describe(x)));
          lab.configuration().forEach(i -> notes.add("device config " + i));
        }
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      violations.add("trial aborted: " + e);
      crashedHow = "?";
    } finally {
      if (second != null) {
        if (!violations.isEmpty()) {
          notes.add("restarted controller log:\n" + second.log());
        }
        second.close();
      }
      deleteTree(dir);
    }
    Map<ServiceState, Integer> states = new LinkedHashMap<>();
    finalServices.forEach(x -> states.merge(x.getState(), 1, Integer::sum));
    return new TrialResult(plan, crashedHow, acked.size(), ackedDeletes.size(), states, violations,
        notes, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The crashing run. Returns how it ended. */
  private String firstRun(Path dir) throws Exception {
    ControllerJvm first = ControllerJvm.start(dir, plan.failpoints(), START_TIMEOUT, NO_RECONCILIATION);
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crash-killer");
      t.setDaemon(true);
      return t;
    });
    ManagedChannel ch = channel(first.port());
    try {
      Stubs s = new Stubs(ch);
      try {
        setUp(s);
        topologyAcked = true;
      } catch (StatusRuntimeException e) {
        // a crash closes the connection a moment before the process is reaped
        if (first.awaitExit(Duration.ofSeconds(5)) < 0) {
          throw e;
        }
        return "crashed during setup at " + crashLine(first);
      }
      if (plan.killAfterMs() >= 0) {
        killer.schedule(first::kill, plan.killAfterMs(), TimeUnit.MILLISECONDS);
      }
      for (TrialPlan.Op op : plan.ops()) {
        if (!first.alive()) {
          break;
        }
        fire(s, op);
        if (op.pauseMs() > 0) {
          Thread.sleep(op.pauseMs());
        }
      }
      // let asynchronous provisioning reach the failpoint (or settle), then kill whatever is left
      long deadline = System.nanoTime() + FIRST_RUN_GRACE.toNanos();
      while (first.alive() && System.nanoTime() < deadline && !settled(s)) {
        Thread.sleep(50);
      }
      if (plan.killAfterMs() >= 0) {
        // the scheduled kill may not have come yet: it is part of the plan, so wait for it
        first.awaitExit(Duration.ofMillis(plan.killAfterMs() + 2000));
      }
      boolean late = first.alive();
      first.kill();
      first.awaitExit(Duration.ofSeconds(30));
      String line = crashLine(first);
      if (!line.isEmpty()) {
        return "crashed at " + line;
      }
      return late && plan.killAfterMs() < 0 ? "failpoint not reached; SIGKILLed after the operations"
          : "SIGKILL";
    } finally {
      killer.shutdownNow();
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      first.close();
    }
  }

  private void setUp(Stubs s) {
    s.topology().replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(topology).build());
    for (RegisterDeviceRequest r : lab.registrations()) {
      try {
        s.devices().registerDevice(r);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
      }
    }
  }

  /** After the restart: the topology must have survived if acknowledged; devices re-registered if not kept. */
  private void ensureSetup(Stubs s, List<String> violations) {
    Topology now = s.topology().getTopology(GetTopologyRequest.getDefaultInstance());
    if (now.getNodesCount() == 0) {
      if (topologyAcked) {
        violations.add("acknowledged topology lost in the restart");
      }
      s.topology().replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(topology).build());
    }
    int registered = 0;
    for (RegisterDeviceRequest r : lab.registrations()) {
      try {
        s.devices().registerDevice(r);
        registered++;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
      }
    }
    if (registered > 0) {
      notes.add(registered + " device registrations were not kept across the restart; re-registered");
    }
  }

  private void fire(Stubs s, TrialPlan.Op op) {
    try {
      if (op instanceof TrialPlan.Create c) {
        CreateServiceRequest req = createRequest(c);
        Service created = s.connectivity().createService(req);
        acked.put(c.index(), new Acked(req, created.getName()));
      } else if (op instanceof TrialPlan.Delete d) {
        Acked target = acked.get(d.createIndex());
        if (target != null) {
          s.connectivity().deleteService(DeleteServiceRequest.newBuilder().setName(target.name()).build());
          ackedDeletes.add(target.name());
        }
      }
    } catch (StatusRuntimeException e) {
      // not acknowledged: the controller died, or refused (no path); either is allowed
      if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
        notes.add(op + " refused: " + e.getStatus());
      }
    }
  }

  static CreateServiceRequest createRequest(TrialPlan.Create c) {
    return CreateServiceRequest.newBuilder().setRequestId(c.requestId())
        .setService(Service.newBuilder().setDisplayName("crash " + c.requestId())
            .setAEnd(Endpoint.newBuilder().setNodeId(c.aNode()))
            .setZEnd(Endpoint.newBuilder().setNodeId(c.zNode()))
            .setRate(c.rate()))
        .build();
  }

  private List<Service> awaitSettled(Stubs s) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    List<Service> all = list(s);
    while (all.stream().anyMatch(x -> !Invariants.SETTLED.contains(x.getState())
        && x.getState() != ServiceState.DEGRADED) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      all = list(s);
    }
    return all;
  }

  private boolean settled(Stubs s) {
    try {
      return list(s).stream().allMatch(x -> Invariants.SETTLED.contains(x.getState()));
    } catch (StatusRuntimeException e) {
      return false;
    }
  }

  private static List<Service> list(Stubs s) {
    List<Service> all = new ArrayList<>();
    String token = "";
    do {
      ListServicesResponse page = s.connectivity().listServices(
          ListServicesRequest.newBuilder().setPageSize(1000).setPageToken(token).build());
      all.addAll(page.getServicesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  private List<String> check(Stubs s, List<Service> services) {
    Invariants inv = new Invariants(topology);
    List<String> v = new ArrayList<>();
    v.addAll(inv.settledStates(services));
    v.addAll(inv.noDoubleBooking(services));
    v.addAll(inv.devicesMatchServices(services, lab.configuration()));
    Map<String, Service> byName = new LinkedHashMap<>();
    services.forEach(x -> byName.put(x.getName(), x));
    for (String name : ackedDeletes) {
      Service x = byName.get(name);
      if (x != null && x.getState() != ServiceState.DELETED && x.getState() != ServiceState.FAILED) {
        v.add("acknowledged delete of " + name + " but it is " + x.getState());
      }
    }
    v.addAll(leakProbe(s, inv, services));
    // last: a lost idempotency record would make these re-sends create new services
    for (Acked a : acked.values()) {
      try {
        s.connectivity().getService(GetServiceRequest.newBuilder().setName(a.name()).build());
      } catch (StatusRuntimeException e) {
        v.add("acknowledged create " + a.request().getRequestId() + " (" + a.name() + ") lost: " + e.getStatus());
        continue;
      }
      try {
        Service again = s.connectivity().createService(a.request());
        if (!again.getName().equals(a.name())) {
          v.add("re-sent request " + a.request().getRequestId() + " created " + again.getName()
              + " instead of returning " + a.name());
        }
      } catch (StatusRuntimeException e) {
        v.add("re-sent request " + a.request().getRequestId() + " failed: " + e.getStatus());
      }
    }
    return v;
  }

  /**
   * A dead (FAILED or DELETED) service's exact route and slot must be computable again unless a
   * live service overlaps it: otherwise its reservation leaked into the rebuilt ledger.
   */
  private List<String> leakProbe(Stubs s, Invariants inv, List<Service> services) {
    List<Service> dead = new ArrayList<>(services.stream()
        .filter(x -> (x.getState() == ServiceState.FAILED || x.getState() == ServiceState.DELETED)
            && x.getChannelsCount() == 1 && x.getChannels(0).getPath().getHopsCount() >= 2)
        .sorted(Comparator.comparing(Service::getName)).toList());
    if (dead.isEmpty()) {
      return List.of();
    }
    Service probe = dead.get(new SplittableRandom(plan.seed()).nextInt(dead.size()));
    Channel ch = probe.getChannels(0);
    List<Service> withProbe = new ArrayList<>(services.stream().filter(x -> Invariants.LIVE.contains(x.getState())).toList());
    withProbe.add(probe.toBuilder().setState(ServiceState.ACTIVE).build());
    if (!inv.noDoubleBooking(withProbe).isEmpty()) {
      return List.of(); // a live service legitimately took (part of) its resources
    }
    List<Hop> hops = ch.getPath().getHopsList();
    Map<String, String> ports = inv.transponderPorts(ch);
    String a = hops.get(0).getNodeId();
    String z = hops.get(hops.size() - 1).getNodeId();
    Constraints.Builder c = Constraints.newBuilder().setPinnedSlot(ch.getPath().getSlot());
    hops.stream().map(Hop::getFiberId).filter(f -> !f.isEmpty()).forEach(c::addIncludeFiberIds);
    Service want = Service.newBuilder()
        .setAEnd(Endpoint.newBuilder().setNodeId(a).setPortId(ports.get(a)))
        .setZEnd(Endpoint.newBuilder().setNodeId(z).setPortId(ports.get(z)))
        .setRate(probe.getRate()).setTransceiverMode(ch.getPath().getMode().getId())
        .setConstraints(c).build();
    try {
      ComputePathsResponse r = s.connectivity().computePaths(
          ComputePathsRequest.newBuilder().setService(want).setMaxCandidates(1).build());
      if (r.getCandidatesCount() == 0) {
        return List.of("resources of " + probe.getState() + " " + probe.getName() + " not released: "
            + r.getFailure().getReason() + " " + r.getFailure().getMessage());
      }
    } catch (StatusRuntimeException e) {
      return List.of("leak probe for " + probe.getName() + " failed: " + e.getStatus());
    }
    return List.of();
  }

  /** A service with its state and each channel's slot and route, for failure reports. */
  static String describe(Service x) {
    StringBuilder sb = new StringBuilder(x.getName()).append(' ').append(x.getState());
    if (x.hasStateReason() && !x.getStateReason().getCode().isEmpty()) {
      sb.append(" (").append(x.getStateReason().getCode()).append(": ").append(x.getStateReason().getMessage())
          .append(')');
    }
    for (Channel ch : x.getChannelsList()) {
      sb.append(" [").append(ch.getId()).append(' ').append(ch.getPath().getSlot().getCenterFrequencyMhz())
          .append('/').append(ch.getPath().getSlot().getWidthMhz()).append(" MHz");
      for (Hop h : ch.getPath().getHopsList()) {
        sb.append(' ').append(h.getNodeId()).append(h.getFiberId().isEmpty() ? "" : " -" + h.getFiberId() + "->");
      }
      sb.append(']');
    }
    return sb.toString();
  }

  private static String crashLine(ControllerJvm jvm) {
    return jvm.log().lines().filter(l -> l.contains("failpoint") && l.contains("crash")).findFirst().orElse("");
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Blocking stubs with a deadline per call. */
  private record Stubs(ManagedChannel ch) {
    TopologyServiceGrpc.TopologyServiceBlockingStub topology() {
      return TopologyServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    DeviceServiceGrpc.DeviceServiceBlockingStub devices() {
      return DeviceServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    ConnectivityServiceGrpc.ConnectivityServiceBlockingStub connectivity() {
      return ConnectivityServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
