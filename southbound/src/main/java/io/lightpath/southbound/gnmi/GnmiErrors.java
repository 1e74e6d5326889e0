package io.lightpath.southbound.gnmi;

import io.grpc.Metadata;
import io.grpc.Status;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return new DeviceException(deviceId, kindOf(status), describe(operation, status), cause);
    }

    /**
     * The failure of a call that ended with {@code status}. NOT_FOUND is an answer, not a fault (reads report
     * an absent path as empty), so it carries neither a stack trace nor a cause: building them was a measurable
     * share of the controller's CPU, at two per ROADM step.
     */
    static DeviceException toDeviceException(String deviceId, String operation, Status status, Metadata trailers) {
        DeviceException.Kind kind = kindOf(status);
        if (kind == DeviceException.Kind.NOT_FOUND) {
            return DeviceException.answer(deviceId, kind, describe(operation, status));
        }
        return new DeviceException(deviceId, kind, describe(operation, status), status.asRuntimeException(trailers));
    }

    /** grpc-java's own description of a call that outlived its deadline on this side. */
    private static final Pattern CLIENT_DEADLINE =
            Pattern.compile("(?:ClientCall started after )?CallOptions deadline .*?-?([0-9]+(?:\\.[0-9]+)?s).*",
                    Pattern.DOTALL);

    static String describe(String operation, Status status) {
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED && status.getDescription() != null) {
            // grpc-java's text (name resolution delay, buffered nanos, remote address) is for the log, which
            // keeps it in the cause; an operator reading a service's reason needs what happened
            Matcher m = CLIENT_DEADLINE.matcher(status.getDescription());
            if (m.matches()) {
                return operation + " got no answer within its deadline (" + m.group(1) + ")";
            }
        }
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return operation + " failed with " + status.getCode() + description;
    }

    private static DeviceException.Kind kindOf(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE, CANCELLED, ABORTED, RESOURCE_EXHAUSTED -> DeviceException.Kind.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> DeviceException.Kind.DEADLINE_EXCEEDED;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS, PERMISSION_DENIED ->
                    DeviceException.Kind.REJECTED;
            case UNAUTHENTICATED -> DeviceException.Kind.UNAUTHENTICATED;
            case NOT_FOUND -> DeviceException.Kind.NOT_FOUND;
            case UNIMPLEMENTED -> DeviceException.Kind.UNSUPPORTED;
            default -> DeviceException.Kind.INTERNAL;
        };
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
