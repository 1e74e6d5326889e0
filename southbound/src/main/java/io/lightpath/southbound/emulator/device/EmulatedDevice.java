package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.DeviceDatastore;
import io.lightpath.southbound.emulator.store.DeviceSchema;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.store.TreeDatastore;
import io.lightpath.southbound.emulator.store.YangValidatedDatastore;
import io.lightpath.yang.YangSchema;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One emulated device: its datastore, its derived state, its faults and its change listeners.
 * Config changes go through {@link #commit}; the owning lab then feeds optics back with {@link
 * #publish}, which recomputes the full tree and notifies listeners of the difference.
 */
public final class EmulatedDevice {
  private final DeviceSpec spec;
  private final DeviceModel model;
  private final DeviceDatastore store;
  private final DeviceFaults faults = new DeviceFaults();
  private final List<TreeListener> listeners = new CopyOnWriteArrayList<>();
  /** Orders commits of this device with the optical view they produce. */
  private final Object commitLock = new Object();
  /** Orders tree rebuilds and their notifications; guards {@link #tree} changes. */
  private final Object publishLock = new Object();
  private volatile OpticalView opticalView;
  private volatile DeviceOptics optics = DeviceOptics.DARK;
  private volatile NavigableMap<DataPath, JsonNode> tree =
      Collections.unmodifiableNavigableMap(new TreeMap<>());

  /** A device whose datastore checks only the emulator's own schema subset and rules. */
  public EmulatedDevice(DeviceSpec spec) {
    this(spec, null);
  }

  /**
   * A device whose config is also validated against the project's YANG modules.
   *
   * @param yangSchema the shared YANG schema, or null for the emulator's checks only
   */
  public EmulatedDevice(DeviceSpec spec, YangSchema yangSchema) {
    this.spec = Objects.requireNonNull(spec);
    this.model = DeviceModel.forRole(spec.role());
    TreeDatastore leaves =
        new TreeDatastore(model.schema(), candidate -> model.validate(spec, candidate));
    this.store = yangSchema == null ? leaves : new YangValidatedDatastore(leaves, yangSchema);
    try {
      store.commit(List.of(new Edit.Update(DataPath.ROOT, model.initialConfig(spec))));
    } catch (ConfigException e) {
      throw new IllegalStateException("initial config of " + spec.name() + " invalid", e);
    }
    this.opticalView = model.opticalView(spec, store.config());
  }

  /** The YANG datastore's JSON_IETF content, or "" without YANG validation (diagnostics). */
  public String yangContent() {
    return store instanceof YangValidatedDatastore y ? y.yangContent() : "";
  }

  /** The device's name (its gNMI target). */
  public String name() {
    return spec.name();
  }

  /** The device's role. */
  public DeviceRole role() {
    return spec.role();
  }

  /** The device's topology entry. */
  public DeviceSpec spec() {
    return spec;
  }

  /** The schema of its data tree. */
  public DeviceSchema schema() {
    return model.schema();
  }

  /** Its model (for Capabilities). */
  public DeviceModel model() {
    return model;
  }

  /** Its injected faults. */
  public DeviceFaults faults() {
    return faults;
  }

  /** Committed config leaves. */
  public NavigableMap<DataPath, JsonNode> config() {
    return store.config();
  }

  /** The whole data tree, config and state, as of the last {@link #publish}. */
  public NavigableMap<DataPath, JsonNode> tree() {
    return tree;
  }

  /** What its config means to light. */
  public OpticalView opticalView() {
    return opticalView;
  }

  /** Its ports' optical state from the last {@link #publish}. */
  public DeviceOptics optics() {
    return optics;
  }

  /** Atomically applies {@code edits}; the caller publishes after updating optics. */
  public void commit(List<Edit> edits) throws ConfigException {
    synchronized (commitLock) {
      NavigableMap<DataPath, JsonNode> config = store.commit(edits);
      opticalView = model.opticalView(spec, config);
    }
  }

  /** Sets the device's optical state; visible in the tree after the next {@link #publish}. */
  public void setOptics(DeviceOptics newOptics) {
    this.optics = Objects.requireNonNull(newOptics);
  }

  /**
   * Rebuilds the data tree from the latest config and optics, and notifies listeners of changed
   * leaves, stamped with {@code clock} read under the publish lock (so stamps never go back).
   */
  public void publish(java.util.function.LongSupplier clock) {
    synchronized (publishLock) {
      publishLocked(clock);
    }
  }

  /**
   * Registers {@code listener} and returns the tree as of that moment: every later change is
   * delivered to the listener, none before.
   */
  public NavigableMap<DataPath, JsonNode> subscribe(TreeListener listener) {
    synchronized (publishLock) {
      listeners.add(listener);
      return tree;
    }
  }

  private void publishLocked(java.util.function.LongSupplier clock) {
    DeviceOptics optics = this.optics;
    NavigableMap<DataPath, JsonNode> config = store.config();
    TreeMap<DataPath, JsonNode> next = new TreeMap<>(config);
    for (Map.Entry<DataPath, JsonNode> e : config.entrySet()) {
      DataPath mirror = stateMirror(e.getKey());
      if (mirror != null) {
        next.put(mirror, e.getValue());
      }
    }
    next.putAll(model.operationalState(spec, config, optics));
    NavigableMap<DataPath, JsonNode> previous = tree;
    tree = Collections.unmodifiableNavigableMap(next);
    if (listeners.isEmpty()) {
      return;
    }
    Map<DataPath, JsonNode> updated = new HashMap<>();
    for (Map.Entry<DataPath, JsonNode> e : next.entrySet()) {
      if (!e.getValue().equals(previous.get(e.getKey()))) {
        updated.put(e.getKey(), e.getValue());
      }
    }
    Set<DataPath> deleted = new HashSet<>();
    for (DataPath p : previous.keySet()) {
      if (!next.containsKey(p)) {
        deleted.add(p);
      }
    }
    if (!updated.isEmpty() || !deleted.isEmpty()) {
      for (TreeListener l : listeners) {
        l.onChange(clock.getAsLong(), updated, deleted);
      }
    }
  }

  private DataPath stateMirror(DataPath configLeaf) {
    List<DataPath.Elem> elems = configLeaf.elems();
    for (int i = elems.size() - 2; i >= 0; i--) {
      if (elems.get(i).name().equals("config")) {
        List<DataPath.Elem> copy = new java.util.ArrayList<>(elems);
        copy.set(i, DataPath.Elem.of("state"));
        DataPath mirror = new DataPath(copy);
        return model.schema().leaf(mirror.template()).isPresent() ? mirror : null;
      }
    }
    return null;
  }

  /** Registers a change listener. */
  public void addListener(TreeListener listener) {
    listeners.add(listener);
  }

  /** Removes a change listener. */
  public void removeListener(TreeListener listener) {
    listeners.remove(listener);
  }

  /** Takes the management plane down (ending every subscription) or brings it back. */
  public void setDown(boolean down) {
    faults.setDown(down);
    if (down) {
      for (TreeListener l : listeners) {
        l.onDeviceDown();
      }
    }
  }

  /** Clears latency, failing Sets, malformed replies and down. */
  public void clearFaults() {
    faults.clearSoft();
    setDown(false);
  }
}
