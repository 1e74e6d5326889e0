package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.model.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProvisioningModuleTest {
  @Test
  void bindsOneDeviceProvisionerAsTheProvisioner() {
    Topology empty = Topology.of(List.of(), List.of());
    MeterRegistry registry = new SimpleMeterRegistry();
    Injector injector = Guice.createInjector(
        Modules.override(new ProvisioningModule(ProvisioningConfig.defaults(), Duration.ofSeconds(5)))
            .with(new AbstractModule() {
              @Override
              protected void configure() {
                bind(new TypeLiteral<Supplier<Topology>>() {}).toInstance(() -> empty);
              }
            }),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(Clock.systemUTC());
            bind(DeviceRegistry.class).toInstance(new DeviceRegistry());
            bind(MeterRegistry.class).toInstance(registry);
          }
        });
    Provisioner p = injector.getInstance(Provisioner.class);
    assertInstanceOf(DeviceProvisioner.class, p);
    assertSame(p, injector.getInstance(Provisioner.class));
    // its stage timers are exported through the server's registry
    assertSame(((DeviceProvisioner) p).metrics(), injector.getInstance(ProvisioningMetrics.class));
    assertNotNull(registry.find("lightpath.provisioning.stage").tag("stage", "verify").timer());
  }
}
