package io.lightpath.southbound.spi;

import java.util.Objects;

/**
 * Failure of a device operation, classified so that callers can decide whether to retry or roll back without
 * knowing the protocol. Messages never contain credentials.
 */
public final class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Kind {
        /** The device could not be reached or the connection was lost; retrying later may succeed. */
        UNAVAILABLE(true),
        /** The operation did not complete within its deadline; its effect on the device is unknown. */
        DEADLINE_EXCEEDED(true),
        /** The device refused the change (invalid value, unsupported leaf, ...); nothing was applied. */
        REJECTED(false),
        /** The device refused the credentials or the TLS handshake. */
        UNAUTHENTICATED(false),
        /** The requested resource does not exist on the device. */
        NOT_FOUND(false),
        /** The device does not support a model or feature the driver needs. */
        UNSUPPORTED(false),
        /** The device answered with something the driver cannot interpret. */
        MALFORMED_REPLY(false),
        /** The change was accepted, but reading it back did not return the written values. */
        VERIFICATION_FAILED(false),
        /** The request was invalid before it was sent; nothing was sent. */
        INVALID_REQUEST(false),
        /** Anything else. */
        INTERNAL(false),
        /**
         * The device's configuration is not what the change expected (e.g. a media channel index the caller
         * believed free is in use); nothing was sent. Re-read the device and retry.
         */
        CONFLICT(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether retrying the same operation later may succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final String deviceId;
    private final Kind kind;

    public DeviceException(String deviceId, Kind kind, String message, Throwable cause) {
        super(deviceId + ": " + kind + ": " + message, cause);
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public DeviceException(String deviceId, Kind kind, String message) {
        this(deviceId, kind, message, null);
    }

    private DeviceException(String deviceId, Kind kind, String message, boolean writableStackTrace) {
        // suppression stays on: a revert that fails after this answer is added to it (GnmiSession)
        super(deviceId + ": " + kind + ": " + message, null, true, writableStackTrace);
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * A device's ordinary answer that travels as a failure, such as NOT_FOUND for an absent path that a read
     * then reports as empty: without a stack trace, which would be costly and say nothing.
     */
    public static DeviceException answer(String deviceId, Kind kind, String message) {
        return new DeviceException(deviceId, kind, message, false);
    }

    public String deviceId() {
        return deviceId;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Unwraps {@link java.util.concurrent.CompletionException} / {@link java.util.concurrent.ExecutionException}
     * layers and returns the {@link DeviceException} inside, or null if there is none.
     */
    public static DeviceException unwrap(Throwable t) {
        Throwable cur = t;
        while (cur != null) {
            if (cur instanceof DeviceException de) {
                return de;
            }
            if (cur.getCause() == cur) {
                return null;
            }
            cur = cur.getCause();
        }
        return null;
    }
}
