package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.southbound.spi.DeviceException;
import java.time.Clock;

/**
 * What the driver last saw of its device: every RPC and Subscribe response reports here. A failure that says the
 * device was not reached (UNAVAILABLE, DEADLINE_EXCEEDED, UNAUTHENTICATED) makes it UNREACHABLE; any answer,
 * including a refusal, makes it CONNECTED. {@code since} moves only when the state changes. Thread-safe.
 */
final class SessionState {

    private final Clock clock;
    private volatile ConnectionStatus status;

    SessionState(Clock clock) {
        this.clock = clock;
        this.status = new ConnectionStatus(ConnectionStatus.State.CONNECTING, "not connected yet", clock.instant());
    }

    ConnectionStatus status() {
        return status;
    }

    /** The device answered (an INCOMPATIBLE device stays so: answering does not add the missing models). */
    void answered() {
        ConnectionStatus s = status;
        if (s.state() != ConnectionStatus.State.CONNECTED && s.state() != ConnectionStatus.State.INCOMPATIBLE) {
            set(ConnectionStatus.State.CONNECTED, "session up");
        }
    }

    /** A request or stream failed with {@code e}. */
    void failed(DeviceException e) {
        switch (e.kind()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, UNAUTHENTICATED ->
                    set(ConnectionStatus.State.UNREACHABLE, e.kind() + ": " + e.getMessage());
            case UNSUPPORTED -> set(ConnectionStatus.State.INCOMPATIBLE, e.getMessage());
            default -> answered();
        }
    }

    /** A retry is under way after {@code UNREACHABLE}. */
    synchronized void reconnecting(String detail) {
        if (status.state() == ConnectionStatus.State.UNREACHABLE) {
            // keep the error: it is the more useful detail; only the state says we are trying again
            status = new ConnectionStatus(ConnectionStatus.State.CONNECTING, detail + " (last error: "
                    + status.detail() + ")", clock.instant());
        }
    }

    private synchronized void set(ConnectionStatus.State state, String detail) {
        if (status.state() != state || !status.detail().equals(detail)) {
            status = new ConnectionStatus(state, detail, status.state() == state ? status.since() : clock.instant());
        }
    }
}
