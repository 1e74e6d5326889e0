package io.lightpath.southbound.spi;

import java.util.List;
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

    /**
     * Reads the configured values of every optical channel that has a frequency configured, ordered by
     * component name. Channels without a frequency (never tuned) are left out. Used to find configuration no
     * service owns (reconciliation).
     *
     * <p>The default fails with {@link DeviceException.Kind#UNSUPPORTED}: a driver that cannot list its channels
     * can still configure and read them one by one.
     */
    default CompletableFuture<List<OpticalChannelConfig>> readOpticalChannels() {
        return CompletableFuture.failedFuture(new DeviceException(deviceId(), DeviceException.Kind.UNSUPPORTED,
                "this driver cannot list optical channels"));
    }
}
