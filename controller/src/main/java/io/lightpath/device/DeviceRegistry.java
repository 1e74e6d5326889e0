package io.lightpath.device;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The set of managed devices, ordered by id. Thread-safe; registration of a taken id fails
 * atomically.
 */
public final class DeviceRegistry {
  private final ConcurrentNavigableMap<String, ManagedDevice> devices = new ConcurrentSkipListMap<>();

  /** Registers a device; returns false (and changes nothing) if its id is taken. */
  public boolean register(ManagedDevice device) {
    return devices.putIfAbsent(device.id(), device) == null;
  }

  public Optional<ManagedDevice> get(String id) {
    return Optional.ofNullable(devices.get(id));
  }

  /** Removes a device; returns false if there was none. */
  public boolean remove(String id) {
    return devices.remove(id) != null;
  }

  /** Up to {@code limit} devices with ids strictly after {@code afterId} ("" for the start). */
  public List<ManagedDevice> page(String afterId, int limit) {
    return devices.tailMap(afterId, false).values().stream().limit(limit).toList();
  }
}
