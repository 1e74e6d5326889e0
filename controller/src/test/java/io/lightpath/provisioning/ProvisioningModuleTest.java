package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.lightpath.api.TopologyHolder;
import io.lightpath.device.DeviceRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvisioningModuleTest {
  @Test
  void bindsOneDeviceProvisionerAsTheProvisioner() {
    Injector injector = Guice.createInjector(
        new ProvisioningModule(ProvisioningConfig.defaults(), Duration.ofSeconds(5)),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(Clock.systemUTC());
            bind(DeviceRegistry.class).toInstance(new DeviceRegistry());
            bind(TopologyHolder.class).toInstance(new TopologyHolder());
          }
        });
    Provisioner p = injector.getInstance(Provisioner.class);
    assertInstanceOf(DeviceProvisioner.class, p);
    assertSame(p, injector.getInstance(Provisioner.class));
  }
}
