package io.lightpath.southbound.spi;

import java.util.Objects;

/**
 * Desired configuration of a transponder's line-side optical channel.
 *
 * @param componentName name of the optical-channel component on the device (e.g. "och-1/1")
 * @param frequencyMhz centre frequency in MHz (e.g. 193_100_000 for 193.1 THz); positive
 * @param targetOutputPowerDbm target launch power in dBm, carried with two fraction digits
 * @param operationalMode vendor operational-mode identifier; it implies modulation, baud rate and so the
 *     occupied spectral width; 0..65535
 * @param adminEnabled {@code true} to enable the transmitter, {@code false} to disable it
 */
public record OpticalChannelConfig(
        String componentName,
        long frequencyMhz,
        double targetOutputPowerDbm,
        int operationalMode,
        boolean adminEnabled) {

    public OpticalChannelConfig {
        requireName(componentName, "componentName");
        if (frequencyMhz <= 0) {
            throw new IllegalArgumentException("frequencyMhz must be positive: " + frequencyMhz);
        }
        if (!Double.isFinite(targetOutputPowerDbm)) {
            throw new IllegalArgumentException("targetOutputPowerDbm must be finite: " + targetOutputPowerDbm);
        }
        if (operationalMode < 0 || operationalMode > 0xFFFF) {
            throw new IllegalArgumentException("operationalMode must be in 0..65535: " + operationalMode);
        }
    }

    static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
