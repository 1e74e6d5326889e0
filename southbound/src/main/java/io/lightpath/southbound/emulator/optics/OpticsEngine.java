package io.lightpath.southbound.emulator.optics;

import io.lightpath.southbound.emulator.device.FrequencyPlan;
import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Traces every transmitting transponder port's carrier through fibers, OCS cross-connects and
 * ROADM media channels, and reports what each transponder port receives. Pure function of the
 * topology, the cut fibers and the devices' optical views; no I/O, no clock.
 *
 * <p>Rules: a fiber passes light both ways unless cut, losing its {@code lossDb}. An OCS passes
 * light between the two ports of a cross-connect, losing {@link LinkBudget#OCS_INSERTION_LOSS_DB}.
 * A ROADM passes light entering a media channel's source port out of its dest port when the
 * channel is enabled and its passband covers centre ± {@link FrequencyPlan#SIGNAL_WIDTH_MHZ}/2;
 * its amplifier adds noise for the arriving power and relaunches at the device's launch power. A
 * transponder port receives a carrier when the light reaching it is at its tuned frequency and
 * above {@link LinkBudget#MIN_DETECTABLE_DBM}. When two carriers reach one receiver, the first
 * transmitter in topology order wins (interference is not modelled).
 */
public final class OpticsEngine {
  private static final int MAX_HOPS = 256;

  private OpticsEngine() {}

  /**
   * Computes received state for every transponder port of the topology.
   *
   * @param views each device's optical view by device name
   * @param cutFibers names of fibers currently cut
   * @return optics per device name (devices without light may be absent)
   */
  public static Map<String, DeviceOptics> compute(
      LabTopology topology, Function<String, OpticalView> views, Set<String> cutFibers) {
    Map<PortRef, OpticalReading> result = new HashMap<>();
    Map<PortRef, Double> inMw = new HashMap<>();
    Map<PortRef, Double> outMw = new HashMap<>();
    for (DeviceSpec d : topology.devices()) {
      if (views.apply(d.name()) instanceof OpticalView.Transponder) {
        for (String port : d.ports()) {
          result.put(new PortRef(d.name(), port), OpticalReading.DARK);
        }
      }
    }
    for (DeviceSpec d : topology.devices()) {
      if (views.apply(d.name()) instanceof OpticalView.Transponder t) {
        for (String port : d.ports()) {
          OpticalView.Tuning tuning = t.tuning().get(port);
          if (tuning == null) {
            continue;
          }
          PortRef from = new PortRef(d.name(), port);
          trace(topology, views, cutFibers, from, tuning, inMw, outMw).ifPresent(arrival -> {
            OpticalView rx = views.apply(arrival.port().device());
            if (rx instanceof OpticalView.Transponder receiver) {
              OpticalView.Tuning rxTuning = receiver.tuning().get(arrival.port().port());
              OpticalReading previous = result.get(arrival.port());
              if (rxTuning != null
                  && rxTuning.frequencyMhz() == tuning.frequencyMhz()
                  && arrival.powerDbm() >= LinkBudget.MIN_DETECTABLE_DBM
                  && (previous == null || !previous.carrierPresent())) {
                double osnr = LinkBudget.osnrDb(arrival.noiseToSignal());
                result.put(
                    arrival.port(),
                    new OpticalReading(
                        true,
                        round2(arrival.powerDbm()),
                        round2(osnr),
                        LinkBudget.preFecBer(osnr),
                        from.toString()));
              }
            }
          });
        }
      }
    }
    Map<String, Map<String, OpticalReading>> rx = new HashMap<>();
    result.forEach((p, r) -> rx.computeIfAbsent(p.device(), k -> new HashMap<>()).put(p.port(), r));
    Map<String, Map<String, Double>> in = toDbm(inMw);
    Map<String, Map<String, Double>> out = toDbm(outMw);
    Map<String, DeviceOptics> optics = new HashMap<>();
    Set<String> names = new HashSet<>(rx.keySet());
    names.addAll(in.keySet());
    names.addAll(out.keySet());
    for (String name : names) {
      optics.put(name, new DeviceOptics(rx.getOrDefault(name, Map.of()),
          in.getOrDefault(name, Map.of()), out.getOrDefault(name, Map.of())));
    }
    return optics;
  }

  private static Map<String, Map<String, Double>> toDbm(Map<PortRef, Double> mw) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    mw.forEach((p, v) -> out.computeIfAbsent(p.device(), k -> new HashMap<>())
        .put(p.port(), round2(10 * Math.log10(v))));
    return out;
  }

  private static void addPower(Map<PortRef, Double> mw, PortRef port, double dbm) {
    mw.merge(port, Math.pow(10, dbm / 10), Double::sum);
  }

  /**
   * Where a carrier ends up.
   *
   * @param port the transponder port it reaches
   * @param powerDbm power arriving there
   * @param noiseToSignal accumulated linear noise-to-signal ratio (1/OSNR)
   */
  record Arrival(PortRef port, double powerDbm, double noiseToSignal) {}

  private static Optional<Arrival> trace(
      LabTopology topology,
      Function<String, OpticalView> views,
      Set<String> cutFibers,
      PortRef from,
      OpticalView.Tuning tuning,
      Map<PortRef, Double> inMw,
      Map<PortRef, Double> outMw) {
    double power = tuning.outputPowerDbm();
    double nsr = Math.pow(10, -LinkBudget.TRANSMITTER_OSNR_DB / 10);
    long half = FrequencyPlan.SIGNAL_WIDTH_MHZ / 2;
    long f = tuning.frequencyMhz();
    PortRef at = from;
    Set<PortRef> visited = new HashSet<>();
    visited.add(at);
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Optional<FiberSpec> fiber = topology.fiberAt(at);
      if (fiber.isEmpty() || cutFibers.contains(fiber.get().name())) {
        return Optional.empty();
      }
      power -= fiber.get().lossDb();
      PortRef arrived = fiber.get().otherEnd(at);
      if (power < LinkBudget.MIN_DETECTABLE_DBM) {
        return Optional.empty();
      }
      OpticalView view = views.apply(arrived.device());
      PortRef next;
      if (view instanceof OpticalView.Transponder) {
        return Optional.of(new Arrival(arrived, power, nsr));
      } else if (view instanceof OpticalView.Ocs ocs) {
        addPower(inMw, arrived, power);
        String peer = ocs.peer().get(arrived.port());
        if (peer == null) {
          return Optional.empty();
        }
        power -= LinkBudget.OCS_INSERTION_LOSS_DB;
        next = new PortRef(arrived.device(), peer);
        addPower(outMw, next, power);
      } else if (view instanceof OpticalView.Roadm roadm) {
        OpticalView.MediaChannel pass = null;
        for (OpticalView.MediaChannel mc : roadm.channels()) {
          if (mc.enabled()
              && mc.sourcePort().equals(arrived.port())
              && mc.lowerFrequencyMhz() <= f - half
              && mc.upperFrequencyMhz() >= f + half) {
            pass = mc;
            break;
          }
        }
        if (pass == null) {
          return Optional.empty();
        }
        DeviceSpec spec = topology.device(arrived.device()).orElseThrow();
        nsr += LinkBudget.amplifierNoiseToSignal(power, spec.noiseFigureDb());
        power = spec.launchPowerDbm();
        next = new PortRef(arrived.device(), pass.destPort());
      } else {
        return Optional.empty();
      }
      if (!visited.add(next)) {
        return Optional.empty();
      }
      at = next;
    }
    return Optional.empty();
  }

  private static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
