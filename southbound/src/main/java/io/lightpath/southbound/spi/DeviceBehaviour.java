package io.lightpath.southbound.spi;

/**
 * Marker for a capability a device driver may offer (an ONOS-style behaviour).
 *
 * <p>Implementations are thread-safe: a behaviour may be used from several threads at once, and the
 * futures it returns complete on a driver thread, so callers must not block inside their callbacks.
 */
public interface DeviceBehaviour {

    /** Identifier of the device this behaviour talks to, as configured in the controller. */
    String deviceId();
}
