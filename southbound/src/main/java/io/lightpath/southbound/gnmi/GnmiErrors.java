package io.lightpath.southbound.gnmi;

import io.grpc.Status;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletionException;

/** Maps gRPC failures to protocol-neutral {@link DeviceException}s. */
final class GnmiErrors {

    private GnmiErrors() {
    }

    static DeviceException toDeviceException(String deviceId, String operation, Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof DeviceException de) {
            return de;
        }
        Status status = Status.fromThrowable(cause);
        DeviceException.Kind kind = switch (status.getCode()) {
            case UNAVAILABLE, CANCELLED, ABORTED, RESOURCE_EXHAUSTED -> DeviceException.Kind.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> DeviceException.Kind.DEADLINE_EXCEEDED;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS, PERMISSION_DENIED ->
                    DeviceException.Kind.REJECTED;
            case UNAUTHENTICATED -> DeviceException.Kind.UNAUTHENTICATED;
            case NOT_FOUND -> DeviceException.Kind.NOT_FOUND;
            case UNIMPLEMENTED -> DeviceException.Kind.UNSUPPORTED;
            default -> DeviceException.Kind.INTERNAL;
        };
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return new DeviceException(deviceId, kind, operation + " failed with " + status.getCode() + description, cause);
    }

    /**
     * Whether {@code t} is the device's NOT_FOUND: an absent path, which reads report as empty. Checked before
     * building a {@link DeviceException}, whose stack trace would be wasted on this expected answer (two per ROADM
     * step, for the media channels a service creates).
     */
    static boolean isNotFound(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof DeviceException de ? de.kind() == DeviceException.Kind.NOT_FOUND
                : Status.fromThrowable(cause).getCode() == Status.Code.NOT_FOUND;
    }

    static DeviceException malformed(String deviceId, String operation, String what) {
        return new DeviceException(deviceId, DeviceException.Kind.MALFORMED_REPLY, operation + ": " + what);
    }
}
