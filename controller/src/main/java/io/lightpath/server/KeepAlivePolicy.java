package io.lightpath.server;

import java.time.Duration;

/**
 * HTTP/2 keepalive of the northbound endpoint, both ways.
 *
 * <p>Clients that hold long {@code WatchServices} streams through NATs and load balancers ping to
 * keep them open; gRPC's server default allows a ping only every 5 minutes and answers more
 * frequent ones with GOAWAY ({@code too_many_pings}), which kills the watch. The server, in turn,
 * pings quiet connections so that a watcher whose host vanished (no FIN, no RST) is noticed and
 * its stream released instead of being held forever.
 *
 * @param permitClientPingsEvery shortest interval between client pings the server accepts
 *     (grpc-java clients cannot ask for less than 10 s)
 * @param permitPingsWithoutCalls whether clients may ping a connection with no call open
 * @param pingIdleAfter how long a connection may be quiet before the server pings it
 * @param pingTimeout how long the server waits for the ping's answer before it closes the
 *     connection
 */
public record KeepAlivePolicy(Duration permitClientPingsEvery, boolean permitPingsWithoutCalls,
    Duration pingIdleAfter, Duration pingTimeout) {

  /** Accept pings every 10 s; ping after 2 minutes of quiet, give up after 20 s. */
  public static final KeepAlivePolicy DEFAULTS =
      new KeepAlivePolicy(Duration.ofSeconds(10), true, Duration.ofMinutes(2), Duration.ofSeconds(20));

  public KeepAlivePolicy {
    for (Duration d : new Duration[] {permitClientPingsEvery, pingIdleAfter, pingTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("keepalive durations must be positive, got " + d);
      }
    }
  }
}
