package io.lightpath.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the northbound gRPC server listens.
 *
 * @param bindAddress address to bind, such as "0.0.0.0" or "127.0.0.1"
 * @param port TCP port; 0 picks a free one (tests)
 * @param shutdownGrace how long in-flight calls may finish after a shutdown request
 * @param tls TLS (optionally mutual) for the endpoint; empty serves plaintext, which is meant for
 *     localhost or a closed management network only
 * @param keepAlive HTTP/2 keepalive pings accepted from clients and sent to them
 */
public record ServerConfig(String bindAddress, int port, Duration shutdownGrace, Optional<TlsConfig> tls,
    KeepAlivePolicy keepAlive) {
  /** The port operators and the CLI expect by default. */
  public static final int DEFAULT_PORT = 50051;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative");
    }
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(keepAlive, "keepAlive");
  }

  /** A plaintext endpoint with the default keepalive policy. */
  public ServerConfig(String bindAddress, int port, Duration shutdownGrace) {
    this(bindAddress, port, shutdownGrace, Optional.empty(), KeepAlivePolicy.DEFAULTS);
  }

  /** This endpoint with TLS. */
  public ServerConfig withTls(TlsConfig tlsConfig) {
    return new ServerConfig(bindAddress, port, shutdownGrace, Optional.of(tlsConfig), keepAlive);
  }

  /** This endpoint with another keepalive policy. */
  public ServerConfig withKeepAlive(KeepAlivePolicy policy) {
    return new ServerConfig(bindAddress, port, shutdownGrace, tls, policy);
  }

  public static ServerConfig defaults() {
    return new ServerConfig("0.0.0.0", DEFAULT_PORT, Duration.ofSeconds(10));
  }
}
