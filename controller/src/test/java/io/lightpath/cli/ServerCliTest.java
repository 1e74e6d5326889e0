package io.lightpath.cli;

import io.lightpath.server.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** CLI tests against a real server on a loopback port: a fresh server per test, one runner. */
abstract class ServerCliTest {
  protected final CliRunner cli = new CliRunner();
  protected RunningServer rs;

  @BeforeEach
  void startServer() throws Exception {
    rs = RunningServer.start();
  }

  @AfterEach
  void stopServer() {
    rs.close();
  }

  /** Runs the CLI in process; output in {@code cli.out()} and {@code cli.err()}. */
  protected int run(String... args) {
    return cli.run(args);
  }
}
