package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code device list|get} show the session state, since when, and its detail. */
class DeviceCommandTest extends ServerCliTest {

  @Test
  void listAndGetShowTheConnectionState() {
    assertEquals(0, run("device", "add", "tp-1", "--address", "127.0.0.1:9401", "--role", "transponder",
        "--insecure-plaintext", "--server", rs.target()));
    assertEquals(0, run("device", "get", "tp-1", "--server", rs.target()));
    String header = cli.out().lines().findFirst().orElseThrow();
    assertTrue(header.matches(".*CONNECTION +SINCE +DETAIL\\s*"), header);
    // Nothing listens at that address: the session opened at registration is still trying or failed.
    String first = cli.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(first.contains("CONNECTING") || first.contains("UNREACHABLE"), first);

    rs.injector.getInstance(DeviceRegistry.class).attachSessions(id -> Optional.of(new ConnectionStatus(
        ConnectionStatus.State.UNREACHABLE, "UNAVAILABLE: tp-1: connection refused",
        Instant.parse("2026-11-24T08:00:00Z"))));
    assertEquals(0, run("device", "list", "--server", rs.target()));
    String row = cli.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(row.contains("UNREACHABLE"), row);
    assertTrue(row.contains("2026-11-24T08:00:00Z"), row);
    assertTrue(row.contains("connection refused"), row);
  }

  @Test
  void aDeviceWithoutANodeShowsTheNodeOfItsOwnId() {
    assertEquals(0, run("device", "add", "roadm-9", "--address", "127.0.0.1:9402", "--role", "roadm",
        "--insecure-plaintext", "--server", rs.target()));
    assertEquals(0, run("device", "add", "dev-7", "--address", "127.0.0.1:9403", "--role", "roadm",
        "--node", "roadm-7", "--insecure-plaintext", "--server", rs.target()));
    assertEquals(0, run("device", "list", "--server", rs.target()));
    java.util.List<String> rows = cli.out().lines().skip(1).toList();
    assertTrue(rows.get(0).matches("devices/dev-7 .* roadm-7 .*"), rows.get(0));
    assertTrue(rows.get(1).matches("devices/roadm-9 .* roadm-9 .*"), rows.get(1));
  }
}
