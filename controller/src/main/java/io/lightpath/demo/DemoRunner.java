package io.lightpath.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.lightpath.cli.Output;
import io.lightpath.proto.lab.v1.FiberRequest;
import io.lightpath.proto.lab.v1.LabAdminGrpc;
import io.lightpath.proto.v1.ConnectionState;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the demo against a {@link DemoEnvironment}: imports the lab's topology, registers its
 * devices, provisions {@link DemoScenario#services()}, cuts {@link DemoScenario#CUT_FIBER} through
 * the lab's LabAdmin service, and checks what the services became. Every controller call goes
 * through the public gRPC API.
 *
 * <p>Narrates to {@code out} when it is not null (the human output); the returned report holds
 * everything either way.
 */
public final class DemoRunner {
  private static final Set<ServiceState> SETTLED =
      EnumSet.of(ServiceState.ACTIVE, ServiceState.DEGRADED, ServiceState.FAILED);

  private final DemoEnvironment env;
  private final PrintWriter out;
  private final Duration timeout;
  private final List<DemoReport.Step> steps = new ArrayList<>();
  private LabImport labImport;

  /**
   * @param timeout how long each waiting step (devices connected, services active, services
   *     settled after the cut) may take
   */
  public DemoRunner(DemoEnvironment env, PrintWriter out, Duration timeout) {
    this.env = env;
    this.out = out;
    this.timeout = timeout;
  }

  /** Runs every step; stops at the first one that fails. */
  public DemoReport run() {
    List<Service> provisioned = List.of();
    List<Service> afterCut = List.of();
    List<ServiceWatch.Received> cutEvents = List.of();
    List<Service> recovered = List.of();
    List<DemoReport.Verdict> verdicts = new ArrayList<>();
    boolean ok = false;
    ManagedChannel ch = env.channel();
    ServiceWatch watch = null;
    try {
      step("import topology", () -> importTopology(ch));
      step("register devices", () -> registerDevices(ch));
      watch = stepValue("watch services", () -> {
        ServiceWatch started = ServiceWatch.start(ch, true);
        currentDetail = "WatchServices stream open: the state changes below arrive on it";
        return started;
      });
      ServiceWatch w = watch;
      List<Service> active = stepValue("provision services", () -> provision(ch, w));
      provisioned = active;
      say("");
      say("Services:");
      table(() -> DemoTables.services(out, active));
      say("");
      say("Channels (frequency, latency, GSNR margin, energy per bit):");
      table(() -> DemoTables.channels(out, active));
      say("");
      int before = w.events().size();
      long cutAt = System.nanoTime();
      say("Watching services while the lab cuts fiber " + DemoScenario.CUT_FIBER + ":");
      w.onEvent(r -> say(DemoTables.event((r.atNanos() - cutAt) / 1_000_000, r.event())));
      step("cut fiber " + DemoScenario.CUT_FIBER, () -> labFault(true));
      afterCut = stepValue("services settle after the cut", () -> settle(w, verdicts));
      List<ServiceWatch.Received> all = w.events();
      cutEvents = all.subList(before, all.size());
      say("");
      say("After the cut:");
      List<Service> settled = afterCut;
      table(() -> DemoTables.services(out, settled));
      say("");
      table(() -> DemoTables.channels(out, settled));
      say("");
      Output.Table t = new Output.Table("SERVICE", "EXPECTED", "OBSERVED", "");
      verdicts.forEach(v -> t.row(v.serviceId(), v.expected(), v.observed(), v.ok() ? "ok" : "UNEXPECTED"));
      table(() -> t.print(out, "  "));
      say("");
      say("Repairing fiber " + DemoScenario.CUT_FIBER + ":");
      step("repair fiber " + DemoScenario.CUT_FIBER, () -> labFault(false));
      recovered = stepValue("services back to ACTIVE", () -> recover(w));
      w.onEvent(r -> {});
      ok = verdicts.stream().allMatch(DemoReport.Verdict::ok)
          && recovered.stream().allMatch(s -> s.getState() == ServiceState.ACTIVE);
    } catch (StepFailed e) {
      ok = false;
    } finally {
      if (watch != null) {
        watch.close();
      }
    }
    say("");
    say(ok ? "Demo finished: every step worked, every service reacted to the cut as expected and"
        + " recovered after the repair."
        : "Demo FAILED: see the step marked FAILED above.");
    return new DemoReport(ok, steps, provisioned, afterCut, cutEvents, verdicts, recovered);
  }

  private void importTopology(ManagedChannel ch) throws Exception {
    LabImport imp = labImport();
    Topology t = TopologyServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
        .importTopology(ImportTopologyRequest.newBuilder()
            .setFormat(TopologyFormat.LIGHTPATH_JSON)
            .setDocument(ByteString.copyFromUtf8(json(imp.topology())))
            .build());
    detail(t.getSitesCount() + " sites, " + t.getNodesCount() + " nodes, "
        + t.getFibersCount() + " fibers");
  }

  private void registerDevices(ManagedChannel ch) throws Exception {
    LabImport imp = labImport();
    DeviceServiceGrpc.DeviceServiceBlockingStub devices = DeviceServiceGrpc.newBlockingStub(ch);
    for (RegisterDeviceRequest r : imp.devices()) {
      devices.withDeadlineAfter(10, TimeUnit.SECONDS).registerDevice(r);
    }
    // Registration opens a session to each device; wait until none is still CONNECTING and fail
    // the step if any is UNREACHABLE or INCOMPATIBLE.
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> bad = new ArrayList<>();
    TreeMap<String, Integer> states = new TreeMap<>();
    for (RegisterDeviceRequest r : imp.devices()) {
      Device d;
      do {
        d = devices.withDeadlineAfter(10, TimeUnit.SECONDS)
            .getDevice(GetDeviceRequest.newBuilder().setName("devices/" + r.getDeviceId()).build());
        if (d.getConnectionState() != ConnectionState.CONNECTING) {
          break;
        }
        Thread.sleep(20);
      } while (System.nanoTime() < deadline);
      states.merge(d.getConnectionState().name(), 1, Integer::sum);
      if (d.getConnectionState() == ConnectionState.UNREACHABLE
          || d.getConnectionState() == ConnectionState.INCOMPATIBLE
          || d.getConnectionState() == ConnectionState.CONNECTING) {
        bad.add(r.getDeviceId() + " " + d.getConnectionState() + " (" + d.getConnectionDetail() + ")");
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalStateException(bad.size() + " of " + imp.devices().size()
          + " devices not reachable: "
          + String.join("; ", bad.subList(0, Math.min(3, bad.size())))
          + (bad.size() > 3 ? "; ..." : ""));
    }
    detail(imp.devices().size() + " devices registered, connection states " + states);
  }

  private LabImport labImport() {
    if (labImport == null) {
      labImport = LabImport.of(env.lab().network().topology(), env.endpoints());
    }
    return labImport;
  }

  private List<Service> provision(ManagedChannel ch, ServiceWatch watch) throws Exception {
    ConnectivityServiceGrpc.ConnectivityServiceBlockingStub svc =
        ConnectivityServiceGrpc.newBlockingStub(ch);
    List<CompletableFuture<Service>> settled = new ArrayList<>();
    for (DemoScenario.DemoService d : DemoScenario.services()) {
      svc.withDeadlineAfter(10, TimeUnit.SECONDS).createService(CreateServiceRequest.newBuilder()
          .setRequestId(UUID.randomUUID().toString())
          .setServiceId(d.id())
          .setService(d.request())
          .build());
      settled.add(watch.when("services/" + d.id(), SETTLED));
    }
    List<Service> result = new ArrayList<>();
    List<String> notActive = new ArrayList<>();
    for (int i = 0; i < settled.size(); i++) {
      Service s = await(settled.get(i), "services/" + DemoScenario.services().get(i).id());
      result.add(s);
      if (s.getState() != ServiceState.ACTIVE) {
        notActive.add(DemoTables.id(s) + " " + s.getState() + " " + DemoTables.reason(s));
      }
    }
    if (!notActive.isEmpty()) {
      table(() -> DemoTables.services(out, result));
      throw new IllegalStateException("not ACTIVE: " + String.join("; ", notActive));
    }
    detail(result.size() + " services ACTIVE");
    return result;
  }

  /** Cuts (or repairs) {@link DemoScenario#CUT_FIBER} through the lab's LabAdmin service. */
  private void labFault(boolean cut) {
    ManagedChannel admin = Grpc.newChannelBuilder(env.lab().adminAddress(),
        InsecureChannelCredentials.create()).build();
    try {
      LabAdminGrpc.LabAdminBlockingStub stub =
          LabAdminGrpc.newBlockingStub(admin).withDeadlineAfter(10, TimeUnit.SECONDS);
      FiberRequest fiber = FiberRequest.newBuilder().setFiber(DemoScenario.CUT_FIBER).build();
      detail((cut ? stub.cutFiber(fiber) : stub.repairFiber(fiber)).getMessage());
    } finally {
      admin.shutdownNow();
    }
  }

  /** Waits until every demo service is ACTIVE again. */
  private List<Service> recover(ServiceWatch watch) throws Exception {
    List<Service> result = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (DemoScenario.DemoService d : DemoScenario.services()) {
      long left = Math.max(1, deadline - System.nanoTime());
      try {
        result.add(watch.when("services/" + d.id(), EnumSet.of(ServiceState.ACTIVE))
            .get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        throw new IllegalStateException("services/" + d.id() + " not ACTIVE again within "
            + timeout.toSeconds() + " s");
      }
    }
    detail(result.size() + " services ACTIVE, every carrier up");
    return result;
  }

  private List<Service> settle(ServiceWatch watch, List<DemoReport.Verdict> verdicts)
      throws Exception {
    ConnectivityServiceGrpc.ConnectivityServiceBlockingStub svc =
        ConnectivityServiceGrpc.newBlockingStub(env.channel());
    List<Service> result = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (DemoScenario.DemoService d : DemoScenario.services()) {
      String name = "services/" + d.id();
      Service s;
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        s = watch.when(name, d.afterCut()).get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        s = svc.withDeadlineAfter(10, TimeUnit.SECONDS)
            .getService(GetServiceRequest.newBuilder().setName(name).build());
      }
      boolean ok = d.afterCut().contains(s.getState());
      verdicts.add(new DemoReport.Verdict(d.id(),
          d.afterCut().stream().map(Enum::name).sorted().reduce((a, b) -> a + " or " + b).orElse(""),
          s.getState().name(), ok));
      result.add(s);
    }
    long bad = verdicts.stream().filter(v -> !v.ok()).count();
    if (bad > 0) {
      currentOk = false;
      detail(bad + " service(s) not in the expected state within " + timeout.toSeconds() + " s");
    } else {
      TreeMap<ServiceState, Integer> count = new TreeMap<>();
      result.forEach(s -> count.merge(s.getState(), 1, Integer::sum));
      detail(count.toString());
    }
    return result;
  }

  private Service await(CompletableFuture<Service> f, String name) throws Exception {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Service now = ConnectivityServiceGrpc.newBlockingStub(env.channel())
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getService(GetServiceRequest.newBuilder().setName(name).build());
      throw new IllegalStateException(name + " still " + now.getState() + " after "
          + timeout.toSeconds() + " s " + DemoTables.reason(now));
    } catch (ExecutionException e) {
      throw new IllegalStateException("watch stream failed: " + describe(e.getCause()), e);
    }
  }

  // ---- step bookkeeping

  private interface Body<T> {
    T run() throws Exception;
  }

  private interface VoidBody {
    void run() throws Exception;
  }

  private static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private String currentDetail = "";
  private boolean currentOk = true;

  private void detail(String d) {
    currentDetail = d;
  }

  /**
   * Records a step that succeeded before {@link #run()} and narrates it: the demo's step 0,
   * starting the lab and the controller this runner is given. Every step, this one included, is
   * numbered by its place in {@link DemoReport#steps()}.
   *
   * @param startNanos {@link System#nanoTime()} when the step began
   */
  public void done(String name, long startNanos, String detail) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    int n = steps.size();
    steps.add(new DemoReport.Step(name, true, ms, detail));
    say(String.format("[%d] %-32s %s  %5d ms  %s", n, name, "ok    ", ms, detail));
  }

  private void step(String name, VoidBody body) {
    stepValue(name, () -> {
      body.run();
      return null;
    });
  }

  private <T> T stepValue(String name, Body<T> body) {
    long start = System.nanoTime();
    currentDetail = "";
    currentOk = true;
    int n = steps.size(); // the step's index in the report, as narrated
    try {
      T value = body.run();
      long ms = (System.nanoTime() - start) / 1_000_000;
      boolean ok = currentOk;
      steps.add(new DemoReport.Step(name, ok, ms, currentDetail));
      say(String.format("[%d] %-32s %s  %5d ms  %s", n, name, ok ? "ok    " : "FAILED", ms, currentDetail));
      return value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(n, name, start, "interrupted");
    } catch (Exception e) {
      return fail(n, name, start, describe(e));
    }
  }

  private <T> T fail(int n, String name, long start, String why) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    steps.add(new DemoReport.Step(name, false, ms, why));
    say(String.format("[%d] %-32s FAILED  %5d ms  %s", n, name, ms, why));
    throw new StepFailed();
  }

  static String describe(Throwable e) {
    if (e instanceof StatusRuntimeException sre) {
      String d = sre.getStatus().getDescription();
      return sre.getStatus().getCode() + (d == null ? "" : ": " + d);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void say(String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }

  private void table(Runnable print) {
    if (out != null) {
      print.run();
    }
  }

  private static String json(Topology t) {
    try {
      return JsonFormat.printer().print(t);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
