package io.lightpath.southbound.emulator;

import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.optics.OpticsEngine;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.yang.YangSchema;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulated network without any sockets: devices, fibers and their cut state, and the optics
 * recomputation that follows every config change or fault. Every mutation holds this object's
 * lock, so optics and change notifications are applied in one global order.
 */
public final class LabNetwork {
  private final LabTopology topology;
  private final Clock clock;
  private final Map<String, EmulatedDevice> devices = new LinkedHashMap<>();
  private final Set<String> cutFibers = new HashSet<>();

  /** A network whose devices check only the emulator's own rules. */
  public LabNetwork(LabTopology topology, Clock clock) {
    this(topology, clock, null);
  }

  /**
   * @param clock source of notification timestamps
   * @param yangSchema schema every device's config is also validated against, or null
   */
  public LabNetwork(LabTopology topology, Clock clock, YangSchema yangSchema) {
    this.topology = topology;
    this.clock = clock;
    for (DeviceSpec spec : topology.devices()) {
      devices.put(spec.name(), new EmulatedDevice(spec, yangSchema));
    }
    synchronized (this) {
      recompute(true);
    }
  }

  /** The topology. */
  public LabTopology topology() {
    return topology;
  }

  /** The device named {@code name}, if any. */
  public Optional<EmulatedDevice> device(String name) {
    return Optional.ofNullable(devices.get(name));
  }

  /** All devices in topology order. */
  public Collection<EmulatedDevice> devices() {
    return devices.values();
  }

  /** Applies a gNMI Set's edits to one device atomically, then recomputes optics. */
  public synchronized void set(EmulatedDevice device, List<Edit> edits) throws ConfigException {
    device.commit(edits);
    device.publish(device.optics(), nowNanos());
    recompute(false);
  }

  /** Cuts a fiber. */
  public synchronized void cutFiber(String fiber) {
    requireFiber(fiber);
    if (cutFibers.add(fiber)) {
      recompute(false);
    }
  }

  /** Repairs a fiber. */
  public synchronized void repairFiber(String fiber) {
    requireFiber(fiber);
    if (cutFibers.remove(fiber)) {
      recompute(false);
    }
  }

  /** Repairs every fiber. */
  public synchronized void repairAll() {
    if (!cutFibers.isEmpty()) {
      cutFibers.clear();
      recompute(false);
    }
  }

  /** True when {@code fiber} is cut. */
  public synchronized boolean isCut(String fiber) {
    return cutFibers.contains(fiber);
  }

  private void requireFiber(String fiber) {
    if (topology.fiber(fiber).isEmpty()) {
      throw new IllegalArgumentException("no fiber named '" + fiber + "'");
    }
  }

  /** Received state of every transponder port, by device then port. */
  public Map<PortRef, OpticalReading> opticalState() {
    Map<PortRef, OpticalReading> out = new TreeMap<>(
        java.util.Comparator.comparing(PortRef::device).thenComparing(PortRef::port));
    for (EmulatedDevice d : devices.values()) {
      if (d.role() == DeviceRole.TRANSPONDER) {
        for (String port : d.spec().ports()) {
          out.put(new PortRef(d.name(), port),
              d.optics().receivers().getOrDefault(port, OpticalReading.DARK));
        }
      }
    }
    return out;
  }

  private void recompute(boolean publishAll) {
    Map<String, DeviceOptics> byDevice =
        OpticsEngine.compute(topology, name -> devices.get(name).opticalView(), cutFibers);
    long now = nowNanos();
    for (EmulatedDevice d : devices.values()) {
      DeviceOptics r = byDevice.getOrDefault(d.name(), DeviceOptics.DARK);
      if (publishAll || !r.equals(d.optics())) {
        d.publish(r, now);
      }
    }
  }

  private long nowNanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
