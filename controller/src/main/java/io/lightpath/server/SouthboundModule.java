package io.lightpath.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.provisioning.CredentialResolver;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.DeviceProvisioner;
import io.lightpath.provisioning.GnmiDriverFactory;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.service.PathEngine;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.gnmi.YangPayloadValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Drives real devices: binds the {@link Provisioner} to the gNMI {@link DeviceProvisioner} over
 * the registered devices ({@link DeviceRegistry}) and the lifecycle's current topology. Install it
 * over {@link ServerModule} with {@code Modules.override}; without it the lifecycle's
 * no-southbound provisioner fails every service. Side-effect free until first injected.
 */
public final class SouthboundModule extends AbstractModule {
  /** Deadline of one gNMI call. */
  static final Duration RPC_DEADLINE = Duration.ofSeconds(5);

  @Provides
  @Singleton
  Provisioner provisioner(PathEngine engine, DeviceRegistry registry, Clock clock) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lightpath-southbound-timer");
      t.setDaemon(true);
      return t;
    });
    Scheduler scheduler = Scheduler.of(timer);
    DeviceDrivers drivers = new DeviceDrivers(registry, new GnmiDriverFactory(
        new CredentialResolver(), YangPayloadValidator.bundled(), scheduler, RPC_DEADLINE));
    return new DeviceProvisioner(engine::topology, drivers, ProvisioningConfig.defaults()
        .withVerification(Duration.ofSeconds(10), Duration.ofMillis(100)), clock, scheduler);
  }
}
