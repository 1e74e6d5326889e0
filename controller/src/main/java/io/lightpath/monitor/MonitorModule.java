package io.lightpath.monitor;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.model.Topology;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.service.ServiceRepository;
import io.lightpath.service.ServiceWatcher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Binds the {@link CarrierMonitor} and {@link DeviceLiveness} over the provisioning module's
 * device drivers. Binding only: each thread is created with its object and starts work only when
 * {@code serve} calls {@code start}.
 */
public final class MonitorModule extends AbstractModule {
  @Provides
  @Singleton
  CarrierMonitor carrierMonitor(ServiceRepository services, ServiceWatcher watcher,
      DeviceRegistry registry, Supplier<Topology> topology, DeviceDrivers drivers,
      ProvisioningConfig config) {
    return new CarrierMonitor(services, watcher, registry, topology, drivers,
        new ChannelMapper(config), daemonScheduler("carrier-monitor"));
  }

  @Provides
  @Singleton
  DeviceLiveness deviceLiveness(DeviceRegistry registry, DeviceDrivers drivers) {
    // each probe is one gNMI call bounded by the drivers' own deadline; this only caps the wait
    return new DeviceLiveness(registry, drivers, daemonScheduler("device-liveness"),
        Duration.ofSeconds(30));
  }

  private static ScheduledExecutorService daemonScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
