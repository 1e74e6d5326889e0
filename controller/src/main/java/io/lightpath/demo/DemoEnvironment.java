package io.lightpath.demo;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.lightpath.monitor.CarrierMonitor;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.service.ProvisioningOrchestrator;
import io.lightpath.store.StateStore;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.provisioning.ProvisioningMetrics;
import io.lightpath.server.ServerModule;
import io.lightpath.server.StoreConfig;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.LabTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An in-process controller on a free loopback port plus a client channel to it, and optionally
 * an emulated lab. Everything the demo and the bench do to the controller goes through
 * {@link #channel()}, the same gRPC API any client uses.
 *
 * <p>Closing stops the controller, then the lab, and deletes the data directory if this
 * environment created it.
 */
public final class DemoEnvironment implements AutoCloseable {
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final EmulatedLab lab;
  private final Provisioner provisioner;
  private Duration monitorInterval;
  private CarrierMonitor monitor;
  private LightpathServer server;
  private Injector injector;
  private ManagedChannel channel;

  private DemoEnvironment(Path dataDir, boolean ownsDataDir, EmulatedLab lab, Provisioner provisioner) {
    this.provisioner = provisioner;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.lab = lab;
  }

  /**
   * Starts {@code labTopology} (or no lab when null) and a controller whose state lives in
   * {@code dataDir} (a fresh temporary directory when null).
   */
  public static DemoEnvironment start(LabTopology labTopology, Path dataDir) throws IOException {
    return start(labTopology, dataDir, null);
  }

  /**
   * As {@link #start(LabTopology, Path)}, with {@code provisioner} replacing the controller's own
   * (null: the gNMI provisioner driving the registered devices, {@link GnmiSouthboundModule}).
   */
  public static DemoEnvironment start(LabTopology labTopology, Path dataDir, Provisioner provisioner)
      throws IOException {
    return start(labTopology, dataDir, provisioner, Duration.ofMillis(200));
  }

  /**
   * As {@link #start(LabTopology, Path, Provisioner)}; with the gNMI provisioner a carrier monitor
   * sweeps every {@code monitorInterval} (null: no monitor).
   */
  public static DemoEnvironment start(LabTopology labTopology, Path dataDir, Provisioner provisioner,
      Duration monitorInterval) throws IOException {
    return start(labTopology, LabOptions.defaults(), dataDir, provisioner, monitorInterval);
  }

  /** As {@link #start(LabTopology, Path, Provisioner, Duration)}, the lab started with {@code labOptions}. */
  public static DemoEnvironment start(LabTopology labTopology, LabOptions labOptions, Path dataDir,
      Provisioner provisioner, Duration monitorInterval) throws IOException {
    boolean owns = dataDir == null;
    Path dir = owns ? Files.createTempDirectory("lightpath-demo-") : dataDir;
    EmulatedLab lab = labTopology == null ? null : EmulatedLab.start(labTopology, labOptions);
    DemoEnvironment env = new DemoEnvironment(dir, owns, lab, provisioner);
    env.monitorInterval = monitorInterval;
    try {
      env.startController();
    } catch (IOException | RuntimeException e) {
      env.close();
      throw e;
    }
    return env;
  }

  /** Starts the controller on its data directory and connects the client channel. */
  public void startController() throws IOException {
    if (server != null) {
      throw new IllegalStateException("controller already running");
    }
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(2));
    Module module = new ServerModule(config, Clock.systemUTC(), StoreConfig.at(dataDir));
    module = Modules.override(module).with(provisioner != null
        ? b -> b.bind(Provisioner.class).toInstance(provisioner)
        : new GnmiSouthboundModule(Duration.ofSeconds(10), Duration.ofMillis(20)));
    injector = Guice.createInjector(module);
    server = injector.getInstance(LightpathServer.class).start();
    if (provisioner == null && monitorInterval != null) {
      monitor = injector.getInstance(CarrierMonitor.class);
      monitor.start(monitorInterval);
    }
    channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create())
        .build();
  }

  /** Stops the controller (keeping the data directory) and closes the client channel. */
  public void stopController() throws InterruptedException {
    if (monitor != null) {
      monitor.close();
      monitor = null;
    }
    if (channel != null) {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
      channel = null;
    }
    if (server != null) {
      server.stop();
      server = null;
      // as ServeCommand does at shutdown: finish provisioning work, then close the store so a
      // restart really reopens the data directory
      injector.getInstance(ProvisioningOrchestrator.class).close();
      injector.getInstance(StateStore.class).close();
      injector.getInstance(DeviceDrivers.class).close();
      injector = null;
    }
  }

  /** Per-stage provisioning timers of the running controller. */
  public ProvisioningMetrics provisioningMetrics() {
    if (injector == null) {
      throw new IllegalStateException("controller not running");
    }
    return injector.getInstance(ProvisioningMetrics.class);
  }

  /** Client channel to the running controller. */
  public ManagedChannel channel() {
    if (channel == null) {
      throw new IllegalStateException("controller not running");
    }
    return channel;
  }

  /** Loopback port of the running controller. */
  public int controllerPort() {
    if (server == null) {
      throw new IllegalStateException("controller not running");
    }
    return server.port();
  }

  /** The emulated lab; IllegalStateException when started without one. */
  public EmulatedLab lab() {
    if (lab == null) {
      throw new IllegalStateException("no lab");
    }
    return lab;
  }

  /** Every lab device's endpoint, by name. */
  public Map<String, DeviceEndpoint> endpoints() {
    Map<String, DeviceEndpoint> out = new LinkedHashMap<>();
    lab().endpoints().forEach(ep -> out.put(ep.name(), ep));
    return out;
  }

  /** Where the controller keeps its state. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      stopController();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (lab != null) {
      lab.close();
    }
    if (ownsDataDir) {
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
