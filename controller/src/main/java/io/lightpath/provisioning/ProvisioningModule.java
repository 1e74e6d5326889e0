package io.lightpath.provisioning;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.model.Topology;
import io.lightpath.service.PathEngine;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.gnmi.YangPayloadValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Binds {@link Provisioner} to {@link DeviceProvisioner} over gNMI drivers. Binding only: nothing
 * is opened until a provisioner is first injected, and drivers connect on first use. Needs
 * {@link Clock}, {@link DeviceRegistry}, {@link MeterRegistry} and the lifecycle's
 * {@link PathEngine} bound elsewhere (ServerModule); the domain topology is a
 * {@code Supplier<Topology>} taken from the path engine (mapped once per topology etag), which a
 * test or demo can override ({@code Modules.override}).
 */
public final class ProvisioningModule extends AbstractModule {
  private final ProvisioningConfig config;
  private final Duration rpcDeadline;

  /**
   * @param config provisioning tunables
   * @param rpcDeadline deadline of each gNMI RPC, which bounds every device transaction step
   */
  public ProvisioningModule(ProvisioningConfig config, Duration rpcDeadline) {
    this.config = config;
    this.rpcDeadline = rpcDeadline;
  }

  @Override
  protected void configure() {
    bind(ProvisioningConfig.class).toInstance(config);
    bind(Provisioner.class).to(DeviceProvisioner.class);
  }

  @Provides
  @Singleton
  Scheduler scheduler() {
    // Daemon timer for verification polls and driver reconnect backoff; threads start lazily.
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lightpath-provisioning-timer");
      t.setDaemon(true);
      return t;
    });
    return Scheduler.of(timer);
  }

  @Provides
  @Singleton
  DeviceDrivers deviceDrivers(DeviceRegistry registry, Scheduler scheduler) {
    return new DeviceDrivers(registry, new GnmiDriverFactory(new CredentialResolver(),
        YangPayloadValidator.bundled(), scheduler, rpcDeadline));
  }

  /** The domain topology provisioning maps channels over (override to supply another source). */
  @Provides
  Supplier<Topology> topology(PathEngine engine) {
    // The path engine maps the holder's API form to the domain once per topology etag (mapping a
    // 1,000-node topology takes longer than provisioning a service, so never per call).
    return engine::topology;
  }

  @Provides
  @Singleton
  DeviceProvisioner deviceProvisioner(Supplier<Topology> topology, DeviceDrivers drivers,
      Clock clock, Scheduler scheduler, ProvisioningMetrics metrics) {
    return new DeviceProvisioner(topology, drivers, config, clock, scheduler, metrics);
  }

  /** Per-stage provisioning timers, exported with the server's other metrics. */
  @Provides
  @Singleton
  ProvisioningMetrics provisioningMetrics(MeterRegistry registry) {
    return new ProvisioningMetrics(registry);
  }
}
