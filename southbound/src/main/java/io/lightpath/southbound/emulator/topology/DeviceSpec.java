package io.lightpath.southbound.emulator.topology;

import java.util.List;
import java.util.Objects;

/**
 * One emulated device of a lab.
 *
 * @param name unique device name, also its gNMI target name
 * @param role what the device is
 * @param site free-text site name (documentation only; may be empty)
 * @param ports port names, unique within the device
 * @param launchPowerDbm per-channel output power of a ROADM's amplifiers in dBm (ignored for
 *     other roles)
 * @param noiseFigureDb noise figure of a ROADM's amplifiers in dB (ignored for other roles)
 */
public record DeviceSpec(
    String name,
    DeviceRole role,
    String site,
    List<String> ports,
    double launchPowerDbm,
    double noiseFigureDb) {
  /** Default ROADM per-channel launch power, dBm. */
  public static final double DEFAULT_LAUNCH_POWER_DBM = 0.0;
  /** Default ROADM amplifier noise figure, dB. */
  public static final double DEFAULT_NOISE_FIGURE_DB = 5.5;

  public DeviceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    site = site == null ? "" : site;
    ports = List.copyOf(ports);
  }

  /** A device with default amplifier parameters. */
  public static DeviceSpec of(String name, DeviceRole role, String site, List<String> ports) {
    return new DeviceSpec(
        name, role, site, ports, DEFAULT_LAUNCH_POWER_DBM, DEFAULT_NOISE_FIGURE_DB);
  }
}
