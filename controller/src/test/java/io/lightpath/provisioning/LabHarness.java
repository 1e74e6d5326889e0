package io.lightpath.provisioning;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.qot.QotEstimate;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.gnmi.GnmiDeviceDriver;
import io.lightpath.southbound.gnmi.GnmiPaths;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.gnmi.YangPayloadValidator;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An emulated lab on loopback sockets with a {@link DeviceProvisioner} wired to it through
 * {@link LabBridge}: real gNMI drivers, real emulated devices, virtual time for verification.
 */
final class LabHarness implements AutoCloseable {
  static final YangPayloadValidator VALIDATOR = YangPayloadValidator.bundled();
  static final TransceiverMode MODE =
      new TransceiverMode("100G-DP-QPSK", "CFP2-DCO", 100, 32, "DP-QPSK", 50_000, 12, 36, -10, 3, 20);
  static final Duration RPC_DEADLINE = Duration.ofSeconds(2);

  final EmulatedLab lab;
  final Topology topology;
  final DeviceRegistry registry = new DeviceRegistry();
  final DeviceDrivers drivers;
  final VirtualTime time;
  final DeviceProvisioner provisioner;
  private final ScheduledExecutorService driverTimer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService verifyExecutor = Executors.newSingleThreadExecutor();

  LabHarness(String bundledLab) throws Exception {
    this(bundledLab, t -> t);
  }

  /** @param edit changes the controller's view of the topology (to model a wrong inventory) */
  LabHarness(String bundledLab, UnaryOperator<Topology> edit) throws Exception {
    this(bundledLab, edit, LabOptions.defaults(), "", LabBridge.plaintext(), v -> null);
  }

  /**
   * A lab with {@code options} (TLS, credentials), devices registered with {@code credentialRef}
   * and {@code tls}, credentials resolved from {@code environment}.
   */
  LabHarness(String bundledLab, UnaryOperator<Topology> edit, LabOptions options,
      String credentialRef, ManagedDevice.Tls tls, Function<String, String> environment)
      throws Exception {
    this(LabTopologyFile.readBundled(bundledLab), edit, options, credentialRef, tls, environment);
  }

  /**
   * A default (plaintext) lab of {@code labTopology}, whose drivers read priors and verify with
   * Gets on every change (no config mirror), so tests can count those Gets.
   */
  LabHarness(LabTopology labTopology) throws Exception {
    this(labTopology, t -> t, LabOptions.defaults(), "", LabBridge.plaintext(), v -> null,
        Duration.ZERO);
  }

  /** As {@link #LabHarness(LabTopology)}, with drivers that keep a config mirror. */
  static LabHarness withConfigMirror(LabTopology labTopology) throws Exception {
    return new LabHarness(labTopology, t -> t, LabOptions.defaults(), "", LabBridge.plaintext(),
        v -> null, GnmiDriverFactory.DEFAULT_CONFIG_MIRROR_GRACE);
  }

  private LabHarness(LabTopology labTopology, UnaryOperator<Topology> edit, LabOptions options,
      String credentialRef, ManagedDevice.Tls tls, Function<String, String> environment)
      throws Exception {
    this(labTopology, edit, options, credentialRef, tls, environment, Duration.ZERO);
  }

  private LabHarness(LabTopology labTopology, UnaryOperator<Topology> edit, LabOptions options,
      String credentialRef, ManagedDevice.Tls tls, Function<String, String> environment,
      Duration configMirrorGrace) throws Exception {
    lab = EmulatedLab.start(labTopology, options);
    topology = edit.apply(LabBridge.topology(labTopology, MODE.type()));
    for (ManagedDevice d : LabBridge.devices(lab, credentialRef, tls, Instant.EPOCH)) {
      registry.register(d);
    }
    drivers = new DeviceDrivers(registry, new GnmiDriverFactory(
        new CredentialResolver(environment), VALIDATOR, Scheduler.of(driverTimer), RPC_DEADLINE,
        GnmiDriverFactory.DEFAULT_LIVENESS_INTERVAL, configMirrorGrace));
    time = new VirtualTime(verifyExecutor);
    ProvisioningConfig config = ProvisioningConfig.defaults()
        .withVerification(Duration.ofSeconds(5), Duration.ofMillis(100));
    provisioner = new DeviceProvisioner(() -> topology, drivers, config, time, time);
  }

  /** The media-channel behaviour of ROADM {@code deviceId}'s driver (the provisioner's own). */
  MediaChannelConfig roadm(String deviceId) {
    return drivers.driverFor(registry.get(deviceId).orElseThrow())
        .behaviour(MediaChannelConfig.class).orElseThrow();
  }

  /** The registration LabBridge makes for one device of a running lab. */
  static ManagedDevice registration(EmulatedLab lab, String deviceId) {
    return LabBridge.devices(lab, "", LabBridge.plaintext(), Instant.EPOCH).stream()
        .filter(d -> d.id().equals(deviceId)).findFirst().orElseThrow();
  }

  /**
   * A channel along {@code path} = node, fiber, node, fiber, ..., node at {@code centreMhz}, 50 GHz
   * wide.
   */
  static ComputedChannel channel(long centreMhz, String... path) {
    List<ComputedChannel.Hop> hops = new ArrayList<>();
    for (int i = 1; i < path.length; i += 2) {
      hops.add(new ComputedChannel.Hop(path[i - 1], path[i], path[i + 1]));
    }
    return new ComputedChannel(ComputedChannel.Role.WORKING, hops,
        SpectrumGrid.C_BAND.rangeOf(centreMhz, MODE.widthMhz()), centreMhz, MODE.widthMhz(), MODE,
        0, 0, new QotEstimate(20, 22, 4), path[0], path[path.length - 1], "", "");
  }

  /** Every device's whole CONFIG tree as its gNMI Get returns it, by device. */
  Map<String, String> snapshots() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (var ep : lab.endpoints()) {
      out.put(ep.name(), snapshot(ep.name()));
    }
    return out;
  }

  String snapshot(String deviceId) throws Exception {
    GnmiDeviceDriver driver =
        (GnmiDeviceDriver) drivers.driverFor(registry.get(deviceId).orElseThrow());
    GetResponse response = driver.session().client().get(GetRequest.newBuilder()
        .addPath(Path.getDefaultInstance()).setType(GetRequest.DataType.CONFIG)
        .setEncoding(Encoding.JSON_IETF).build()).get(10, TimeUnit.SECONDS);
    StringBuilder out = new StringBuilder();
    for (Notification n : response.getNotificationList()) {
      for (Update u : n.getUpdateList()) {
        out.append(GnmiPaths.format(GnmiPaths.join(n.getPrefix(), u.getPath()))).append('=')
            .append(u.getVal().toByteString().toStringUtf8()).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    drivers.close();
    lab.close();
    driverTimer.shutdownNow();
    verifyExecutor.shutdownNow();
  }
}
