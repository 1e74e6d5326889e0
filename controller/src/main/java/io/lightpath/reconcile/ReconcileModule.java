package io.lightpath.reconcile;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.model.Topology;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.DeviceProvisioner;
import io.lightpath.provisioning.ProvisioningConfig;
import io.lightpath.service.ServiceRecovery;
import io.lightpath.service.ServiceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Binds the {@link Reconciler} (over the provisioning module's drivers, mapping and device lanes)
 * and the {@link ReconcileRunner}. Binding only: threads are created with the instances, and no
 * pass runs until {@code serve} starts the runner or a client calls ReconcileDevices.
 */
public final class ReconcileModule extends AbstractModule {
  @Provides
  @Singleton
  Reconciler reconciler(ServiceRepository services, DeviceRegistry registry, Supplier<Topology> topology,
      DeviceDrivers drivers, ProvisioningConfig config, DeviceProvisioner provisioner, MeterRegistry meters,
      ServiceRecovery recovery) {
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "reconcile");
      t.setDaemon(true);
      return t;
    });
    return new Reconciler(services, registry, topology, drivers, new ChannelMapper(config),
        provisioner::onDeviceLane, executor, meters, recovery::ensureRecovered);
  }

  @Provides
  @Singleton
  ReconcileRunner reconcileRunner(Reconciler reconciler) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reconcile-timer");
      t.setDaemon(true);
      return t;
    });
    return new ReconcileRunner(reconciler, timer);
  }
}
