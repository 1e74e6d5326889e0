package io.lightpath.southbound.gnmi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gNMI driver needs to manage one device.
 *
 * @param deviceId identifier of the device in the controller
 * @param type kind of device; decides the behaviours offered and the models required
 * @param host target host name or address
 * @param port target TCP port (gNMI's registered port is 9339)
 * @param transport TLS (normal) or plaintext (lab only)
 * @param credentials username/password to send as metadata; empty for none. Refused over plaintext.
 * @param rpcDeadline deadline of each unary RPC (Capabilities, Get, Set); positive
 * @param backoff reconnect backoff of subscriptions
 * @param target gNMI target name put in {@code prefix.target} of Get, Set and Subscribe, for endpoints that serve
 *     several devices; empty for none
 */
public record GnmiDeviceConfig(
        String deviceId,
        GnmiDeviceType type,
        String host,
        int port,
        GnmiTransport transport,
        Optional<GnmiCredentials> credentials,
        Duration rpcDeadline,
        BackoffPolicy backoff,
        String target) {

    public GnmiDeviceConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(rpcDeadline, "rpcDeadline");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(target, "target");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        if (rpcDeadline.isNegative() || rpcDeadline.isZero()) {
            throw new IllegalArgumentException("rpcDeadline must be positive: " + rpcDeadline);
        }
        if (transport instanceof GnmiTransport.PlaintextForLabOnly && credentials.isPresent()) {
            throw new IllegalArgumentException(deviceId
                    + ": refusing to send credentials over plaintext; use TLS or drop the credentials");
        }
    }

    /** A configuration for an endpoint that serves only this device (no {@code prefix.target}). */
    public GnmiDeviceConfig(String deviceId, GnmiDeviceType type, String host, int port, GnmiTransport transport,
            Optional<GnmiCredentials> credentials, Duration rpcDeadline, BackoffPolicy backoff) {
        this(deviceId, type, host, port, transport, credentials, rpcDeadline, backoff, "");
    }

    /** A copy with another RPC deadline. */
    public GnmiDeviceConfig withRpcDeadline(Duration deadline) {
        return new GnmiDeviceConfig(deviceId, type, host, port, transport, credentials, deadline, backoff, target);
    }

    /** A copy with another backoff policy. */
    public GnmiDeviceConfig withBackoff(BackoffPolicy policy) {
        return new GnmiDeviceConfig(deviceId, type, host, port, transport, credentials, rpcDeadline, policy, target);
    }

    /** A copy addressing gNMI target {@code name} (empty for none). */
    public GnmiDeviceConfig withTarget(String name) {
        return new GnmiDeviceConfig(deviceId, type, host, port, transport, credentials, rpcDeadline, backoff, name);
    }

    /** The {@code prefix} every request carries: empty, or just the target name. */
    io.lightpath.proto.gnmi.Path prefix() {
        return io.lightpath.proto.gnmi.Path.newBuilder().setTarget(target).build();
    }
}
