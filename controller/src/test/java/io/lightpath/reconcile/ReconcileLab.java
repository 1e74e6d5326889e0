package io.lightpath.reconcile;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.api.TopologyHolder;
import io.lightpath.api.TopologyMapper;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Service;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.LabBridge;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import io.lightpath.server.StoreConfig;
import io.lightpath.service.ProvisioningOrchestrator;
import io.lightpath.service.ServiceRecovery;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The production server (ServerModule: gNMI provisioner, reconciler, in-memory store) on a
 * loopback port, with the emulated reconcile lab registered and its topology imported. Services
 * are created through the API and provisioned onto the emulated devices for real; tests tamper
 * with the devices through their own drivers. Public for the carrier monitor's lab test.
 */
public final class ReconcileLab implements AutoCloseable {
  public static final String TRANSCEIVER_TYPE = "CFP2-DCO-100G";

  public final EmulatedLab lab;
  public final Injector injector;
  public final LightpathServer server;
  public final ManagedChannel channel;

  private ReconcileLab(EmulatedLab lab, Injector injector) throws Exception {
    this.lab = lab;
    this.injector = injector;
    injector.getInstance(ServiceRecovery.class).ensureRecovered();
    this.server = injector.getInstance(LightpathServer.class).start();
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  /** The reconcile lab ({@code reconcile-lab.yaml}), 100G transceivers. */
  public static ReconcileLab start() throws Exception {
    LabTopology topology;
    try (InputStream in = ReconcileLab.class.getResourceAsStream("reconcile-lab.yaml")) {
      topology = LabTopologyFile.read(in, "reconcile-lab.yaml");
    }
    return start(topology, TRANSCEIVER_TYPE);
  }

  /** Any lab, with {@code transceiverType} at every transponder port. */
  public static ReconcileLab start(LabTopology topology, String transceiverType) throws Exception {
    return start(topology, transceiverType, ServerModule.DEVICE_RPC_DEADLINE);
  }

  private static ReconcileLab start(LabTopology topology, String transceiverType,
      Duration deviceRpcDeadline) throws Exception {
    EmulatedLab lab = EmulatedLab.start(topology);
    Injector injector = Guice.createInjector(new ServerModule(
        new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), Clock.systemUTC(),
        StoreConfig.inMemory(), deviceRpcDeadline));
    ReconcileLab r = new ReconcileLab(lab, injector);
    DeviceRegistry registry = injector.getInstance(DeviceRegistry.class);
    for (ManagedDevice d : LabBridge.devices(lab, "", LabBridge.plaintext(), Instant.EPOCH)) {
      registry.register(d);
    }
    injector.getInstance(TopologyHolder.class)
        .replace(TopologyMapper.toProto(LabBridge.topology(topology, transceiverType)), "");
    return r;
  }

  /** Creates a 100G service from {@code a} to {@code z} and waits until provisioning ended. */
  public Service create(String requestId, String a, String z) throws Exception {
    return create(requestId, a, z, LineRate.LINE_RATE_100G);
  }

  /** Creates a service of {@code rate} from {@code a} to {@code z} and waits until provisioning ended. */
  public Service create(String requestId, String a, String z, LineRate rate) throws Exception {
    Service s = connectivity().createService(CreateServiceRequest.newBuilder().setRequestId(requestId)
        .setService(Service.newBuilder().setAEnd(Endpoint.newBuilder().setNodeId(a))
            .setZEnd(Endpoint.newBuilder().setNodeId(z)).setRate(rate))
        .build());
    awaitIdle();
    return connectivity().getService(GetServiceRequest.newBuilder().setName(s.getName()).build());
  }

  public void awaitIdle() throws InterruptedException {
    if (!injector.getInstance(ProvisioningOrchestrator.class).awaitIdle(Duration.ofSeconds(60))) {
      throw new AssertionError("provisioning still running after 60 s");
    }
  }

  public ConnectivityServiceGrpc.ConnectivityServiceBlockingStub connectivity() {
    return ConnectivityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  DeviceServiceGrpc.DeviceServiceBlockingStub devices() {
    return DeviceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  Reconciler reconciler() {
    return injector.getInstance(Reconciler.class);
  }

  /** One pass over every device. */
  ReconcileReport pass(boolean correct) {
    return reconciler().reconcile(java.util.List.of(), correct).orTimeout(60, TimeUnit.SECONDS).join();
  }

  MediaChannelConfig roadm(String id) {
    return behaviour(id, MediaChannelConfig.class);
  }

  CrossConnectConfig ocs(String id) {
    return behaviour(id, CrossConnectConfig.class);
  }

  TransponderConfig transponder(String id) {
    return behaviour(id, TransponderConfig.class);
  }

  private <T extends io.lightpath.southbound.spi.DeviceBehaviour> T behaviour(String id, Class<T> type) {
    DeviceDrivers drivers = injector.getInstance(DeviceDrivers.class);
    ManagedDevice d = injector.getInstance(DeviceRegistry.class).get(id).orElseThrow();
    return drivers.driverFor(d).behaviour(type).orElseThrow();
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    injector.getInstance(ProvisioningOrchestrator.class).close();
    injector.getInstance(DeviceDrivers.class).close();
    lab.close();
  }
}
