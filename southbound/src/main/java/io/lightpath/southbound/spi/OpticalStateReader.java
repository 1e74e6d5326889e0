package io.lightpath.southbound.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Reads the operational state of optical channels. Thread-safe.
 */
public interface OpticalStateReader extends DeviceBehaviour {

    /**
     * Reads the current state of one optical channel.
     *
     * @return the state; fails with {@link DeviceException.Kind#NOT_FOUND} if the device has no such channel
     */
    CompletableFuture<OpticalChannelState> readOpticalChannelState(String componentName);
}
