package io.lightpath.southbound.emulator.optics;

import io.lightpath.southbound.emulator.device.FrequencyPlan;
import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The path of one transmitter's carrier through the lab, with everything the path depended on:
 * the fibers it crossed or stopped at, and the ROADM / OCS ports it entered (whose configuration
 * decided where it went next). {@link IncrementalOptics} retraces a carrier only when one of these
 * changes; {@link OpticsEngine} traces every carrier.
 *
 * @param from the transmitting transponder port
 * @param frequencyMhz carrier centre frequency, MHz
 * @param arrival the transponder port the carrier reaches, or null when it goes dark
 * @param fibers names of the fibers the trace crossed or stopped at (cut), in order
 * @param entered ROADM and OCS ports the carrier entered, in order
 * @param inputs OCS ports the carrier entered with its power there (mW), in order
 * @param outputs OCS ports the carrier left with its power there (mW), in order
 */
public record LightTrace(
    PortRef from,
    long frequencyMhz,
    OpticsEngine.Arrival arrival,
    List<String> fibers,
    List<PortRef> entered,
    List<PortPower> inputs,
    List<PortPower> outputs) {
  private static final int MAX_HOPS = 256;

  /**
   * Power of one carrier at one port.
   *
   * @param port the port
   * @param milliwatts linear power
   */
  public record PortPower(PortRef port, double milliwatts) {}

  /** Traces the carrier {@code tuning} launched at {@code from} (a transponder port). */
  public static LightTrace trace(
      LabTopology topology,
      Function<String, OpticalView> views,
      Set<String> cutFibers,
      PortRef from,
      OpticalView.Tuning tuning) {
    List<String> fibers = new ArrayList<>(8);
    List<PortRef> entered = new ArrayList<>(8);
    List<PortPower> inputs = new ArrayList<>(2);
    List<PortPower> outputs = new ArrayList<>(2);
    OpticsEngine.Arrival arrival = walk(
        topology, views, cutFibers, from, tuning, fibers, entered, inputs, outputs).orElse(null);
    return new LightTrace(from, tuning.frequencyMhz(), arrival, fibers, entered, inputs, outputs);
  }

  private static Optional<OpticsEngine.Arrival> walk(
      LabTopology topology,
      Function<String, OpticalView> views,
      Set<String> cutFibers,
      PortRef from,
      OpticalView.Tuning tuning,
      List<String> fibers,
      List<PortRef> entered,
      List<PortPower> inputs,
      List<PortPower> outputs) {
    double power = tuning.outputPowerDbm();
    double nsr = Math.pow(10, -LinkBudget.TRANSMITTER_OSNR_DB / 10);
    long half = FrequencyPlan.SIGNAL_WIDTH_MHZ / 2;
    long f = tuning.frequencyMhz();
    PortRef at = from;
    Set<PortRef> visited = new HashSet<>();
    visited.add(at);
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Optional<FiberSpec> fiber = topology.fiberAt(at);
      if (fiber.isEmpty()) {
        return Optional.empty();
      }
      fibers.add(fiber.get().name());
      if (cutFibers.contains(fiber.get().name())) {
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
        return Optional.of(new OpticsEngine.Arrival(arrived, power, nsr));
      } else if (view instanceof OpticalView.Ocs ocs) {
        entered.add(arrived);
        inputs.add(new PortPower(arrived, Math.pow(10, power / 10)));
        String peer = ocs.peer().get(arrived.port());
        if (peer == null) {
          return Optional.empty();
        }
        power -= LinkBudget.OCS_INSERTION_LOSS_DB;
        next = new PortRef(arrived.device(), peer);
        outputs.add(new PortPower(next, Math.pow(10, power / 10)));
      } else if (view instanceof OpticalView.Roadm roadm) {
        entered.add(arrived);
        OpticalView.MediaChannel pass = roadm.passing(arrived.port(), f - half, f + half);
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
}
