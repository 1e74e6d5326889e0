package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.server.RunningServer;
import org.junit.jupiter.api.Test;

class MainTest extends ServerCliTest {

  @Test
  void statusReachesTheServer() {
    assertEquals(0, run("status", "--server", rs.target()));
    assertEquals(rs.target() + " SERVING", cli.out().trim());
  }

  @Test
  void deviceLifecycleWithTableAndJsonOutput() {
    assertEquals(0, run("device", "add", "ocs-1", "--address", "127.0.0.1:9400", "--role", "ocs",
        "--insecure-plaintext", "--server", rs.target()));
    assertTrue(cli.out().contains("devices/ocs-1"), cli.out());
    assertEquals(0, run("device", "list", "-o", "json", "--server", rs.target()));
    assertTrue(cli.out().startsWith("{\"devices\":[{\"name\":\"devices/ocs-1\""), cli.out());
    assertEquals(0, run("device", "remove", "ocs-1", "--server", rs.target()));
    assertEquals(CliErrors.NOT_FOUND, run("device", "get", "ocs-1", "--server", rs.target()));
    assertEquals("error: NOT_FOUND [RESOURCE_NOT_FOUND]: devices/ocs-1 not found", cli.err().trim());
  }

  @Test
  void invalidInputGivesOneLineWithTheReasonCode() {
    assertEquals(CliErrors.INVALID, run("device", "add", "X", "--address", "nowhere", "--role", "roadm",
        "--server", rs.target()));
    String line = cli.err().trim();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("error: INVALID_ARGUMENT [INVALID_FIELD]: device_id:"), line);
  }

  @Test
  void unreachableServerIsExitCodeUnavailable() throws Exception {
    String target = rs.target();
    rs.close();
    rs = RunningServer.start();
    assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", target, "--timeout-s", "5"));
    assertTrue(cli.err().startsWith("error: UNAVAILABLE"), cli.err());
  }

  @Test
  void badRateIsAUsageError() {
    assertEquals(CliErrors.USAGE, run("path", "compute", "-a", "t1", "-z", "t2", "--rate", "300G",
        "--server", rs.target()));
    assertTrue(cli.err().contains("--rate must be 100G, 200G, 400G or 800G"), cli.err());
  }

  @Test
  void aNegativeDeletedRetentionIsAUsageError() {
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--deleted-retention-s", "-1"));
    assertTrue(cli.err().contains("--deleted-retention-s must not be negative"),
        cli.err());
  }

  @Test
  void aZeroKeepaliveIsAUsageError() {
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--keepalive-timeout-s", "0"));
    assertTrue(cli.err().contains("--keepalive-*: keepalive durations must be positive, got PT0S"),
        cli.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"service", "create", "--help"},
        {"topology", "import", "--help"}, {"device", "add", "--help"}, {"path", "compute", "--help"}}) {
      assertEquals(0, run(cmd), String.join(" ", cmd));
      assertTrue(cli.out().contains("Usage:"), String.join(" ", cmd));
    }
  }

  @Test
  void grpcJavaUtilLoggingGoesThroughLogbackAtWarn() {
    Main.routeJavaUtilLoggingToLogback();
    java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
    assertTrue(java.util.Arrays.stream(root.getHandlers())
        .allMatch(h -> h instanceof org.slf4j.bridge.SLF4JBridgeHandler), "no console handler left");
    java.util.logging.Logger grpc = java.util.logging.Logger.getLogger("io.grpc.netty.NettyServerTransport");
    assertFalse(grpc.isLoggable(java.util.logging.Level.INFO), "INFO (Transport failed) is dropped");
  }
}
