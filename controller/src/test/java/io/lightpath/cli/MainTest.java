package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.server.RunningServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private RunningServer rs;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void start() throws Exception {
    rs = RunningServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    rs.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void statusReachesTheServer() {
    assertEquals(0, run("status", "--server", rs.target()));
    assertEquals(rs.target() + " SERVING", out.toString().trim());
  }

  @Test
  void deviceLifecycleWithTableAndJsonOutput() {
    assertEquals(0, run("device", "add", "ocs-1", "--address", "127.0.0.1:9400", "--role", "ocs",
        "--insecure-plaintext", "--server", rs.target()));
    assertTrue(out.toString().contains("devices/ocs-1"), out.toString());
    assertEquals(0, run("device", "list", "-o", "json", "--server", rs.target()));
    assertTrue(out.toString().startsWith("{\"devices\":[{\"name\":\"devices/ocs-1\""), out.toString());
    assertEquals(0, run("device", "remove", "ocs-1", "--server", rs.target()));
    assertEquals(CliErrors.NOT_FOUND, run("device", "get", "ocs-1", "--server", rs.target()));
    assertEquals("error: NOT_FOUND [RESOURCE_NOT_FOUND]: devices/ocs-1 not found", err.toString().trim());
  }

  @Test
  void invalidInputGivesOneLineWithTheReasonCode() {
    assertEquals(CliErrors.INVALID, run("device", "add", "X", "--address", "nowhere", "--role", "roadm",
        "--server", rs.target()));
    String line = err.toString().trim();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("error: INVALID_ARGUMENT [INVALID_FIELD]: device_id:"), line);
  }

  @Test
  void unreachableServerIsExitCodeUnavailable() throws Exception {
    String target = rs.target();
    rs.close();
    rs = RunningServer.start();
    assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", target, "--timeout-s", "5"));
    assertTrue(err.toString().startsWith("error: UNAVAILABLE"), err.toString());
  }

  @Test
  void badRateIsAUsageError() {
    assertEquals(CliErrors.USAGE, run("path", "compute", "-a", "t1", "-z", "t2", "--rate", "300G",
        "--server", rs.target()));
    assertTrue(err.toString().contains("--rate must be 100G, 200G, 400G or 800G"), err.toString());
  }

  @Test
  void aNegativeDeletedRetentionIsAUsageError() {
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--deleted-retention-s", "-1"));
    assertTrue(err.toString().contains("--deleted-retention-s must not be negative"),
        err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"service", "create", "--help"},
        {"topology", "import", "--help"}, {"device", "add", "--help"}, {"path", "compute", "--help"}}) {
      assertEquals(0, run(cmd), String.join(" ", cmd));
      assertTrue(out.toString().contains("Usage:"), String.join(" ", cmd));
    }
  }
}
