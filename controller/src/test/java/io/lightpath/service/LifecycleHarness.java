package io.lightpath.service;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.api.TopologyHolder;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.Topology;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import io.lightpath.server.StoreConfig;
import io.lightpath.store.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real server on a loopback port with the lifecycle wired as in production, except the
 * provisioner (a {@link FakeProvisioner}) and the clock. Close it after use; closing also closes
 * the store, so an MVStore-backed harness can be reopened on the same directory.
 */
final class LifecycleHarness implements AutoCloseable {
  final Injector injector;
  final LightpathServer server;
  final ManagedChannel channel;
  final FakeProvisioner provisioner;
  final ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub;

  private LifecycleHarness(Injector injector, FakeProvisioner provisioner) throws Exception {
    this.injector = injector;
    this.provisioner = provisioner;
    injector.getInstance(ServiceRecovery.class).ensureRecovered();
    this.server = injector.getInstance(LightpathServer.class).start();
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    this.stub = ConnectivityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** @param provisioner the fake to bind, or null for the production (gNMI) provisioner */
  static LifecycleHarness start(StoreConfig store, Clock clock, FakeProvisioner provisioner)
      throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(1));
    ServerModule production = new ServerModule(config, clock, store);
    Injector injector = provisioner == null ? Guice.createInjector(production)
        : Guice.createInjector(Modules.override(production)
            .with(b -> b.bind(Provisioner.class).toInstance(provisioner)));
    return new LifecycleHarness(injector, provisioner);
  }

  /** In memory, system clock, a fake provisioner, and the test topology with 64 transceivers per end. */
  static LifecycleHarness inMemory() throws Exception {
    LifecycleHarness h = start(StoreConfig.inMemory(), Clock.systemUTC(), new FakeProvisioner());
    h.topology(TestTopology.build(64));
    return h;
  }

  void topology(Topology t) {
    injector.getInstance(TopologyHolder.class).replace(t, "");
  }

  ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub() {
    return ConnectivityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  void awaitIdle() throws InterruptedException {
    if (!injector.getInstance(ProvisioningOrchestrator.class).awaitIdle(Duration.ofSeconds(30))) {
      throw new AssertionError("provisioning still running after 30 s");
    }
  }

  ResourceLedger ledger() {
    return injector.getInstance(ResourceLedger.class);
  }

  StateStore store() {
    return injector.getInstance(StateStore.class);
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
    // drivers of devices registered through the API (lab tests) would keep reconnecting after
    // their lab is gone, for the rest of the test JVM
    injector.getInstance(io.lightpath.provisioning.DeviceDrivers.class).close();
    store().close();
  }
}
