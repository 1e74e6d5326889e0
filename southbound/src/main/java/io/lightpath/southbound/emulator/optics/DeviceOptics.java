package io.lightpath.southbound.emulator.optics;

import java.util.Map;

/**
 * The optical state of one device's ports after a recomputation.
 *
 * @param receivers what each transponder port receives (transponders only)
 * @param inputPowerDbm total power entering each lit port, dBm (OCS ports only; absent = dark)
 * @param outputPowerDbm total power leaving each lit port, dBm (OCS ports only; absent = dark)
 */
public record DeviceOptics(
    Map<String, OpticalReading> receivers,
    Map<String, Double> inputPowerDbm,
    Map<String, Double> outputPowerDbm) {
  /** No light anywhere. */
  public static final DeviceOptics DARK = new DeviceOptics(Map.of(), Map.of(), Map.of());

  public DeviceOptics {
    receivers = Map.copyOf(receivers);
    inputPowerDbm = Map.copyOf(inputPowerDbm);
    outputPowerDbm = Map.copyOf(outputPowerDbm);
  }
}
