package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's service commands against a real server with the lifecycle attached. */
class CliLifecycleTest {
  private LifecycleHarness h;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
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
  void createWaitGetListDeleteThroughTheCli() throws Exception {
    String server = "127.0.0.1:" + h.server.port();
    assertEquals(0, run("service", "create", "-a", "ta", "-z", "tz", "--rate", "400G", "--id", "wave-1",
        "--request-id", "cli-1", "--wait", "--server", server), err.toString());
    assertTrue(out.toString().contains("wave-1"), out.toString());
    assertEquals(0, run("service", "get", "wave-1", "-o", "json", "--server", server), err.toString());
    assertTrue(out.toString().contains("ACTIVE"), out.toString());
    assertEquals(0, run("service", "list", "--state", "ACTIVE", "--server", server), err.toString());
    assertTrue(out.toString().contains("wave-1"), out.toString());
    assertEquals(0, run("path", "compute", "-a", "ta", "-z", "tz", "--rate", "400G", "--server", server),
        err.toString());
    assertEquals(0, run("service", "delete", "wave-1", "--wait", "--server", server), err.toString());
    h.awaitIdle();
    assertEquals(0, run("service", "get", "wave-1", "-o", "json", "--server", server), err.toString());
    assertTrue(out.toString().contains("DELETED"), out.toString());
  }
}
