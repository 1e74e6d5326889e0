package io.lightpath.southbound.emulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
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
 * <p>Arguments: {@code [devices=1000] [sets=20000] [shared] [no-yang] [channels]}. With {@code
 * channels} each measured operation is what a controller does per ROADM hop of a service instead:
 * one SetRequest creating a media channel (and, once a ROADM holds 384, deleting its oldest in
 * the same request) followed by a Get of the new channel, so ROADM configurations grow to
 * hundreds of channels.
 */
public final class EmulatorBench {
  private EmulatorBench() {}

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int sets = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    boolean shared = flags.contains("shared");
    boolean yang = !flags.contains("no-yang");
    boolean channelsMode = flags.contains("channels");
    LabTopology topology = topology(devices / 4);
    long heapBefore = usedHeap();
    long startNanos = System.nanoTime();
    try (EmulatedLab lab = EmulatedLab.start(topology, LabOptions.defaults().withSharedPort(shared)
        .withYangValidation(yang).withAdminPort(-1))) {
      provision(lab, topology.devices().size() / 4, !channelsMode);
      long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      long heapLab = usedHeap() - heapBefore;
      System.out.printf(
          "devices=%d mode=%s yang=%s workload=%s cpus=%d maxHeap=%dMiB start=%dms heapUsedByLab=%.1fMiB%n",
          topology.devices().size(), shared ? "shared-port" : "per-device-port", yang,
          channelsMode ? "channels" : "tune",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
          startMs, heapLab / 1048576.0);

      // One client channel per device used; 64 devices spread over the lab.
      DeviceRole role = channelsMode ? DeviceRole.ROADM : DeviceRole.TRANSPONDER;
      List<DeviceEndpoint> targets = new ArrayList<>();
      for (DeviceEndpoint ep : lab.endpoints()) {
        if (ep.role() == role && targets.size() < 64
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
      int[] created = new int[targets.size()];
      long measureStart = 0;
      for (int i = -warmup; i < sets; i++) {
        if (i == 0) {
          measureStart = System.nanoTime();
        }
        if (channelsMode) {
          int t = random.nextInt(targets.size());
          long t0 = System.nanoTime();
          mediaChannelRoundTrip(stubs.get(t), targets.get(t).target(), created[t]++);
          if (i >= 0) {
            samples[i] = System.nanoTime() - t0;
          }
          continue;
        }
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
      double seconds = (System.nanoTime() - measureStart) / 1e9;
      Arrays.sort(samples);
      System.out.printf(
          "ops=%d p50=%.3fms p99=%.3fms max=%.3fms ops/s=%.0f (one client) heapUsedAfter=%.1fMiB%n",
          sets, samples[sets / 2] / 1e6, samples[(int) (sets * 0.99)] / 1e6, samples[sets - 1] / 1e6,
          sets / seconds, (usedHeap() - heapBefore) / 1048576.0);
      for (ManagedChannel ch : channels) {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static final String[][] ROUTES = {{"add1", "east"}, {"add2", "west"}, {"west", "add1"},
      {"east", "add2"}};
  private static final int SLOTS = 96;

  /**
   * Creates media channel number {@code n} of a ROADM (37.5 GHz wide, a new 50 GHz slot per
   * route, so none overlap) in one SetRequest — deleting channel {@code n - 384} in the same
   * request once the ROADM is full — then reads the new channel back, as a driver does.
   */
  private static void mediaChannelRoundTrip(gNMIGrpc.gNMIBlockingStub stub, String target, int n) {
    int slot = n % (SLOTS * ROUTES.length);
    String[] route = ROUTES[slot / SLOTS];
    long centre = 191_350_000L + 50_000L * (slot % SLOTS);
    int index = 100 + n;
    String body = "{\"index\": " + index + ", \"config\": {\"index\": " + index
        + ", \"lower-frequency\": \"" + (centre - 18_750) + "\", \"upper-frequency\": \""
        + (centre + 18_750) + "\", \"admin-status\": \"ENABLED\"}, \"source\": {\"config\": "
        + "{\"port-name\": \"" + route[0] + "\"}}, \"dest\": {\"config\": {\"port-name\": \""
        + route[1] + "\"}}}";
    SetRequest.Builder req = SetRequest.newBuilder()
        .setPrefix(Path.newBuilder().setTarget(target))
        .addUpdate(Update.newBuilder().setPath(channelPath(index)).setVal(TypedValue.newBuilder()
            .setJsonIetfVal(ByteString.copyFrom(body, StandardCharsets.UTF_8))));
    if (n >= SLOTS * ROUTES.length) {
      req.addDelete(channelPath(index - SLOTS * ROUTES.length));
    }
    stub.set(req.build());
    stub.get(GetRequest.newBuilder().setPrefix(Path.newBuilder().setTarget(target))
        .addPath(channelPath(index)).setEncoding(Encoding.JSON_IETF).build());
  }

  private static Path channelPath(int index) {
    return Path.newBuilder()
        .addElem(PathElem.newBuilder().setName("wavelength-router"))
        .addElem(PathElem.newBuilder().setName("media-channels"))
        .addElem(PathElem.newBuilder().setName("channel").putKey("index", String.valueOf(index)))
        .build();
  }

  /**
   * Cross-connects every OCS (p1-p3, p2-p4) and, with {@code fullBand}, gives every ROADM
   * full-band media channels around the ring.
   */
  private static void provision(EmulatedLab lab, int groups, boolean fullBand) throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int g = 0; g < groups; g++) {
      String site = "site" + g;
      lab.network().set(lab.device(site + "-ocs"), List.of(new Edit.Update(DataPath.ROOT, json.readTree(
          "{\"optical-switch\": {\"cross-connects\": {\"cross-connect\": ["
              + "{\"input-port\": \"p1\", \"config\": {\"output-port\": \"p3\"}},"
              + "{\"input-port\": \"p2\", \"config\": {\"output-port\": \"p4\"}}]}}}"))));
      if (!fullBand) {
        continue;
      }
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
