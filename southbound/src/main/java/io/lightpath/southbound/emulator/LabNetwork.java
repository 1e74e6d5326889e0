package io.lightpath.southbound.emulator;

import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.optics.IncrementalOptics;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated network without any sockets: devices, fibers and their cut state, and the optics
 * update that follows every config change or fault.
 *
 * <p>Locking, so that Sets on different devices run in parallel: a Set validates and commits
 * under its device's own lock; the lab-wide optics lock is held only while {@link
 * IncrementalOptics} retraces the carriers the change affects (microseconds, independent of the
 * lab's size); each affected device then rebuilds its data tree and notifies its subscribers
 * under its own publish lock. A device's tree always converges to its latest config and optics,
 * because a publish reads both when it runs, and a Set returns only after the devices it affected
 * have published.
 */
public final class LabNetwork {
  private final LabTopology topology;
  private final Clock clock;
  private final Map<String, EmulatedDevice> devices = new LinkedHashMap<>();
  private final Set<String> cutFibers = ConcurrentHashMap.newKeySet();
  private final Object opticsLock = new Object();
  private final IncrementalOptics optics;

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
    synchronized (opticsLock) {
      this.optics = new IncrementalOptics(topology, name -> devices.get(name).opticalView());
      for (EmulatedDevice d : devices.values()) {
        d.setOptics(optics.optics(d.name()));
      }
    }
    for (EmulatedDevice d : devices.values()) {
      d.publish(this::nowNanos);
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

  /**
   * Applies a gNMI Set's edits to one device atomically (all or nothing), then updates the optics
   * and publishes the changed data trees before returning.
   */
  public void set(EmulatedDevice device, List<Edit> edits) throws ConfigException {
    device.commit(edits);
    Map<String, DeviceOptics> changed;
    synchronized (opticsLock) {
      // The device's latest view: a concurrent Set on it may have committed after ours.
      changed = apply(optics.update(device.name(), device.opticalView()));
    }
    device.publish(this::nowNanos);
    publish(changed, device.name());
  }

  /** Cuts a fiber. */
  public void cutFiber(String fiber) {
    setCut(fiber, true);
  }

  /** Repairs a fiber. */
  public void repairFiber(String fiber) {
    setCut(fiber, false);
  }

  /** Repairs every fiber. */
  public void repairAll() {
    for (String fiber : List.copyOf(cutFibers)) {
      setCut(fiber, false);
    }
  }

  /** True when {@code fiber} is cut. */
  public boolean isCut(String fiber) {
    return cutFibers.contains(fiber);
  }

  private void setCut(String fiber, boolean cut) {
    requireFiber(fiber);
    Map<String, DeviceOptics> changed;
    synchronized (opticsLock) {
      if (cut ? !cutFibers.add(fiber) : !cutFibers.remove(fiber)) {
        return;
      }
      changed = apply(optics.setCut(fiber, cut));
    }
    publish(changed, null);
  }

  /** Hands new optics to their devices. Caller holds the optics lock. */
  private Map<String, DeviceOptics> apply(Map<String, DeviceOptics> changed) {
    changed.forEach((name, o) -> devices.get(name).setOptics(o));
    return changed;
  }

  private void publish(Map<String, DeviceOptics> changed, String skip) {
    for (String name : changed.keySet()) {
      if (!name.equals(skip)) {
        devices.get(name).publish(this::nowNanos);
      }
    }
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

  private long nowNanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
