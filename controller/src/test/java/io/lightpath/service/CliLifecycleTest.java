package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.cli.CliRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's service commands against a real server with the lifecycle attached. */
class CliLifecycleTest {
  private final CliRunner cli = new CliRunner();
  private LifecycleHarness h;

  @BeforeEach
  void start() throws Exception {
    h = LifecycleHarness.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void createWaitGetListDeleteThroughTheCli() throws Exception {
    String server = "127.0.0.1:" + h.server.port();
    assertEquals(0, run("service", "create", "-a", "ta", "-z", "tz", "--rate", "400G", "--id", "wave-1",
        "--request-id", "cli-1", "--wait", "--server", server), cli.err());
    assertTrue(cli.out().contains("wave-1"), cli.out());
    assertEquals(0, run("service", "get", "wave-1", "-o", "json", "--server", server), cli.err());
    assertTrue(cli.out().contains("ACTIVE"), cli.out());
    assertEquals(0, run("service", "list", "--state", "ACTIVE", "--server", server), cli.err());
    assertTrue(cli.out().contains("wave-1"), cli.out());
    assertEquals(0, run("path", "compute", "-a", "ta", "-z", "tz", "--rate", "400G", "--server", server),
        cli.err());
    assertEquals(0, run("service", "delete", "wave-1", "--wait", "--server", server), cli.err());
    h.awaitIdle();
    assertEquals(0, run("service", "get", "wave-1", "-o", "json", "--server", server), cli.err());
    assertTrue(cli.out().contains("DELETED"), cli.out());
  }
}
