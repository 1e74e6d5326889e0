package io.lightpath.southbound.spi;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Operational state of a transponder optical channel as last reported by the device.
 * Values the device does not report are empty.
 *
 * @param componentName name of the optical-channel component
 * @param operStatus operational status
 * @param frequencyMhz frequency the channel is actually tuned to, in MHz (0 if not reported)
 * @param outputPowerDbm measured output (launch) power in dBm
 * @param inputPowerDbm measured input (received) power in dBm
 * @param osnrDb measured optical signal-to-noise ratio in dB (0.1 nm reference bandwidth)
 * @param preFecBer bit error rate before forward error correction (dimensionless, e.g. 1.2e-4)
 * @param lossOfSignal {@code true} if the receiver reports loss of signal
 */
public record OpticalChannelState(
        String componentName,
        OperStatus operStatus,
        long frequencyMhz,
        OptionalDouble outputPowerDbm,
        OptionalDouble inputPowerDbm,
        OptionalDouble osnrDb,
        OptionalDouble preFecBer,
        boolean lossOfSignal) {

    public OpticalChannelState {
        Objects.requireNonNull(componentName, "componentName");
        Objects.requireNonNull(operStatus, "operStatus");
        Objects.requireNonNull(outputPowerDbm, "outputPowerDbm");
        Objects.requireNonNull(inputPowerDbm, "inputPowerDbm");
        Objects.requireNonNull(osnrDb, "osnrDb");
        Objects.requireNonNull(preFecBer, "preFecBer");
    }
}
