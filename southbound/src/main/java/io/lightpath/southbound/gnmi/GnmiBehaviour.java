package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Shared plumbing of the gNMI behaviours: the session and error classification of encode/decode steps. */
abstract class GnmiBehaviour implements DeviceBehaviour {

    final GnmiSession session;

    GnmiBehaviour(GnmiSession session) {
        this.session = session;
    }

    @Override
    public String deviceId() {
        return session.deviceId();
    }

    /** Runs a decoding step; a value the driver cannot interpret becomes {@code MALFORMED_REPLY}. */
    <T> T decode(String what, Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DeviceException(deviceId(), DeviceException.Kind.MALFORMED_REPLY, what + ": " + e.getMessage(), e);
        }
    }

    /** Runs an encoding step; input the device model cannot express becomes a failed {@code INVALID_REQUEST}. */
    <T> CompletableFuture<T> encodeThen(String what, Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new DeviceException(deviceId(), DeviceException.Kind.INVALID_REQUEST,
                    what + ": " + e.getMessage(), e));
        }
    }

    DeviceException notFound(String what) {
        return new DeviceException(deviceId(), DeviceException.Kind.NOT_FOUND, what + " does not exist");
    }
}
