package io.lightpath.southbound.spi;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to one device and the behaviours it supports.
 *
 * <p>Thread-safe. {@link #close()} releases the connection and cancels every subscription made through it;
 * calls made after close fail with {@link DeviceException.Kind#UNAVAILABLE}.
 */
public interface DeviceDriver extends AutoCloseable {

    /** Identifier of the device, as configured in the controller. */
    String deviceId();

    /**
     * Checks that the device is reachable and supports every data model this driver needs.
     *
     * @return the device's self-description; fails with {@link DeviceException.Kind#UNSUPPORTED} when a
     *     required model is missing
     */
    CompletableFuture<DeviceDescription> discover();

    /** The behaviour types this driver offers. */
    Set<Class<? extends DeviceBehaviour>> behaviours();

    /** The behaviour of the given type, or empty if this driver does not offer it. */
    <T extends DeviceBehaviour> Optional<T> behaviour(Class<T> type);

    /**
     * The behaviour of the given type, for callers that cannot do without it.
     *
     * @throws DeviceException {@link DeviceException.Kind#UNSUPPORTED} when this driver does not offer it
     */
    default <T extends DeviceBehaviour> T require(Class<T> type) {
        return behaviour(type).orElseThrow(() -> new DeviceException(deviceId(),
            DeviceException.Kind.UNSUPPORTED, "driver offers no " + type.getSimpleName()));
    }

    /**
     * The state of the session with the device as last observed (by requests, streams and discovery); never
     * blocks and sends nothing.
     */
    default ConnectionStatus connectionStatus() {
        return new ConnectionStatus(ConnectionStatus.State.UNKNOWN, "driver does not report its session",
                java.time.Instant.EPOCH);
    }

    @Override
    void close();
}
