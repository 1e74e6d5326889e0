package io.lightpath.southbound.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Configures the line-side optical channel of a transponder (openconfig-terminal-device style devices).
 *
 * <p>Thread-safe. Changes follow the transaction contract of this package: one atomic device operation with a
 * deadline, prior value recorded, result read back and verified.
 */
public interface TransponderConfig extends DeviceBehaviour {

    /**
     * Applies {@code config} to the optical channel named by {@link OpticalChannelConfig#componentName()}:
     * frequency, target output power, operational mode and administrative state in one operation.
     *
     * @return the applied change, whose {@link AppliedChange#revert()} restores the previous configuration
     */
    CompletableFuture<AppliedChange> configureOpticalChannel(OpticalChannelConfig config);

    /**
     * Reads the configured (intended) values of an optical channel.
     *
     * @return the configuration; fails with {@link DeviceException.Kind#NOT_FOUND} if no such channel exists
     */
    CompletableFuture<OpticalChannelConfig> readOpticalChannel(String componentName);
}
