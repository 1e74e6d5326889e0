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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Binds the {@link CarrierMonitor} over the provisioning module's device drivers. Binding only:
 * the monitor's thread is created with it and starts work only when {@code serve} calls
 * {@link CarrierMonitor#start}.
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

  private static ScheduledExecutorService daemonScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
