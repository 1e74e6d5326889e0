package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.gnmi.PayloadValidator;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.spi.DeviceDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which drivers the factory gives a liveness check (recorded, never run: no device is dialled). */
class GnmiDriverFactoryTest {
  private final List<Duration> scheduled = new ArrayList<>();
  private final Scheduler recording = (task, delay) -> {
    scheduled.add(delay);
    return () -> { };
  };

  private static ManagedDevice device(String id, ManagedDevice.Role role) {
    return new ManagedDevice(id, "127.0.0.1:1", ManagedDevice.Protocol.GNMI, role, "", "", "",
        new ManagedDevice.Tls(true, "", ""), Instant.EPOCH);
  }

  @Test
  void roadmsAndSwitchesAreCheckedTranspondersHaveTheirStream() {
    GnmiDriverFactory factory = new GnmiDriverFactory(new CredentialResolver(v -> null),
        PayloadValidator.NONE, recording, Duration.ofSeconds(1), Duration.ofSeconds(7));
    try (DeviceDriver tp = factory.create(device("tp", ManagedDevice.Role.TRANSPONDER))) {
      assertEquals(List.of(), scheduled);
    }
    try (DeviceDriver roadm = factory.create(device("roadm", ManagedDevice.Role.ROADM));
        DeviceDriver ocs = factory.create(device("ocs", ManagedDevice.Role.OCS))) {
      assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), scheduled);
    }
  }

  @Test
  void aZeroIntervalTurnsTheCheckOff() {
    GnmiDriverFactory factory = new GnmiDriverFactory(new CredentialResolver(v -> null),
        PayloadValidator.NONE, recording, Duration.ofSeconds(1), Duration.ZERO);
    try (DeviceDriver roadm = factory.create(device("roadm", ManagedDevice.Role.ROADM))) {
      assertEquals(List.of(), scheduled);
    }
  }
}
