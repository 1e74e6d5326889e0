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
import io.lightpath.southbound.emulator.store.JsonTree;
import io.lightpath.southbound.emulator.store.SemanticValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One emulated device: its datastore, its derived state, its faults and its change listeners.
 * Config changes go through {@link #commit}; the owning lab then feeds optics back with {@link
 * #setOptics} and {@link #publish}, which brings the data tree up to date and notifies listeners
 * of the difference.
 *
 * <p>One lock per device orders commits, tree updates and notifications. The tree is updated in
 * place (readers iterate it without locking and see each leaf's latest value), and only where
 * something changed: the subtrees of the edits committed since the last publish (config leaves,
 * their state mirrors and, for models whose state follows list entries, that state), plus the
 * optics-derived state, which is small (bounded by the device's ports).
 */
public final class EmulatedDevice {
  /** Above this many pending edit paths a publish rebuilds the whole tree instead. */
  private static final int MAX_SCOPES = 64;
  private final DeviceSpec spec;
  private final DeviceModel model;
  private final DeviceDatastore store;
  private final DeviceFaults faults = new DeviceFaults();
  private final AtomicLong setsAnswered = new AtomicLong();
  private final AtomicLong getsAnswered = new AtomicLong();
  private final List<TreeListener> listeners = new CopyOnWriteArrayList<>();
  /** Orders commits, tree updates and notifications of this device. */
  private final Object lock = new Object();
  private volatile OpticalView opticalView;
  private volatile DeviceOptics optics = DeviceOptics.DARK;
  private final ConcurrentSkipListMap<DataPath, JsonNode> tree = new ConcurrentSkipListMap<>();
  private final NavigableMap<DataPath, JsonNode> treeView = Collections.unmodifiableNavigableMap(tree);
  /** Paths edited since the last publish; guarded by {@link #lock}. */
  private final List<DataPath> pendingScopes = new ArrayList<>();
  /** True when the next publish must rebuild the whole tree; guarded by {@link #lock}. */
  private boolean rebuildAll = true;
  /** Optics-derived state leaves as of the last publish; guarded by {@link #lock}. */
  private Map<DataPath, JsonNode> lastState = Map.of();

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
    TreeDatastore leaves = new TreeDatastore(model.schema(), new SemanticValidator() {
      @Override
      public void validate(NavigableMap<DataPath, JsonNode> candidate) throws ConfigException {
        model.validate(spec, candidate);
      }

      @Override
      public void validate(NavigableMap<DataPath, JsonNode> candidate, List<DataPath> edited)
          throws ConfigException {
        // Runs inside commit, under the device lock: opticalView is the committed config's.
        OpticalView committed = opticalView;
        if (committed == null) {
          model.validate(spec, candidate);
        } else {
          model.validate(spec, candidate, edited, committed);
        }
      }
    });
    this.store = yangSchema == null ? leaves : new YangValidatedDatastore(leaves, yangSchema);
    try {
      store.commit(List.of(new Edit.Update(DataPath.ROOT, model.initialConfig(spec))));
    } catch (ConfigException e) {
      throw new IllegalStateException("initial config of " + spec.name() + " invalid", e);
    }
    synchronized (lock) {
      this.opticalView = model.opticalView(spec, store.live());
    }
  }

  /** The YANG datastore's JSON_IETF content, or "" without YANG validation (diagnostics). */
  public String yangContent() {
    synchronized (lock) {
      return store instanceof YangValidatedDatastore y ? y.yangContent() : "";
    }
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

  /** How many Sets its gNMI target has answered with success (tests and diagnostics). */
  public long setsAnswered() {
    return setsAnswered.get();
  }

  /** Counts one Set answered with success. */
  public void countSetAnswered() {
    setsAnswered.incrementAndGet();
  }

  /** How many Gets its gNMI target has answered, with data or NOT_FOUND (tests and diagnostics). */
  public long getsAnswered() {
    return getsAnswered.get();
  }

  /** Counts one Get answered. */
  public void countGetAnswered() {
    getsAnswered.incrementAndGet();
  }

  /** A snapshot of the committed config leaves (a copy: diagnostics and tests). */
  public NavigableMap<DataPath, JsonNode> config() {
    synchronized (lock) {
      return store.config();
    }
  }

  /**
   * The whole data tree, config and state, as of the last {@link #publish}: a live read-only
   * view, updated in place, that readers may iterate at any time.
   */
  public NavigableMap<DataPath, JsonNode> tree() {
    return treeView;
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
    synchronized (lock) {
      store.commit(edits);
      List<DataPath> edited = edits.stream().map(Edit::path).toList();
      opticalView = model.opticalView(spec, store.live(), edited, opticalView);
      pendingScopes.addAll(edited);
    }
  }

  /** Sets the device's optical state; visible in the tree after the next {@link #publish}. */
  public void setOptics(DeviceOptics newOptics) {
    this.optics = Objects.requireNonNull(newOptics);
  }

  /**
   * Brings the data tree up to date with the latest config and optics, and notifies listeners of
   * changed leaves, stamped with {@code clock} read under the device lock (so stamps never go
   * back).
   */
  public void publish(LongSupplier clock) {
    synchronized (lock) {
      Map<DataPath, JsonNode> updated = new HashMap<>();
      Set<DataPath> deleted = new HashSet<>();
      if (rebuildAll || pendingScopes.size() > MAX_SCOPES) {
        rebuild(updated, deleted, opticalView);
      } else {
        DataPath previous = null;
        for (DataPath edited : pendingScopes) {
          DataPath scope = entryOf(edited);
          // Several leaves of one entry (a transponder Set edits three of its component) give
          // the same scope in a row: refreshing it again would find exactly the same changes.
          if (!scope.equals(previous)) {
            refreshConfig(scope, updated, deleted);
            previous = scope;
          }
        }
        refreshState(updated, deleted);
      }
      rebuildAll = false;
      pendingScopes.clear();
      updated.forEach(tree::put);
      deleted.forEach(tree::remove);
      if (!listeners.isEmpty() && (!updated.isEmpty() || !deleted.isEmpty())) {
        long now = clock.getAsLong();
        for (TreeListener l : listeners) {
          l.onChange(now, updated, deleted);
        }
      }
    }
  }

  /**
   * Recomputes the whole tree and records its difference from the current one; {@code view} is
   * the optical view of the current config.
   */
  private void rebuild(Map<DataPath, JsonNode> updated, Set<DataPath> deleted, OpticalView view) {
    NavigableMap<DataPath, JsonNode> config = store.live();
    TreeMap<DataPath, JsonNode> next = new TreeMap<>(config);
    for (Map.Entry<DataPath, JsonNode> e : config.entrySet()) {
      DataPath mirror = stateMirror(e.getKey());
      if (mirror != null) {
        next.put(mirror, e.getValue());
      }
    }
    lastState = model.operationalState(spec, config, view, optics);
    next.putAll(lastState);
    for (Map.Entry<DataPath, JsonNode> e : next.entrySet()) {
      if (!e.getValue().equals(tree.get(e.getKey()))) {
        updated.put(e.getKey(), e.getValue());
      }
    }
    for (DataPath p : tree.keySet()) {
      if (!next.containsKey(p)) {
        deleted.add(p);
      }
    }
  }

  /**
   * The tree recomputed from scratch from the current config and optics, without touching the
   * published one (verification: it must equal {@link #tree()} after every publish).
   */
  public NavigableMap<DataPath, JsonNode> recomputedTree() {
    synchronized (lock) {
      Map<DataPath, JsonNode> updated = new HashMap<>();
      Set<DataPath> deleted = new HashSet<>();
      Map<DataPath, JsonNode> keep = lastState;
      rebuild(updated, deleted, model.opticalView(spec, store.live()));
      lastState = keep;
      TreeMap<DataPath, JsonNode> out = new TreeMap<>(tree);
      out.putAll(updated);
      deleted.forEach(out::remove);
      return out;
    }
  }

  /**
   * The subtree whose tree content an edit at {@code path} can change: the innermost list entry
   * holding it (config leaves and their state mirrors share it), or the path itself above lists.
   */
  private static DataPath entryOf(DataPath path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (!path.elems().get(i).keys().isEmpty()) {
        return path.prefix(i + 1);
      }
    }
    return path;
  }

  /**
   * Records the changes of config leaves, their mirrors and (for models whose state follows list
   * entries) that state, under {@code scope}.
   */
  private void refreshConfig(DataPath scope, Map<DataPath, JsonNode> updated, Set<DataPath> deleted) {
    DeviceSchema schema = model.schema();
    TreeMap<DataPath, JsonNode> want = new TreeMap<>();
    for (Map.Entry<DataPath, JsonNode> e : JsonTree.subtree(schema, store.live(), scope)) {
      want.put(e.getKey(), e.getValue());
      DataPath mirror = stateMirror(e.getKey());
      if (mirror != null) {
        want.put(mirror, e.getValue());
      }
    }
    boolean local = model.stateFollowsListEntries();
    if (local) {
      TreeMap<DataPath, JsonNode> configUnder = new TreeMap<>();
      for (Map.Entry<DataPath, JsonNode> e : JsonTree.subtree(schema, store.live(), scope)) {
        configUnder.put(e.getKey(), e.getValue());
      }
      model.operationalState(spec, configUnder, optics).forEach((p, v) -> {
        if (p.isUnder(scope)) {
          want.put(p, v);
        }
      });
    }
    for (Map.Entry<DataPath, JsonNode> e : JsonTree.subtree(schema, tree, scope)) {
      DataPath p = e.getKey();
      // Optics-derived state under the scope is refreshState's business.
      if ((local || schema.isConfigOrMirror(p.template())) && !want.containsKey(p)) {
        deleted.add(p);
        updated.remove(p);
      }
    }
    want.forEach((p, v) -> {
      if (!v.equals(tree.get(p))) {
        updated.put(p, v);
        deleted.remove(p);
      }
    });
  }

  /** Records the changes of the optics-derived state (models whose state is not per entry). */
  private void refreshState(Map<DataPath, JsonNode> updated, Set<DataPath> deleted) {
    if (model.stateFollowsListEntries()) {
      return;
    }
    Map<DataPath, JsonNode> state = model.operationalState(spec, store.live(), opticalView, optics);
    Map<DataPath, JsonNode> published = lastState;
    DeviceSchema schema = model.schema();
    for (DataPath p : published.keySet()) {
      if (!state.containsKey(p)) {
        deleted.add(p);
        updated.remove(p);
      }
    }
    state.forEach((p, v) -> {
      // The tree holds the last published state at p unless refreshConfig also writes p (a
      // config leaf or mirror): then only the tree knows. The state map is a hash lookup; the
      // tree a sorted one.
      JsonNode now = schema.isConfigOrMirror(p.template()) ? tree.get(p) : published.get(p);
      if (!v.equals(now)) {
        updated.put(p, v);
        deleted.remove(p);
      }
    });
    lastState = state;
  }

  /**
   * Registers {@code listener} and hands {@code snapshot} the tree as of that moment, under the
   * device lock: every later change is delivered to the listener, none before.
   */
  public void subscribe(TreeListener listener, Consumer<NavigableMap<DataPath, JsonNode>> snapshot) {
    synchronized (lock) {
      listeners.add(listener);
      snapshot.accept(treeView);
    }
  }

  private DataPath stateMirror(DataPath configLeaf) {
    String mirror = model.schema().mirror(configLeaf.template());
    if (mirror == null) {
      return null;
    }
    List<DataPath.Elem> elems = configLeaf.elems();
    for (int i = elems.size() - 2; i >= 0; i--) {
      if (elems.get(i).name().equals("config")) {
        List<DataPath.Elem> copy = new ArrayList<>(elems);
        copy.set(i, STATE);
        return new DataPath(copy);
      }
    }
    return null;
  }

  private static final DataPath.Elem STATE = DataPath.Elem.of("state");

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
