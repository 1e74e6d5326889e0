package io.lightpath.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.StateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrations survive a restart of the store, so recovery can reach the devices. */
class DeviceRegistryTest {
  @TempDir Path dir;

  private static ManagedDevice device(String id) {
    return new ManagedDevice(id, "127.0.0.1:9339", ManagedDevice.Protocol.GNMI, ManagedDevice.Role.ROADM,
        "node-" + id, "", "env:LAB_CREDS", new ManagedDevice.Tls(true, "", ""),
        Instant.parse("2026-11-24T06:00:00.123456789Z"));
  }

  @Test
  void registrationsAndRemovalsSurviveAReopen() {
    try (StateStore store = MvStateStore.open(dir)) {
      DeviceRegistry r = new DeviceRegistry(store);
      assertTrue(r.register(device("roadm-1")));
      assertTrue(r.register(device("roadm-2")));
      assertFalse(r.register(device("roadm-1")));
      assertTrue(r.remove("roadm-2"));
    }
    try (StateStore store = MvStateStore.open(dir)) {
      DeviceRegistry r = new DeviceRegistry(store);
      assertEquals(List.of(device("roadm-1")), r.page("", 10));
      assertFalse(r.register(device("roadm-1")), "the id stays taken after the restart");
      assertTrue(r.register(device("roadm-2")), "a removed id is free again");
    }
  }

  @Test
  void aRegistryWithoutStoreStartsEmptyEveryTime() {
    DeviceRegistry r = new DeviceRegistry();
    assertTrue(r.register(device("a")));
    assertEquals(1, r.page("", 10).size());
    assertTrue(new DeviceRegistry().page("", 10).isEmpty());
  }
}
