package io.lightpath.southbound.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a driver's session with its device, as last observed by the driver's own requests and streams.
 *
 * @param state session state
 * @param detail human-readable detail of the last change, such as the error (never contains credentials)
 * @param since when {@code state} last changed
 */
public record ConnectionStatus(State state, String detail, Instant since) {

    /** Session state. */
    public enum State {
        /** The driver does not report its session. */
        UNKNOWN,
        /** Not connected yet, or reconnecting after a failure. */
        CONNECTING,
        /** The device answered the last request or stream. */
        CONNECTED,
        /** The last request or stream failed to reach the device (unavailable, deadline, authentication). */
        UNREACHABLE,
        /** The device answers but lacks a model or encoding the driver needs. */
        INCOMPATIBLE
    }

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }
}
