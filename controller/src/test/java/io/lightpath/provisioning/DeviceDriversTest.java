package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.gnmi.PayloadValidator;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node-to-device lookup and the one-driver-per-device cache, with real (unconnected) gNMI drivers. */
class DeviceDriversTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<DeviceDriver> created = new ArrayList<>();
  private final DeviceRegistry registry = new DeviceRegistry();
  private final GnmiDriverFactory gnmi = new GnmiDriverFactory(new CredentialResolver(v -> null),
      PayloadValidator.NONE, Scheduler.of(timer), Duration.ofSeconds(1));
  private final DeviceDrivers drivers = new DeviceDrivers(registry, d -> {
    DeviceDriver driver = gnmi.create(d);
    created.add(driver);
    return driver;
  });

  @AfterEach
  void stop() {
    drivers.close();
    timer.shutdownNow();
  }

  private static ManagedDevice device(String id, String nodeId, String address) {
    return new ManagedDevice(id, address, ManagedDevice.Protocol.GNMI, ManagedDevice.Role.ROADM,
        nodeId, "", "", new ManagedDevice.Tls(true, "", ""), Instant.EPOCH);
  }

  @Test
  void findsTheDeviceByNodeIdThenById() {
    registry.register(device("dev-1", "node-a", "127.0.0.1:1"));
    registry.register(device("node-b", "", "127.0.0.1:2"));
    assertEquals("dev-1", drivers.deviceFor("node-a").orElseThrow().id());
    assertEquals("node-b", drivers.deviceFor("node-b").orElseThrow().id());
    assertEquals(Optional.empty(), drivers.deviceFor("dev-1"), "dev-1 realises node-a, not dev-1");
    assertEquals(Optional.empty(), drivers.deviceFor("node-c"));
  }

  @Test
  void oneDriverPerDeviceReplacedWhenTheRegistrationChanges() {
    ManagedDevice d = device("dev-1", "node-a", "127.0.0.1:1");
    DeviceDriver first = drivers.driverFor(d);
    assertSame(first, drivers.driverFor(d));
    DeviceDriver moved = drivers.driverFor(device("dev-1", "node-a", "127.0.0.1:3"));
    assertNotSame(first, moved);
    assertEquals(2, created.size());
    drivers.deviceRemoved("dev-1");
    assertNotSame(moved, drivers.driverFor(device("dev-1", "node-a", "127.0.0.1:3")));
  }

  @Test
  void unusableSettingsAreRefusedWithoutSecrets() {
    var noPort = assertThrows(IllegalArgumentException.class,
        () -> drivers.driverFor(device("dev-1", "", "localhost")));
    assertTrue(noPort.getMessage().contains("host:port"), noPort.getMessage());
    ManagedDevice plaintextWithLogin = new ManagedDevice("dev-2", "127.0.0.1:9", ManagedDevice.Protocol.GNMI,
        ManagedDevice.Role.OCS, "", "", "env:LOGIN", new ManagedDevice.Tls(true, "", ""), Instant.EPOCH);
    DeviceDrivers withLogin = new DeviceDrivers(registry, new GnmiDriverFactory(
        new CredentialResolver(v -> "ops:topsecret"), PayloadValidator.NONE, Scheduler.of(timer),
        Duration.ofSeconds(1)));
    var plaintext = assertThrows(IllegalArgumentException.class,
        () -> withLogin.driverFor(plaintextWithLogin));
    assertTrue(plaintext.getMessage().contains("plaintext"), plaintext.getMessage());
    assertTrue(!plaintext.getMessage().contains("topsecret"));
  }

  @Test
  void connectAllOpensASessionToEveryDeviceRegisteredBeforeTheDriversExisted() {
    // as after a restart: the registrations come from the store, nobody registers them again
    DeviceRegistry restored = new DeviceRegistry();
    for (int i = 0; i < 600; i++) {
      restored.register(device(String.format("dev-%03d", i), "", "127.0.0.1:1"));
    }
    List<String> opened = new ArrayList<>();
    DeviceDrivers afterRestart = new DeviceDrivers(restored, d -> {
      opened.add(d.id());
      throw new IllegalArgumentException("no route to " + d.address());
    });
    assertEquals(Optional.empty(), restored.connectionStatus("dev-000"));
    afterRestart.connectAll();
    assertEquals(600, opened.size(), "every device, across registry pages");
    assertEquals(ConnectionStatus.State.UNREACHABLE,
        restored.connectionStatus("dev-599").orElseThrow().state());
    afterRestart.close();
  }

  @Test
  void ipv6AddressesInBrackets() {
    assertEquals(new GnmiDriverFactory.HostPort("::1", 9339),
        GnmiDriverFactory.HostPort.parse("d", "[::1]:9339"));
  }
}
