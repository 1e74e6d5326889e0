package io.lightpath.southbound.emulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.gNMIGrpc;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Scale benchmark of the emulated lab (not a test): starts N devices in this JVM (groups of two
 * transponders, an OCS and a ROADM; ROADMs in a ring), reports heap used, then measures gNMI Set
 * round trips over loopback from one client and prints p50/p99. Command in docs/benchmarks.md.
 *
 * <p>Arguments: {@code [devices=1000] [sets=20000] [shared] [no-yang]}.
 */
public final class EmulatorBench {
  private EmulatorBench() {}

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int sets = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    boolean shared = flags.contains("shared");
    boolean yang = !flags.contains("no-yang");
    LabTopology topology = topology(devices / 4);
    long heapBefore = usedHeap();
    long startNanos = System.nanoTime();
    try (EmulatedLab lab = EmulatedLab.start(topology, LabOptions.defaults().withSharedPort(shared)
        .withYangValidation(yang).withAdminPort(-1))) {
      provision(lab, topology.devices().size() / 4);
      long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      long heapLab = usedHeap() - heapBefore;
      System.out.printf(
          "devices=%d mode=%s yang=%s cpus=%d maxHeap=%dMiB start=%dms heapUsedByLab=%.1fMiB%n",
          topology.devices().size(), shared ? "shared-port" : "per-device-port", yang,
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
          startMs, heapLab / 1048576.0);

      // One client channel per transponder used; 64 transponders spread over the lab.
      List<DeviceEndpoint> targets = new ArrayList<>();
      for (DeviceEndpoint ep : lab.endpoints()) {
        if (ep.role() == DeviceRole.TRANSPONDER && targets.size() < 64
            && ep.name().hashCode() % 3 == 0) {
          targets.add(ep);
        }
      }
      List<ManagedChannel> channels = new ArrayList<>();
      List<gNMIGrpc.gNMIBlockingStub> stubs = new ArrayList<>();
      for (DeviceEndpoint ep : targets) {
        ManagedChannel ch = Grpc.newChannelBuilder(ep.address(), InsecureChannelCredentials.create())
            .build();
        channels.add(ch);
        stubs.add(gNMIGrpc.newBlockingStub(ch));
      }
      Random random = new Random(42);
      long[] samples = new long[sets];
      int warmup = Math.min(5_000, sets);
      for (int i = -warmup; i < sets; i++) {
        int t = random.nextInt(targets.size());
        long frequencyMhz = 193_100_000L + 50_000L * random.nextInt(40);
        SetRequest req = SetRequest.newBuilder()
            .setPrefix(Path.newBuilder().setTarget(targets.get(t).target()))
            .addUpdate(Update.newBuilder()
                .setPath(Path.newBuilder()
                    .addElem(PathElem.newBuilder().setName("components"))
                    .addElem(PathElem.newBuilder().setName("component").putKey("name", "line1"))
                    .addElem(PathElem.newBuilder().setName("optical-channel"))
                    .addElem(PathElem.newBuilder().setName("config"))
                    .addElem(PathElem.newBuilder().setName("frequency")))
                .setVal(TypedValue.newBuilder().setJsonIetfVal(ByteString.copyFrom(
                    "\"" + frequencyMhz + "\"", StandardCharsets.UTF_8))))
            .build();
        long t0 = System.nanoTime();
        stubs.get(t).set(req);
        long dt = System.nanoTime() - t0;
        if (i >= 0) {
          samples[i] = dt;
        }
      }
      Arrays.sort(samples);
      System.out.printf("sets=%d p50=%.3fms p99=%.3fms max=%.3fms heapUsedAfter=%.1fMiB%n", sets,
          samples[sets / 2] / 1e6, samples[(int) (sets * 0.99)] / 1e6, samples[sets - 1] / 1e6,
          (usedHeap() - heapBefore) / 1048576.0);
      for (ManagedChannel ch : channels) {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Lights every site: OCS p1-p3, p2-p4 and full-band media channels around the ring. */
  private static void provision(EmulatedLab lab, int groups) throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int g = 0; g < groups; g++) {
      String site = "site" + g;
      lab.network().set(lab.device(site + "-ocs"), List.of(new Edit.Update(DataPath.ROOT, json.readTree(
          "{\"optical-switch\": {\"cross-connects\": {\"cross-connect\": ["
              + "{\"input-port\": \"p1\", \"config\": {\"output-port\": \"p3\"}},"
              + "{\"input-port\": \"p2\", \"config\": {\"output-port\": \"p4\"}}]}}}"))));
      StringBuilder mcs = new StringBuilder("{\"wavelength-router\": {\"media-channels\": {\"channel\": [");
      String[][] routes = {{"add1", "east"}, {"add2", "west"}, {"west", "add1"}, {"east", "add2"}};
      for (int i = 0; i < routes.length; i++) {
        mcs.append(i == 0 ? "" : ",").append("{\"index\": ").append(i + 1)
            .append(", \"config\": {\"lower-frequency\": \"191350000\", \"upper-frequency\": \"196100000\"},")
            .append(" \"source\": {\"config\": {\"port-name\": \"").append(routes[i][0]).append("\"}},")
            .append(" \"dest\": {\"config\": {\"port-name\": \"").append(routes[i][1]).append("\"}}}");
      }
      mcs.append("]}}}");
      lab.network().set(lab.device(site + "-roadm"),
          List.of(new Edit.Update(DataPath.ROOT, json.readTree(mcs.toString()))));
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** {@code groups} × (2 transponders → OCS → ROADM), ROADMs in a ring of 50 km spans. */
  static LabTopology topology(int groups) {
    List<DeviceSpec> devices = new ArrayList<>();
    List<FiberSpec> fibers = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String site = "site" + g;
      devices.add(DeviceSpec.of(site + "-tp1", DeviceRole.TRANSPONDER, site, List.of("line1")));
      devices.add(DeviceSpec.of(site + "-tp2", DeviceRole.TRANSPONDER, site, List.of("line1")));
      devices.add(DeviceSpec.of(site + "-ocs", DeviceRole.OCS, site, List.of("p1", "p2", "p3", "p4")));
      devices.add(DeviceSpec.of(site + "-roadm", DeviceRole.ROADM, site,
          List.of("add1", "add2", "east", "west")));
      fibers.add(new FiberSpec(site + "-f1", new PortRef(site + "-tp1", "line1"),
          new PortRef(site + "-ocs", "p1"), 0.01, 0.3));
      fibers.add(new FiberSpec(site + "-f2", new PortRef(site + "-tp2", "line1"),
          new PortRef(site + "-ocs", "p2"), 0.01, 0.3));
      fibers.add(new FiberSpec(site + "-f3", new PortRef(site + "-ocs", "p3"),
          new PortRef(site + "-roadm", "add1"), 0.01, 0.3));
      fibers.add(new FiberSpec(site + "-f4", new PortRef(site + "-ocs", "p4"),
          new PortRef(site + "-roadm", "add2"), 0.01, 0.3));
      String next = "site" + ((g + 1) % groups);
      if (groups > 1) {
        fibers.add(new FiberSpec(site + "-span", new PortRef(site + "-roadm", "east"),
            new PortRef(next + "-roadm", "west"), 50, 11));
      }
    }
    return new LabTopology("bench-" + groups * 4, devices, fibers);
  }
}
