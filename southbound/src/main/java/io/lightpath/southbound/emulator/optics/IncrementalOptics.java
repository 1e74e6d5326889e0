package io.lightpath.southbound.emulator.optics;

import io.lightpath.southbound.emulator.device.FrequencyPlan;
import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The lab's optics kept up to date change by change: the same result as {@link
 * OpticsEngine#compute} over the current views and cuts, but a configuration change or a fiber
 * cut retraces only the carriers whose path depended on what changed, and rebuilds the optical
 * state only of the devices those carriers reach.
 *
 * <p>Each carrier's {@link LightTrace} records the fibers it crossed and the ROADM / OCS ports it
 * entered; two indexes map a fiber and an entered port back to the carriers. A change then selects
 * carriers precisely: a retuned transponder port retraces its own carrier; an OCS cross-connect
 * change retraces carriers entering the ports whose peer changed; a ROADM media-channel change
 * retraces carriers entering that channel's source port at a frequency the channel's passband
 * (old or new) covers; a cut or repair retraces carriers that crossed or stopped at that fiber.
 * Receivers and OCS port powers are recombined from per-carrier contributions in transmitter
 * (topology) order, so sums and "first transmitter wins" match the full computation bit for bit.
 *
 * <p>Not thread-safe: the owner serialises calls (the lab holds its optics lock, for
 * microseconds per change).
 */
public final class IncrementalOptics {
  private final LabTopology topology;
  private final Map<String, OpticalView> views = new HashMap<>();
  private final Set<String> cutFibers = new HashSet<>();
  /** Order in which {@link OpticsEngine#compute} traces transmitters: topology, then port order. */
  private final Map<PortRef, Integer> txOrder = new HashMap<>();
  private final Map<PortRef, LightTrace> traces = new HashMap<>();
  private final Map<PortRef, Set<PortRef>> carriersEntering = new HashMap<>();
  private final Map<String, Set<PortRef>> carriersOnFiber = new HashMap<>();
  private final Map<PortRef, TreeMap<Integer, LightTrace>> arrivals = new HashMap<>();
  private final Map<PortRef, TreeMap<Integer, Double>> inputMw = new HashMap<>();
  private final Map<PortRef, TreeMap<Integer, Double>> outputMw = new HashMap<>();
  private final Map<String, DeviceOptics> optics = new HashMap<>();

  /** Traces every carrier once. */
  public IncrementalOptics(LabTopology topology, Function<String, OpticalView> initialViews) {
    this.topology = topology;
    for (DeviceSpec d : topology.devices()) {
      OpticalView v = initialViews.apply(d.name());
      views.put(d.name(), v);
      if (v instanceof OpticalView.Transponder) {
        for (String port : d.ports()) {
          txOrder.put(new PortRef(d.name(), port), txOrder.size());
        }
      }
    }
    Set<String> all = new LinkedHashSet<>();
    retrace(txOrder.keySet(), all);
    for (DeviceSpec d : topology.devices()) {
      all.add(d.name());
    }
    rebuild(all);
  }

  /** The current optical state of {@code device}. */
  public DeviceOptics optics(String device) {
    return optics.getOrDefault(device, DeviceOptics.DARK);
  }

  /** The current optical state of every device that has any. */
  public Map<String, DeviceOptics> all() {
    return Map.copyOf(optics);
  }

  /** Number of carriers currently traced (transmitting ports). */
  public int carriers() {
    return traces.size();
  }

  /**
   * Installs {@code device}'s new view and updates the optics it affects.
   *
   * @return the devices whose optical state changed, with their new state
   */
  public Map<String, DeviceOptics> update(String device, OpticalView view) {
    OpticalView old = views.put(device, Objects.requireNonNull(view));
    Set<PortRef> retrace = new LinkedHashSet<>();
    Set<String> dirty = new LinkedHashSet<>();
    DeviceSpec spec = topology.device(device).orElseThrow();
    if (old instanceof OpticalView.Transponder o && view instanceof OpticalView.Transponder n) {
      for (String port : spec.ports()) {
        if (!Objects.equals(o.tuning().get(port), n.tuning().get(port))) {
          retrace.add(new PortRef(device, port));
        }
      }
      dirty.add(device); // a retuned receiver may now detect (or lose) an arriving carrier
    } else if (old instanceof OpticalView.Ocs o && view instanceof OpticalView.Ocs n) {
      for (String port : spec.ports()) {
        if (!Objects.equals(o.peer().get(port), n.peer().get(port))) {
          retrace.addAll(carriersEntering.getOrDefault(new PortRef(device, port), Set.of()));
        }
      }
    } else if (old instanceof OpticalView.Roadm o && view instanceof OpticalView.Roadm n) {
      // Removed, added and changed channels (both versions): the views share the rest.
      List<OpticalView.MediaChannel> changed = new ArrayList<>();
      for (OpticalView.MediaChannel mc : n.changedSince(o)) {
        if (mc.enabled()) {
          changed.add(mc);
        }
      }
      long half = FrequencyPlan.SIGNAL_WIDTH_MHZ / 2;
      for (OpticalView.MediaChannel mc : changed) {
        for (PortRef tx : carriersEntering.getOrDefault(
            new PortRef(device, mc.sourcePort()), Set.of())) {
          long f = traces.get(tx).frequencyMhz();
          if (mc.lowerFrequencyMhz() <= f - half && mc.upperFrequencyMhz() >= f + half) {
            retrace.add(tx);
          }
        }
      }
    } else {
      // A device changing kind: anything that entered it may go elsewhere now.
      for (String port : spec.ports()) {
        retrace.addAll(carriersEntering.getOrDefault(new PortRef(device, port), Set.of()));
      }
      dirty.add(device);
    }
    retrace(retrace, dirty);
    return rebuild(dirty);
  }

  /** Cuts ({@code cut}) or repairs a fiber and updates the optics it affects. */
  public Map<String, DeviceOptics> setCut(String fiber, boolean cut) {
    boolean changed = cut ? cutFibers.add(fiber) : cutFibers.remove(fiber);
    if (!changed) {
      return Map.of();
    }
    Set<String> dirty = new LinkedHashSet<>();
    retrace(new ArrayList<>(carriersOnFiber.getOrDefault(fiber, Set.of())), dirty);
    return rebuild(dirty);
  }

  private void retrace(Iterable<PortRef> transmitters, Set<String> dirty) {
    List<PortRef> todo = new ArrayList<>();
    for (PortRef tx : transmitters) {
      todo.add(tx);
    }
    for (PortRef tx : todo) {
      LightTrace old = traces.remove(tx);
      if (old != null) {
        apply(old, false, dirty);
      }
    }
    for (PortRef tx : todo) {
      if (views.get(tx.device()) instanceof OpticalView.Transponder t) {
        OpticalView.Tuning tuning = t.tuning().get(tx.port());
        if (tuning != null) {
          LightTrace trace = LightTrace.trace(topology, views::get, cutFibers, tx, tuning);
          traces.put(tx, trace);
          apply(trace, true, dirty);
        }
      }
    }
  }

  /** Adds or removes one carrier's contributions and index entries. */
  private void apply(LightTrace trace, boolean add, Set<String> dirty) {
    PortRef tx = trace.from();
    int order = txOrder.get(tx);
    for (String fiber : trace.fibers()) {
      index(carriersOnFiber, fiber, tx, add);
    }
    for (PortRef port : trace.entered()) {
      index(carriersEntering, port, tx, add);
    }
    for (LightTrace.PortPower p : trace.inputs()) {
      contribute(inputMw, p, order, add);
      dirty.add(p.port().device());
    }
    for (LightTrace.PortPower p : trace.outputs()) {
      contribute(outputMw, p, order, add);
      dirty.add(p.port().device());
    }
    if (trace.arrival() != null) {
      PortRef rx = trace.arrival().port();
      if (add) {
        arrivals.computeIfAbsent(rx, k -> new TreeMap<>()).put(order, trace);
      } else {
        TreeMap<Integer, LightTrace> at = arrivals.get(rx);
        at.remove(order);
        if (at.isEmpty()) {
          arrivals.remove(rx);
        }
      }
      dirty.add(rx.device());
    }
  }

  private static <K> void index(Map<K, Set<PortRef>> index, K key, PortRef tx, boolean add) {
    if (add) {
      index.computeIfAbsent(key, k -> new HashSet<>()).add(tx);
    } else {
      Set<PortRef> s = index.get(key);
      if (s != null) {
        s.remove(tx);
        if (s.isEmpty()) {
          index.remove(key);
        }
      }
    }
  }

  private static void contribute(
      Map<PortRef, TreeMap<Integer, Double>> byPort, LightTrace.PortPower p, int order, boolean add) {
    if (add) {
      byPort.computeIfAbsent(p.port(), k -> new TreeMap<>()).put(order, p.milliwatts());
    } else {
      TreeMap<Integer, Double> m = byPort.get(p.port());
      m.remove(order);
      if (m.isEmpty()) {
        byPort.remove(p.port());
      }
    }
  }

  /** Recomputes the optical state of {@code devices}; returns those that changed. */
  private Map<String, DeviceOptics> rebuild(Set<String> devices) {
    Map<String, DeviceOptics> changed = new LinkedHashMap<>();
    for (String name : devices) {
      DeviceSpec spec = topology.device(name).orElseThrow();
      OpticalView view = views.get(name);
      Map<String, OpticalReading> rx = new HashMap<>();
      Map<String, Double> in = new HashMap<>();
      Map<String, Double> out = new HashMap<>();
      for (String port : spec.ports()) {
        PortRef ref = new PortRef(name, port);
        if (view instanceof OpticalView.Transponder t) {
          rx.put(port, receive(t.tuning().get(port), arrivals.get(ref)));
        }
        sum(inputMw.get(ref), port, in);
        sum(outputMw.get(ref), port, out);
      }
      DeviceOptics next = new DeviceOptics(rx, in, out);
      if (!next.equals(optics(name))) {
        changed.put(name, next);
      }
      if (next.equals(DeviceOptics.DARK)) {
        optics.remove(name);
      } else {
        optics.put(name, next);
      }
    }
    return changed;
  }

  private static OpticalReading receive(
      OpticalView.Tuning tuning, TreeMap<Integer, LightTrace> arriving) {
    if (arriving != null) {
      for (LightTrace trace : arriving.values()) {
        if (OpticsEngine.receives(tuning, trace)) {
          return OpticsEngine.reading(trace);
        }
      }
    }
    return OpticalReading.DARK;
  }

  /** Sums contributions in transmitter order, as the full computation adds them. */
  private static void sum(TreeMap<Integer, Double> mw, String port, Map<String, Double> out) {
    if (mw == null) {
      return;
    }
    double total = 0;
    boolean first = true;
    for (double v : mw.values()) {
      total = first ? v : total + v;
      first = false;
    }
    out.put(port, OpticsEngine.dbm(total));
  }
}
