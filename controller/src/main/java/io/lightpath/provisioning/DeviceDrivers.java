package io.lightpath.provisioning;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.DeviceDriver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node id to driver: finds the {@link ManagedDevice} that realises a topology node in the
 * {@link DeviceRegistry} and keeps one driver per device.
 *
 * <p>A cached driver is closed and replaced when the device's registration changed (new address,
 * TLS or credential reference) and closed by {@link #deviceRemoved} or when its device is no
 * longer registered. Thread-safe.
 */
public final class DeviceDrivers implements AutoCloseable {
  private static final int PAGE = 256;

  private final DeviceRegistry registry;
  private final DriverFactory factory;
  private final Map<String, Cached> drivers = new ConcurrentHashMap<>();

  private record Cached(ManagedDevice device, DeviceDriver driver) {}

  public DeviceDrivers(DeviceRegistry registry, DriverFactory factory) {
    this.registry = registry;
    this.factory = factory;
  }

  /** The device realising {@code nodeId}: the one whose nodeId matches, else the one with that id. */
  public Optional<ManagedDevice> deviceFor(String nodeId) {
    String after = "";
    while (true) {
      List<ManagedDevice> page = registry.page(after, PAGE);
      for (ManagedDevice d : page) {
        if (nodeId.equals(d.nodeId())) {
          return Optional.of(d);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    return registry.get(nodeId).filter(d -> d.nodeId() == null || d.nodeId().isEmpty());
  }

  /**
   * The driver for {@code device}, created on first use.
   *
   * @throws IllegalArgumentException from the factory when the device's settings are unusable
   */
  public DeviceDriver driverFor(ManagedDevice device) {
    Cached c = drivers.compute(device.id(), (id, old) -> {
      if (old != null && old.device().equals(device)) {
        return old;
      }
      if (old != null) {
        old.driver().close();
      }
      return new Cached(device, factory.create(device));
    });
    return c.driver();
  }

  /** Closes the driver of a device that was removed or changed. */
  public void deviceRemoved(String deviceId) {
    Cached c = drivers.remove(deviceId);
    if (c != null) {
      c.driver().close();
    }
  }

  @Override
  public void close() {
    for (String id : List.copyOf(drivers.keySet())) {
      deviceRemoved(id);
    }
  }
}
