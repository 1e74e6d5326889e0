package io.lightpath.provisioning;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.southbound.spi.DeviceDriver;
import java.time.Clock;
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
  /** Node id to the id of the device found for it last time (checked against the registry on use). */
  private final Map<String, String> nodeIndex = new ConcurrentHashMap<>();
  private final CarrierStates carrierStates = new CarrierStates();
  /** Why a device's driver could not be opened, while it cannot. */
  private final Map<String, ConnectionStatus> openFailures = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  private record Cached(ManagedDevice device, DeviceDriver driver) {}

  /**
   * Also attaches itself to {@code registry} as the source of the devices' session state
   * ({@link DeviceRegistry#connectionStatus}).
   */
  public DeviceDrivers(DeviceRegistry registry, DriverFactory factory) {
    this.registry = registry;
    this.factory = factory;
    registry.attachSessions(new DeviceRegistry.Sessions() {
      @Override
      public Optional<ConnectionStatus> status(String deviceId) {
        Cached c = drivers.get(deviceId);
        return c != null ? Optional.of(c.driver().connectionStatus())
            : Optional.ofNullable(openFailures.get(deviceId));
      }

      @Override
      public void registered(ManagedDevice device) {
        connect(device);
      }

      @Override
      public void removed(String deviceId) {
        deviceRemoved(deviceId);
      }
    });
  }

  /**
   * Opens the device's driver now (rather than on first use) and checks its capabilities, so its
   * session state is known and, for a transponder, its state stream is up before the first
   * provision. Devices the provisioner does not configure (amplifiers) are left alone; a driver
   * that cannot be opened (e.g. missing credentials) is reported as UNREACHABLE.
   */
  public void connect(ManagedDevice device) {
    if (device.role() == ManagedDevice.Role.AMPLIFIER) {
      return;
    }
    try {
      driverFor(device).discover().exceptionally(t -> null);
    } catch (RuntimeException e) {
      openFailures.put(device.id(), new ConnectionStatus(ConnectionStatus.State.UNREACHABLE,
          "cannot open a driver: " + e.getMessage(), clock.instant()));
    }
  }

  /**
   * Opens a session to every registered device ({@link #connect}), so after a restart the devices
   * registered before it report their real session state and the transponders' state streams are
   * up before the first provision, instead of waiting to be used. Does not block on the devices.
   */
  public void connectAll() {
    String after = "";
    for (List<ManagedDevice> page = registry.page(after, 512); !page.isEmpty();
        page = registry.page(after, 512)) {
      page.forEach(this::connect);
      after = page.get(page.size() - 1).id();
    }
  }

  /** Carrier state of the transponders, fed by one state subscription per transponder driver. */
  public CarrierStates carrierStates() {
    return carrierStates;
  }

  /** The device realising {@code nodeId}: the one whose nodeId matches, else the one with that id. */
  public Optional<ManagedDevice> deviceFor(String nodeId) {
    String known = nodeIndex.get(nodeId);
    if (known != null) {
      Optional<ManagedDevice> d = registry.get(known);
      if (d.isPresent() && nodeId.equals(d.get().nodeId())) {
        return d;
      }
      nodeIndex.remove(nodeId);
    }
    return scan(nodeId);
  }

  /**
   * Finds the first device (by id) whose nodeId is {@code nodeId}, indexing every device's node on
   * the way: one pass over the registry answers the next misses too, instead of a pass per node
   * (600 devices first used one after the other were 600 passes).
   */
  private Optional<ManagedDevice> scan(String nodeId) {
    ManagedDevice match = null;
    String after = "";
    while (true) {
      List<ManagedDevice> page = registry.page(after, PAGE);
      for (ManagedDevice d : page) {
        String node = d.nodeId();
        if (node == null || node.isEmpty()) {
          continue;
        }
        if (match == null && nodeId.equals(node)) {
          match = d;
        }
        nodeIndex.putIfAbsent(node, d.id());
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    if (match != null) {
      nodeIndex.put(nodeId, match.id());
      return Optional.of(match);
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
        carrierStates.forget(id);
        old.driver().close();
      }
      DeviceDriver driver = factory.create(device);
      openFailures.remove(id);
      if (device.role() == ManagedDevice.Role.TRANSPONDER) {
        carrierStates.watch(id, driver);
      }
      return new Cached(device, driver);
    });
    return c.driver();
  }

  /** Closes the driver of a device that was removed or changed. */
  public void deviceRemoved(String deviceId) {
    openFailures.remove(deviceId);
    Cached c = drivers.remove(deviceId);
    if (c != null) {
      carrierStates.forget(deviceId);
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
