package io.lightpath.southbound.emulator.topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated lab network: devices and the fibers between their ports. Immutable.
 *
 * <p>Every port carries at most one fiber; names are unique. Construction fails with {@link
 * IllegalArgumentException} naming the offending element otherwise.
 */
public final class LabTopology {
  private final String name;
  private final Map<String, DeviceSpec> devices;
  private final Map<String, FiberSpec> fibers;
  private final Map<PortRef, FiberSpec> fiberByPort;

  public LabTopology(String name, List<DeviceSpec> devices, List<FiberSpec> fibers) {
    this.name = name == null ? "lab" : name;
    Map<String, DeviceSpec> byName = new LinkedHashMap<>();
    for (DeviceSpec d : devices) {
      if (byName.put(d.name(), d) != null) {
        throw new IllegalArgumentException("duplicate device name '" + d.name() + "'");
      }
      Set<String> ports = new HashSet<>();
      for (String p : d.ports()) {
        if (!ports.add(p)) {
          throw new IllegalArgumentException("device " + d.name() + ": duplicate port '" + p + "'");
        }
      }
    }
    Map<String, FiberSpec> fibersByName = new LinkedHashMap<>();
    Map<PortRef, FiberSpec> byPort = new HashMap<>();
    for (FiberSpec f : fibers) {
      if (fibersByName.put(f.name(), f) != null) {
        throw new IllegalArgumentException("duplicate fiber name '" + f.name() + "'");
      }
      for (PortRef end : List.of(f.a(), f.b())) {
        DeviceSpec d = byName.get(end.device());
        if (d == null) {
          throw new IllegalArgumentException(
              "fiber " + f.name() + ": unknown device '" + end.device() + "'");
        }
        if (!d.ports().contains(end.port())) {
          throw new IllegalArgumentException("fiber " + f.name() + ": unknown port " + end);
        }
        FiberSpec previous = byPort.put(end, f);
        if (previous != null) {
          throw new IllegalArgumentException(
              "fiber " + f.name() + ": port " + end + " already carries fiber " + previous.name());
        }
      }
    }
    this.devices = Map.copyOf(byName);
    this.fibers = Map.copyOf(fibersByName);
    this.fiberByPort = Map.copyOf(byPort);
    this.deviceOrder = List.copyOf(byName.values());
    this.fiberOrder = List.copyOf(fibersByName.values());
  }

  private final List<DeviceSpec> deviceOrder;
  private final List<FiberSpec> fiberOrder;

  /** The lab's name. */
  public String name() {
    return name;
  }

  /** Devices in file order. */
  public List<DeviceSpec> devices() {
    return deviceOrder;
  }

  /** Fibers in file order. */
  public List<FiberSpec> fibers() {
    return fiberOrder;
  }

  /** The device named {@code name}, if any. */
  public Optional<DeviceSpec> device(String name) {
    return Optional.ofNullable(devices.get(name));
  }

  /** The fiber named {@code name}, if any. */
  public Optional<FiberSpec> fiber(String name) {
    return Optional.ofNullable(fibers.get(name));
  }

  /** The fiber attached to {@code port}, if any. */
  public Optional<FiberSpec> fiberAt(PortRef port) {
    return Optional.ofNullable(fiberByPort.get(port));
  }
}
