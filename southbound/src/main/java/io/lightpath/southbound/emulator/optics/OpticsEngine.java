package io.lightpath.southbound.emulator.optics;

import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
          LightTrace trace = LightTrace.trace(topology, views, cutFibers, from, tuning);
          for (LightTrace.PortPower p : trace.inputs()) {
            inMw.merge(p.port(), p.milliwatts(), Double::sum);
          }
          for (LightTrace.PortPower p : trace.outputs()) {
            outMw.merge(p.port(), p.milliwatts(), Double::sum);
          }
          Arrival arrival = trace.arrival();
          if (arrival != null) {
            OpticalView rx = views.apply(arrival.port().device());
            if (rx instanceof OpticalView.Transponder receiver) {
              OpticalReading previous = result.get(arrival.port());
              if (receives(receiver.tuning().get(arrival.port().port()), trace)
                  && (previous == null || !previous.carrierPresent())) {
                result.put(arrival.port(), reading(trace));
              }
            }
          }
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
        .put(p.port(), dbm(v)));
    return out;
  }

  /**
   * Where a carrier ends up.
   *
   * @param port the transponder port it reaches
   * @param powerDbm power arriving there
   * @param noiseToSignal accumulated linear noise-to-signal ratio (1/OSNR)
   */
  public record Arrival(PortRef port, double powerDbm, double noiseToSignal) {}

  /** True when a receiver tuned to {@code rxTuning} detects the carrier of {@code trace}. */
  static boolean receives(OpticalView.Tuning rxTuning, LightTrace trace) {
    return rxTuning != null
        && trace.arrival() != null
        && rxTuning.frequencyMhz() == trace.frequencyMhz()
        && trace.arrival().powerDbm() >= LinkBudget.MIN_DETECTABLE_DBM;
  }

  /** What a receiver reads for the carrier of {@code trace}. */
  static OpticalReading reading(LightTrace trace) {
    Arrival arrival = trace.arrival();
    double osnr = LinkBudget.osnrDb(arrival.noiseToSignal());
    return new OpticalReading(
        true,
        round2(arrival.powerDbm()),
        round2(osnr),
        LinkBudget.preFecBer(osnr),
        trace.from().toString());
  }

  /** Total power in dBm, rounded as reported, of a summed linear power. */
  static double dbm(double milliwatts) {
    return round2(10 * Math.log10(milliwatts));
  }

  private static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
