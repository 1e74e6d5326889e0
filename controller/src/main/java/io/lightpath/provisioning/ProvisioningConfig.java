package io.lightpath.provisioning;

import io.lightpath.model.TransceiverMode;
import io.lightpath.spectrum.SpectrumGrid;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Tunables of {@link DeviceProvisioner}.
 *
 * @param verifyDeadline how long to wait for the carrier at both ends after the transponders are
 *     configured
 * @param pollInterval interval between two reads of the transponders' state while verifying
 * @param targetOutputPowerDbm launch power asked of transponders, in dBm; clamped to the mode's
 *     minimum and maximum transmit power
 * @param operationalModeCodes catalog mode id to the vendor's numeric operational-mode code
 *     (openconfig-terminal-device {@code operational-mode}, uint16); modes not in the map get
 *     {@code defaultOperationalMode}
 * @param defaultOperationalMode code for modes missing from the map, 0..65535
 * @param grid spectrum grid the channels' slots are on (to turn slots into frequency edges)
 */
public record ProvisioningConfig(
    Duration verifyDeadline,
    Duration pollInterval,
    double targetOutputPowerDbm,
    Map<String, Integer> operationalModeCodes,
    int defaultOperationalMode,
    SpectrumGrid grid) {

  public ProvisioningConfig {
    Objects.requireNonNull(verifyDeadline, "verifyDeadline");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(grid, "grid");
    if (verifyDeadline.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("verifyDeadline must be >= 0 and pollInterval > 0");
    }
    if (!Double.isFinite(targetOutputPowerDbm)) {
      throw new IllegalArgumentException("targetOutputPowerDbm must be finite");
    }
    operationalModeCodes = Map.copyOf(operationalModeCodes);
    if (defaultOperationalMode < 0 || defaultOperationalMode > 0xFFFF) {
      throw new IllegalArgumentException("defaultOperationalMode must be in 0..65535");
    }
  }

  /** 30 s to see the carrier, polled every 500 ms, 0 dBm launch, C band, mode code 1. */
  public static ProvisioningConfig defaults() {
    return new ProvisioningConfig(
        Duration.ofSeconds(30), Duration.ofMillis(500), 0.0, Map.of(), 1, SpectrumGrid.C_BAND);
  }

  public ProvisioningConfig withVerification(Duration deadline, Duration interval) {
    return new ProvisioningConfig(
        deadline, interval, targetOutputPowerDbm, operationalModeCodes, defaultOperationalMode, grid);
  }

  /** Launch power for {@code mode}, in dBm. */
  double launchPowerDbm(TransceiverMode mode) {
    return Math.max(mode.minTxPowerDbm(), Math.min(mode.maxTxPowerDbm(), targetOutputPowerDbm));
  }

  /** Numeric operational-mode code for {@code mode}. */
  int operationalMode(TransceiverMode mode) {
    return operationalModeCodes.getOrDefault(mode.id(), defaultOperationalMode);
  }
}
