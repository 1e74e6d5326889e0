package io.lightpath.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.device.ManagedDevice;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.ReconcileDevicesRequest;
import io.lightpath.proto.v1.ReconcileDevicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.ReplaceTopologyRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.provisioning.CredentialResolver;
import io.lightpath.provisioning.GnmiDriverFactory;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.gnmi.YangPayloadValidator;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device reconciliation at startup, end to end: the controller as its own process on a durable
 * data directory lights two services on the emulated crash lab and is killed; while it is down
 * the devices are changed behind its back directly over gNMI (a media channel of a service
 * deleted, a rogue cross-connect added, a transponder of a service retuned); the restarted
 * controller reports each change as a finding in its log and corrects the devices, which are
 * read back over gNMI.
 */
class ReconcileIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RPC_DEADLINE = Duration.ofSeconds(20);

  private CrashLab lab;
  private Path dataDir;
  private ScheduledExecutorService timer;
  private final Map<String, DeviceDriver> drivers = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    lab = CrashLab.start();
    dataDir = Files.createTempDirectory("lightpath-reconcile-it-");
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() throws Exception {
    drivers.values().forEach(DeviceDriver::close);
    timer.shutdownNow();
    lab.close();
    CrashTrial.deleteTree(dataDir);
  }

  @Test
  void aRestartedControllerReportsAndCorrectsDevicesChangedWhileItWasDown() throws Exception {
    Service first;
    Service second;
    try (ControllerJvm controller = ControllerJvm.start(dataDir, "", START_TIMEOUT)) {
      ManagedChannel ch = channel(controller.port());
      try {
        TopologyServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(lab.controllerTopology()).build());
        for (RegisterDeviceRequest r : lab.registrations()) {
          devices(ch).registerDevice(r);
        }
        // direct spans, so neither service uses the OCS and a cross-connect on it is owned by nobody
        first = createLit(ch, "reconcile-it-1", "anna-tp1", "bert-tp1");
        second = createLit(ch, "reconcile-it-2", "bert-tp2", "carl-tp2");
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      controller.kill();
      controller.awaitExit(Duration.ofSeconds(30));
    }

    // behind the controller's back, straight over gNMI
    List<MediaChannel> annaBefore = await(behaviour("anna-roadm", MediaChannelConfig.class).readMediaChannels());
    assertEquals(2, annaBefore.size(), annaBefore.toString());
    await(behaviour("anna-roadm", MediaChannelConfig.class).removeMediaChannel(annaBefore.get(0).index()));
    CrossConnect rogue = new CrossConnect("p1", "p2");
    await(behaviour("dora-ocs", CrossConnectConfig.class).connect(rogue));
    OpticalChannelConfig tuned = await(behaviour("bert-tp2", TransponderConfig.class).readOpticalChannel("line1"));
    await(behaviour("bert-tp2", TransponderConfig.class).configureOpticalChannel(new OpticalChannelConfig("line1",
        tuned.frequencyMhz() + 50_000, tuned.targetOutputPowerDbm(), tuned.operationalMode(), true)));

    try (ControllerJvm controller = ControllerJvm.start(dataDir, "", START_TIMEOUT)) {
      // the startup pass runs after recovery, in the background: wait for the devices to agree
      awaitTrue(() -> await(behaviour("anna-roadm", MediaChannelConfig.class).readMediaChannels()).size() == 2
          && await(behaviour("dora-ocs", CrossConnectConfig.class).readCrossConnects()).isEmpty()
          && tuned.equals(await(behaviour("bert-tp2", TransponderConfig.class).readOpticalChannel("line1"))),
          controller);
      MediaChannel removed = annaBefore.get(0);
      assertTrue(await(behaviour("anna-roadm", MediaChannelConfig.class).readMediaChannels()).stream()
          .anyMatch(m -> m.lowerFrequencyMhz() == removed.lowerFrequencyMhz()
              && m.upperFrequencyMhz() == removed.upperFrequencyMhz()
              && m.sourcePort().equals(removed.sourcePort()) && m.destPort().equals(removed.destPort())));

      // each finding is logged once its correction is acknowledged, so a device can agree a
      // moment before its line reaches the controller's output: wait for the lines too
      awaitTrue(() -> Stream.of("anna-roadm kind=MISSING", "dora-ocs kind=ORPHAN", "bert-tp2 kind=MISMATCH")
          .allMatch(f -> controller.log().contains("reconcile finding device=" + f)), controller);
      String log = controller.log();
      assertFinding(log, "anna-roadm", "MISSING", id(first));
      assertFinding(log, "dora-ocs", "ORPHAN", "");
      assertFinding(log, "bert-tp2", "MISMATCH", id(second));
      assertFalse(log.contains("action=CORRECTION_FAILED"), log);

      ManagedChannel ch = channel(controller.port());
      try {
        ReconcileDevicesResponse after = devices(ch).reconcileDevices(
            ReconcileDevicesRequest.newBuilder().setDryRun(true).build());
        assertEquals(lab.registrations().size(), after.getDevicesChecked());
        assertEquals(List.of(), after.getFindingsList(), "devices agree with the services after the startup pass");
        for (Service s : List.of(first, second)) {
          assertEquals(ServiceState.ACTIVE, connectivity(ch).getService(
              GetServiceRequest.newBuilder().setName(s.getName()).build()).getState());
        }
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void assertFinding(String log, String device, String kind, String service) {
    String expected = "reconcile finding device=" + device + " kind=" + kind;
    String line = log.lines().filter(l -> l.contains(expected)).findFirst().orElse(null);
    assertTrue(line != null, "no " + kind + " finding for " + device + " in the controller log:\n" + log);
    assertTrue(line.contains("services=" + service + " "), line);
    assertTrue(line.contains("action=CORRECTED"), line);
  }

  private static String id(Service s) {
    return s.getName().substring("services/".length());
  }

  private Service createLit(ManagedChannel ch, String requestId, String a, String z) throws Exception {
    Service s = connectivity(ch).createService(CreateServiceRequest.newBuilder().setRequestId(requestId)
        .setService(Service.newBuilder().setAEnd(Endpoint.newBuilder().setNodeId(a))
            .setZEnd(Endpoint.newBuilder().setNodeId(z)).setRate(LineRate.LINE_RATE_100G))
        .build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (s.getState() == ServiceState.PROVISIONING && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = connectivity(ch).getService(GetServiceRequest.newBuilder().setName(s.getName()).build());
    }
    assertEquals(ServiceState.ACTIVE, s.getState(), s.toString());
    return s;
  }

  private void awaitTrue(BooleanSupplier condition, ControllerJvm controller) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("devices not corrected, or findings not logged, within 30 s; controller log:\n" + controller.log());
      }
      Thread.sleep(100);
    }
  }

  private <T extends io.lightpath.southbound.spi.DeviceBehaviour> T behaviour(String device, Class<T> type) {
    DeviceDriver driver = drivers.computeIfAbsent(device, d -> {
      RegisterDeviceRequest r = lab.registrations().stream().filter(x -> x.getDeviceId().equals(d))
          .findFirst().orElseThrow();
      ManagedDevice.Role role = ManagedDevice.Role.valueOf(
          r.getDevice().getRole().name().substring("DEVICE_ROLE_".length()));
      return new GnmiDriverFactory(new CredentialResolver(), YangPayloadValidator.bundled(), Scheduler.of(timer),
          Duration.ofSeconds(10)).create(new ManagedDevice(d, r.getDevice().getAddress(),
              ManagedDevice.Protocol.GNMI, role, d, "", "", new ManagedDevice.Tls(true, "", ""), Instant.EPOCH));
    });
    return driver.behaviour(type).orElseThrow();
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(20, TimeUnit.SECONDS).join();
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  private static DeviceServiceGrpc.DeviceServiceBlockingStub devices(ManagedChannel ch) {
    return DeviceServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static ConnectivityServiceGrpc.ConnectivityServiceBlockingStub connectivity(ManagedChannel ch) {
    return ConnectivityServiceGrpc.newBlockingStub(ch).withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
