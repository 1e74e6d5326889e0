package io.lightpath.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ListServicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.provisioning.ProvisioningMetrics;
import io.lightpath.server.LightpathServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.LabOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightpath bench}: CreateService → ACTIVE through the gRPC API with N concurrent clients,
 * in one process with the controller (and, by default, an emulated lab). Prints latency
 * percentiles, throughput and heap; measures, asserts nothing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure CreateService -> ACTIVE through the gRPC API: N concurrent clients, each "
            + "creating a service and waiting (on WatchServices) until it settles before creating the "
            + "next. Default: against a generated emulated lab (gNMI devices on loopback). With "
            + "--nodes: a synthetic topology without devices and a provisioner that does nothing, to "
            + "measure the controller alone with many services in memory; --restart then times a "
            + "restart on the data.")
public final class BenchCommand implements Callable<Integer> {
  private static final Set<ServiceState> SETTLED =
      EnumSet.of(ServiceState.ACTIVE, ServiceState.DEGRADED, ServiceState.FAILED);

  private static final int WARMUP_CLIENTS = 16;

  @Spec CommandSpec spec;

  @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--services", defaultValue = "2000", description = "Services to create (default: ${DEFAULT-VALUE}).")
  int services;

  @Option(names = "--warmup", defaultValue = "-1",
      description = "Services to create and delete before measuring, so that the numbers are of "
          + "JIT-compiled code rather than of the JIT compiler (default: as many as --services "
          + "against the lab, up to 5,000; none with --nodes, whose runs are long enough). "
          + "Runs in rounds of at most --services, each deleted before the next.")
  int warmup;

  @Option(names = "--nodes", defaultValue = "0",
      description = "Synthetic topology of this many nodes, no devices (0 = emulated lab; default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--sites", defaultValue = "40",
      description = "Sites of the generated emulated lab (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--restart", description = "Afterwards stop the controller, reopen its data directory and time it until it serves the last service.")
  boolean restart;

  @Option(names = "--data-dir", description = "Data directory to use (default: a temporary one, deleted afterwards).")
  Path dataDir;

  @Option(names = "--lab-yang-validation", defaultValue = "true", arity = "1",
      description = "Whether the emulated devices validate every Set against the YANG modules, as "
          + "real devices do on their own CPUs (default: ${DEFAULT-VALUE}); false keeps the "
          + "emulator's share of the 2 cores small, so the run measures more of the controller.")
  boolean labYangValidation;

  @Option(names = "--lab-process", description = "Run the emulated lab in a JVM of its own (see --lab-java-opts), "
      + "so the controller's CPU per service is measured apart from the devices' (both still share "
      + "this machine's cores).")
  boolean labProcess;

  @Option(names = "--lab-shared-port",
      description = "Serve every device of the emulated lab on one gNMI port, addressed by gNMI "
          + "target name, as a gNMI gateway does (the lab's --shared-port); the controller then "
          + "shares a few HTTP/2 connections among the devices instead of opening one per device.")
  boolean labSharedPort;

  @Option(names = "--lab-java-opts", defaultValue = "-Xmx1g -XX:+UseParallelGC", split = " ",
      description = "JVM options of the --lab-process JVM, space-separated (default: ${DEFAULT-VALUE}).")
  List<String> labJavaOpts;

  @Option(names = "--reopen", description = "Create nothing: open the existing --data-dir (of an earlier"
      + " synthetic run), then time a restart on it as --restart does.")
  boolean reopen;

  @Option(names = "--timeout-s", defaultValue = "30",
      description = "Longest wait for one service to settle, in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  /** Runs the command outside {@code bin/lightpath} (for example from an IDE). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || services < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--clients and --services must be at least 1");
    }
    int warm = warmup >= 0 ? warmup : nodes > 0 ? 0 : Math.min(services, 5000);
    PrintWriter out = spec.commandLine().getOut();
    if (reopen) {
      if (dataDir == null || nodes <= 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--reopen needs --data-dir of an earlier run and --nodes");
      }
      try (DemoEnvironment env = DemoEnvironment.start(null, dataDir, new InstantProvisioner(),
          null)) {
        restart(out, env, null);
      }
      return 0;
    }
    boolean synthetic = nodes > 0;
    SyntheticNetwork net = synthetic ? new SyntheticNetwork(nodes) : null;
    BenchLab lab = synthetic ? null : new BenchLab(sites, services);
    long t0 = System.nanoTime();
    try (BenchLabProcess external = !synthetic && labProcess
            ? BenchLabProcess.start(sites, services, labYangValidation, labSharedPort, labJavaOpts)
            : null;
        DemoEnvironment env = DemoEnvironment.start(synthetic || external != null ? null
            : lab.topology(), LabOptions.defaults().withYangValidation(labYangValidation)
                .withSharedPort(labSharedPort), dataDir,
            synthetic ? new InstantProvisioner() : null, null)) {
      Map<String, DeviceEndpoint> endpoints = synthetic ? null
          : external != null ? external.endpoints() : env.endpoints();
      out.printf("setup: %s%s%s; started in %d ms%n", synthetic ? net.describe() : lab.describe(),
          synthetic ? "" : ports(endpoints), external != null ? " (in a separate JVM)" : "",
          ms(System.nanoTime() - t0));
      if (synthetic) {
        out.println("setup: no devices; provisioning is a no-op reporting carrier up"
            + " (measures the controller only)");
      }
      out.flush();
      ManagedChannel ch = env.channel();
      long ti = System.nanoTime();
      if (synthetic) {
        importTopology(ch, net.topology());
      } else {
        LabImport imp = LabImport.of(lab.topology(), endpoints, BenchLab.TRANSCEIVER_TYPE);
        importTopology(ch, imp.topology());
        DeviceServiceGrpc.DeviceServiceBlockingStub devices = DeviceServiceGrpc.newBlockingStub(ch);
        for (RegisterDeviceRequest r : imp.devices()) {
          devices.withDeadlineAfter(10, TimeUnit.SECONDS).registerDevice(r);
        }
      }
      out.printf("setup: topology imported%s in %d ms%n", synthetic ? "" : " and devices registered",
          ms(System.nanoTime() - ti));
      out.flush();
      IntFunction<Service> request = synthetic ? net::service : lab::service;
      if (warm > 0) {
        long a = System.nanoTime();
        Map<String, Integer> states = new TreeMap<>();
        // in rounds of at most --services, the lab's capacity: each round is deleted before the next
        for (int done = 0; done < warm; done += services) {
          warmUp(ch, request, "warmup" + done / services + "-", Math.min(services, warm - done))
              .forEach((k, v) -> states.merge(k, v, Integer::sum));
        }
        out.printf(Locale.ROOT, "warm-up: %d services created (%s) and deleted in %.1f s; not measured%n",
            warm, states, (System.nanoTime() - a) / 1e9);
        out.flush();
      }
      Map<String, double[]> stages0 = synthetic ? null : stageTotals(env.provisioningMetrics());
      long jit0 = jitMillis();
      Duration cpu0 = processCpu();
      Duration labCpu0 = external != null ? external.cpu() : Duration.ZERO;
      long[] calls0 = !synthetic && external == null ? gnmiCallsAnswered(env.lab(), lab) : null;
      Result r = run(ch, request);
      Duration cpu = processCpu().minus(cpu0);
      print(out, r);
      printCpu(out, r, cpu, external != null ? external.cpu().minus(labCpu0) : null);
      if (calls0 != null && r.settled() > 0) {
        long[] calls = gnmiCallsAnswered(env.lab(), lab);
        out.printf(Locale.ROOT, "gNMI: the lab answered %.2f Get and %.2f Set requests per service%n",
            (calls[0] - calls0[0]) / (double) r.settled(), (calls[1] - calls0[1]) / (double) r.settled());
      }
      out.printf(Locale.ROOT, "JIT: this JVM compiled for %.1f s during the measured run (if that is "
          + "a large part of the CPU above, the run measured warm-up: raise --warmup)%n",
          (jitMillis() - jit0) / 1e3);
      if (!synthetic) {
        printStages(out, env.provisioningMetrics(), stages0);
      }
      out.flush();
      if (restart) {
        restart(out, env, r.lastName());
      }
    }
    return 0;
  }

  /** " on N gNMI port(s)": one per device, or one for all with --lab-shared-port. */
  private static String ports(Map<String, DeviceEndpoint> endpoints) {
    long n = endpoints.values().stream().map(ep -> ep.host() + ":" + ep.port()).distinct().count();
    return " on " + n + " gNMI port" + (n == 1 ? "" : "s");
  }

  private record Result(long[] settleNanos, long[] createNanos, int settled, long wallNanos,
      Map<String, Integer> states, String lastName, String firstError, int errors) {}

  /**
   * Creates {@code count} services named {@code prefix + i}, then deletes them and waits until they
   * are DELETED: the same code paths as the measured run (and the delete path), run until the JIT
   * has compiled them, leaving the lab and the ledger as empty as before.
   */
  private Map<String, Integer> warmUp(ManagedChannel ch, IntFunction<Service> request,
      String prefix, int count) throws Exception {
    // warm-up runs at least 16 clients wide: its speed does not matter, only what it compiles
    int clients = Math.max(this.clients, WARMUP_CLIENTS);
    Result created = run(ch, request, prefix, count, clients);
    ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub =
        ConnectivityServiceGrpc.newBlockingStub(ch);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    try (ServiceWatch watch = ServiceWatch.start(ch, false)) {
      Future<?>[] fs = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        fs[c] = pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            String name = "services/" + prefix + i;
            try {
              stub.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                  .deleteService(DeleteServiceRequest.newBuilder().setName(name).build());
            } catch (StatusRuntimeException e) {
              if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
                continue; // refused at create: nothing to delete
              }
              throw e;
            }
            watch.when(name, EnumSet.of(ServiceState.DELETED)).get(timeoutSeconds, TimeUnit.SECONDS);
          }
          return null;
        });
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return created.states();
  }

  private Result run(ManagedChannel ch, IntFunction<Service> request) throws Exception {
    return run(ch, request, "bench-", services, clients);
  }

  private Result run(ManagedChannel ch, IntFunction<Service> request, String prefix, int services,
      int clients) throws Exception {
    long[] settle = new long[services];
    long[] create = new long[services];
    Arrays.fill(settle, -1);
    Map<String, Integer> states = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    PrintWriter progress = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    String[] firstError = {null};
    String[] last = {null};
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start;
    try (ServiceWatch watch = ServiceWatch.start(ch, false)) {
      ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub =
          ConnectivityServiceGrpc.newBlockingStub(ch);
      start = System.nanoTime();
      Future<?>[] fs = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        fs[c] = pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < services; i = next.getAndIncrement()) {
            String id = prefix + i;
            long a = System.nanoTime();
            try {
              stub.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS).createService(
                  CreateServiceRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                      .setServiceId(id).setService(request.apply(i)).build());
              long b = System.nanoTime();
              Service s = watch.when("services/" + id, SETTLED).get(timeoutSeconds, TimeUnit.SECONDS);
              long c2 = System.nanoTime();
              create[i] = b - a;
              states.merge(s.getState().name(), 1, Integer::sum);
              int done = completed.incrementAndGet();
              if (services >= 20_000 && done % (services / 10) == 0) {
                progress.printf(Locale.ROOT, "progress: %d services settled after %.1f s%n", done,
                    (System.nanoTime() - t0) / 1e9);
                progress.flush();
              }
              if (s.getState() == ServiceState.ACTIVE) {
                settle[i] = c2 - a;
                last[0] = s.getName();
              } else if (firstError[0] == null) {
                firstError[0] = id + " " + s.getState() + " " + DemoTables.reason(s);
              }
            } catch (StatusRuntimeException e) {
              states.merge("CREATE_ERROR " + e.getStatus().getCode(), 1, Integer::sum);
              errors.incrementAndGet();
              if (firstError[0] == null) {
                firstError[0] = id + " " + DemoRunner.describe(e);
              }
            }
          }
          return null;
        });
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long wall = System.nanoTime() - start;
    long[] ok = Arrays.stream(settle).filter(v -> v >= 0).sorted().toArray();
    long[] cr = Arrays.stream(create).filter(v -> v > 0).sorted().toArray();
    return new Result(ok, cr, ok.length, wall, new TreeMap<>(states), last[0], firstError[0],
        errors.get());
  }

  /**
   * CPU used during the measured run per created service, and what it would allow on 2 cores of
   * its own: the controller process alone when the lab runs in its own JVM, else everything.
   */
  private void printCpu(PrintWriter out, Result r, Duration cpu, Duration labCpu) {
    if (cpu.isZero() || r.settled() == 0) {
      return;
    }
    double msPerService = cpu.toNanos() / 1e6 / r.settled();
    out.printf(Locale.ROOT, "CPU: %s %.2f ms per service (%.1f s over %.1f s wall); 2 cores of "
        + "its own would carry at most %.0f services/s%n",
        labCpu != null ? "controller process"
            : nodes > 0 ? "whole process (controller and clients)"
            : "whole process (controller, clients and lab)",
        msPerService, cpu.toNanos() / 1e9, r.wallNanos() / 1e9, 2000 / msPerService);
    if (labCpu != null) {
      out.printf(Locale.ROOT, "CPU: lab process %.2f ms per service%n",
          labCpu.toNanos() / 1e6 / r.settled());
    }
  }

  /**
   * Get and Set requests the in-JVM lab's devices have answered so far: the round trips a service
   * costs, which set the CPU both processes spend per service (docs/benchmarks.md).
   */
  private static long[] gnmiCallsAnswered(EmulatedLab emulated, BenchLab lab) {
    long gets = 0;
    long sets = 0;
    for (DeviceSpec d : lab.topology().devices()) {
      EmulatedDevice device = emulated.device(d.name());
      gets += device.getsAnswered();
      sets += device.setsAnswered();
    }
    return new long[] {gets, sets};
  }

  /** Time this JVM's JIT compilers have spent so far, in milliseconds (0 where not monitored). */
  private static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** CPU time of this JVM so far (user + system), zero where the platform does not say. */
  private static Duration processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? Duration.ofNanos(Math.max(0, sun.getProcessCpuTime())) : Duration.ZERO;
  }

  private void print(PrintWriter out, Result r) {
    out.printf(Locale.ROOT, "services: %d requested, %d clients, states %s%n", services, clients, r.states());
    if (r.firstError() != null) {
      out.println("first non-ACTIVE: " + r.firstError());
    }
    out.printf(Locale.ROOT, "create -> ACTIVE: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d ACTIVE)%n",
        pct(r.settleNanos(), 50), pct(r.settleNanos(), 99), pct(r.settleNanos(), 100), r.settled());
    out.printf(Locale.ROOT, "CreateService RPC: p50 %.2f ms, p99 %.2f ms%n",
        pct(r.createNanos(), 50), pct(r.createNanos(), 99));
    out.printf(Locale.ROOT, "throughput: %.0f services/s ACTIVE (%.1f s wall)%n",
        r.settled() / (r.wallNanos() / 1e9), r.wallNanos() / 1e9);
    out.printf(Locale.ROOT, "heap used after GC: %.0f MiB (controller, client%s in one JVM; max heap %.0f MiB)%n",
        heapAfterGcMiB(), nodes > 0 || labProcess ? "" : " and emulated lab",
        Runtime.getRuntime().maxMemory() / 1048576.0);
    out.flush();
  }

  private static final String[] STAGES = {"line", "transponders", "verify"};

  /** Key of the direct carrier reads in {@link #stageTotals} (not a stage). */
  private static final String CARRIER_READS = "carrier-reads";

  /**
   * Count and total milliseconds of each stage timer (and the whole provision) so far, and the
   * direct carrier reads so far.
   */
  private static Map<String, double[]> stageTotals(ProvisioningMetrics m) {
    Map<String, double[]> totals = new TreeMap<>();
    for (String stage : STAGES) {
      Timer t = m.stageTimer(stage);
      totals.put(stage, new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
    }
    Timer t = m.provisionTimer(true);
    totals.put("", new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
    totals.put(CARRIER_READS, new double[] {m.carrierReads()});
    return totals;
  }

  /**
   * Where provisioning spent its time: p50 / p99 of each stage over the timers' recent window (a
   * few minutes, so mostly the measured run) and the mean over the measured run alone.
   */
  private static void printStages(PrintWriter out, ProvisioningMetrics m, Map<String, double[]> before) {
    Map<String, double[]> after = stageTotals(m);
    StringBuilder b = new StringBuilder("provisioning stages (p50 / p99 / mean ms):");
    for (String stage : STAGES) {
      b.append(' ').append(stage).append(' ')
          .append(summary(m.stageTimer(stage), before.get(stage), after.get(stage))).append(',');
    }
    b.append(" whole provision ").append(summary(m.provisionTimer(true), before.get(""), after.get("")));
    b.append(String.format(Locale.ROOT, "; %.0f direct carrier reads",
        after.get(CARRIER_READS)[0] - before.get(CARRIER_READS)[0]));
    out.println(b);
  }

  private static String summary(Timer t, double[] before, double[] after) {
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.5) {
        p50 = v.value(TimeUnit.MILLISECONDS);
      } else if (v.percentile() == 0.99) {
        p99 = v.value(TimeUnit.MILLISECONDS);
      }
    }
    double count = after[0] - before[0];
    return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", p50, p99,
        count > 0 ? (after[1] - before[1]) / count : Double.NaN);
  }

  private void restart(PrintWriter out, DemoEnvironment env, String lastName) throws Exception {
    env.stopController();
    System.gc();
    long a = System.nanoTime();
    env.startController();
    ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub =
        ConnectivityServiceGrpc.newBlockingStub(env.channel());
    Service last = lastName == null ? null : stub.withDeadlineAfter(60, TimeUnit.SECONDS)
        .withWaitForReady()
        .getService(GetServiceRequest.newBuilder().setName(lastName).build());
    if (last == null) {
      // no service name to ask for: the first listing waits for recovery the same way
      stub.withDeadlineAfter(60, TimeUnit.SECONDS).withWaitForReady()
          .listServices(ListServicesRequest.newBuilder().setPageSize(1).build());
    }
    long serving = System.nanoTime() - a;
    long active = 0;
    String token = "";
    do {
      ListServicesResponse page = stub.withDeadlineAfter(60, TimeUnit.SECONDS).listServices(
          ListServicesRequest.newBuilder().setPageSize(1000).setPageToken(token)
              .addStates(ServiceState.ACTIVE).build());
      active += page.getServicesCount();
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    out.printf(Locale.ROOT, "restart: serving %s in %d ms after reopening %s; %d services ACTIVE after restart%n",
        last == null ? "(no service)" : last.getName() + " " + last.getState(), ms(serving),
        env.dataDir(), active);
    out.printf(Locale.ROOT, "heap used after GC after restart: %.0f MiB%n", heapAfterGcMiB());
    out.flush();
  }

  private static void importTopology(ManagedChannel ch, Topology t) throws InvalidProtocolBufferException {
    // the answer is the imported topology: larger than gRPC's 4 MiB default for 1,000 nodes
    TopologyServiceGrpc.newBlockingStub(ch).withDeadlineAfter(120, TimeUnit.SECONDS)
        .withMaxInboundMessageSize(LightpathServer.MAX_INBOUND_MESSAGE_BYTES)
        .importTopology(ImportTopologyRequest.newBuilder()
            .setFormat(TopologyFormat.LIGHTPATH_JSON)
            .setDocument(ByteString.copyFromUtf8(
                JsonFormat.printer().omittingInsignificantWhitespace().print(t)))
            .build());
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static double heapAfterGcMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
