package io.lightpath.service;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.lightpath.api.DeviceGuard;
import io.lightpath.api.TopologyGuard;
import io.lightpath.pce.PceConfig;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotEstimator;
import io.lightpath.qot.QotParameters;
import io.lightpath.transceiver.TransceiverCatalog;
import jakarta.inject.Singleton;

/**
 * Bindings of the service lifecycle. Side-effect free: the catalog and estimator are built when
 * first injected. The {@link io.lightpath.provisioning.Provisioner} is bound elsewhere
 * (ServerModule installs the gNMI ProvisioningModule; tests override it with a fake).
 */
public final class LifecycleModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(TopologyGuard.class).to(LiveServicesTopologyGuard.class);
    bind(DeviceGuard.class).to(LiveServicesDeviceGuard.class);
  }

  @Provides
  @Singleton
  LifecycleConfig lifecycleConfig() {
    return LifecycleConfig.defaults();
  }

  @Provides
  @Singleton
  PceConfig pceConfig() {
    return PceConfig.defaults();
  }

  @Provides
  @Singleton
  ResourceLedger ledger(PceConfig config) {
    return new ResourceLedger(config.grid());
  }

  @Provides
  @Singleton
  QotEstimator qotEstimator() {
    return new GnQotEstimator(QotParameters.defaults());
  }

  @Provides
  @Singleton
  TransceiverCatalog catalog() {
    return TransceiverCatalog.loadDefault();
  }
}
