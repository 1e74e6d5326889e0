package io.lightpath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.lightpath.monitor.CarrierMonitor;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerModuleTest {

  @Test
  void wiresOneCarrierMonitorThatSweepsNothingWhenNoServiceIsLit() {
    Injector injector = Guice.createInjector(new ServerModule(
        new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), Clock.systemUTC(), StoreConfig.inMemory()));
    CarrierMonitor monitor = injector.getInstance(CarrierMonitor.class);
    assertSame(monitor, injector.getInstance(CarrierMonitor.class));
    try (monitor) {
      assertEquals(0, monitor.sweep());
    }
  }
}
