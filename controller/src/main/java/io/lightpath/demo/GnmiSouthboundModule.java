package io.lightpath.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lightpath.model.Topology;
import io.lightpath.monitor.CarrierMonitor;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.DeviceProvisioner;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.provisioning.ProvisioningMetrics;
import io.lightpath.southbound.gnmi.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Overrides of the server's provisioning bindings ({@code ProvisioningModule}) for the demo and
 * the lab bench: the gNMI {@link DeviceProvisioner} over the same device drivers but with a short
 * carrier-verification poll interval. The
 * {@link CarrierMonitor} comes from the server's {@code MonitorModule} and so uses these bindings.
 *
 * <p>Carrier verification polls every {@code pollInterval} (the emulated lab answers on loopback
 * in well under a millisecond, so the default 500 ms would dominate create → ACTIVE).
 */
final class GnmiSouthboundModule extends AbstractModule {
  private final Duration verifyDeadline;
  private final Duration pollInterval;

  GnmiSouthboundModule(Duration verifyDeadline, Duration pollInterval) {
    this.verifyDeadline = verifyDeadline;
    this.pollInterval = pollInterval;
  }

  @Provides
  @Singleton
  Provisioner provisioner(Supplier<Topology> topology, DeviceDrivers drivers, Clock clock,
      Scheduler scheduler, ProvisioningMetrics metrics) {
    return new DeviceProvisioner(topology, drivers,
        ProvisioningConfig.defaults().withVerification(verifyDeadline, pollInterval), clock, scheduler,
        metrics);
  }
}
