package io.lightpath.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lightpath.api.ConnectivityGrpcService;
import io.lightpath.api.DeviceGrpcService;
import io.lightpath.api.TopologyGrpcService;
import io.lightpath.api.TopologyHolder;
import io.lightpath.device.DeviceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.monitor.MonitorModule;
import io.lightpath.provisioning.ProvisioningModule;
import io.lightpath.reconcile.ReconcileModule;
import io.lightpath.service.LifecycleModule;
import io.lightpath.store.StateStore;
import io.lightpath.store.StateStores;
import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires the northbound server. Binding only: no I/O, no threads, so building the injector is
 * fast and tests can override any binding.
 */
public final class ServerModule extends AbstractModule {
  private final ServerConfig config;
  private final Clock clock;
  private final StoreConfig store;
  private final Duration deviceRpcDeadline;

  /** Default deadline of each gNMI RPC, which bounds every device transaction step of provisioning. */
  public static final Duration DEVICE_RPC_DEADLINE = Duration.ofSeconds(10);

  /** A server whose state lives in memory only (tests). */
  public ServerModule(ServerConfig config, Clock clock) {
    this(config, clock, StoreConfig.inMemory());
  }

  public ServerModule(ServerConfig config, Clock clock, StoreConfig store) {
    this(config, clock, store, DEVICE_RPC_DEADLINE);
  }

  /**
   * @param deviceRpcDeadline deadline of each gNMI RPC to a device; a device slower than this fails
   *     the provisioning step (DEVICE_TIMEOUT) and the service is rolled back
   */
  public ServerModule(ServerConfig config, Clock clock, StoreConfig store, Duration deviceRpcDeadline) {
    if (deviceRpcDeadline.isNegative() || deviceRpcDeadline.isZero()) {
      throw new IllegalArgumentException("deviceRpcDeadline must be positive");
    }
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.deviceRpcDeadline = deviceRpcDeadline;
  }

  @Override
  protected void configure() {
    bind(ServerConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
    bind(DeviceRegistry.class).in(Singleton.class);
    bind(TopologyHolder.class).in(Singleton.class);
    bind(LightpathServer.class).in(Singleton.class);
    bind(StoreConfig.class).toInstance(store);
    install(new LifecycleModule());
    install(new ProvisioningModule(ProvisioningConfig.defaults(), deviceRpcDeadline));
    install(new MonitorModule());
    install(new ReconcileModule());
  }

  /** Opens the store when first injected (not in configure(): building the injector does no I/O). */
  @Provides
  @Singleton
  StateStore stateStore(StoreConfig config, Clock clock) {
    String location = config.location();
    if (location.equals(StoreConfig.MEMORY)) {
      return new InMemoryStateStore(clock); // the injected clock, so tests control lease expiry
    }
    if (location.startsWith(StoreConfig.MVSTORE)) {
      return MvStateStore.open(Path.of(location.substring(StoreConfig.MVSTORE.length())), clock);
    }
    return StateStores.open(location);
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheusRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Provides
  @Singleton
  MeterRegistry meterRegistry(PrometheusMeterRegistry prometheus) {
    return prometheus;
  }

  @Provides
  @Singleton
  NorthboundServices northboundServices(
      TopologyGrpcService topology, DeviceGrpcService devices, ConnectivityGrpcService connectivity) {
    return new NorthboundServices(List.of(topology, devices, connectivity));
  }
}
