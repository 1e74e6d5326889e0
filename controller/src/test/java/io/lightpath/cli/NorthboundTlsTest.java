package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import io.lightpath.server.TlsConfig;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.tls.SelfSignedTls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The northbound endpoint over TLS and mutual TLS, reached by the CLI like an operator would. */
class NorthboundTlsTest {
  private final CliRunner cli = new CliRunner();
  @TempDir static Path dir;
  private static LabOptions.TlsFiles server;
  private static LabOptions.TlsFiles client;
  private LightpathServer running;

  @BeforeAll
  static void certificates() throws Exception {
    server = SelfSignedTls.generate(dir.resolve("server"));
    client = SelfSignedTls.generate(dir.resolve("client"));
  }

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.stop();
    }
  }

  private String start(Optional<Path> clientCa) throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(1))
        .withTls(new TlsConfig(server.certChainPem(), server.privateKeyPem(), clientCa));
    running = Guice.createInjector(new ServerModule(config, Clock.systemUTC()))
        .getInstance(LightpathServer.class).start();
    return "localhost:" + running.port();
  }

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void clientTrustingTheServerCaConnects() throws Exception {
    String target = start(Optional.empty());
    assertEquals(0, run("status", "--server", target, "--tls-ca", server.certChainPem().toString()),
        cli.err());
    assertEquals(target + " SERVING", cli.out().trim());
  }

  @Test
  void plaintextAndUntrustingClientsAreRefused() throws Exception {
    String target = start(Optional.empty());
    assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", target, "--timeout-s", "5"));
    // --tls alone trusts only the system CAs, which did not sign the self-signed certificate
    assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", target, "--tls", "--timeout-s", "5"));
    assertEquals("", cli.out());
  }

  @Test
  void mutualTlsRequiresAClientCertificateSignedByTheClientCa() throws Exception {
    String target = start(Optional.of(client.certChainPem()));
    String ca = server.certChainPem().toString();
    assertEquals(CliErrors.UNAVAILABLE,
        run("status", "--server", target, "--tls-ca", ca, "--timeout-s", "5"));
    // a certificate the server's client CA did not sign is refused too
    assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", target, "--tls-ca", ca,
        "--tls-cert", server.certChainPem().toString(), "--tls-key", server.privateKeyPem().toString(),
        "--timeout-s", "5"));
    assertEquals(0, run("status", "--server", target, "--tls-ca", ca,
        "--tls-cert", client.certChainPem().toString(), "--tls-key", client.privateKeyPem().toString()),
        cli.err());
    assertEquals(target + " SERVING", cli.out().trim());
  }

  @Test
  void incompleteClientTlsOptionsAreAUsageError() {
    assertEquals(CliErrors.USAGE, run("status", "--server", "localhost:1",
        "--tls-cert", client.certChainPem().toString()));
    assertTrue(cli.err().contains("--tls-cert and --tls-key go together"), cli.err());
  }

  @Test
  void serveRejectsIncompleteOrUnreadableTlsOptionsBeforeStarting() {
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--port", "0", "--metrics-port", "-1",
        "--tls-cert", server.certChainPem().toString()));
    assertTrue(cli.err().contains("--tls-cert and --tls-key go together"), cli.err());
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--port", "0", "--metrics-port", "-1",
        "--tls-cert", dir.resolve("missing.crt").toString(), "--tls-key",
        server.privateKeyPem().toString()));
    assertTrue(cli.err().contains("certificate chain file is not readable"), cli.err());
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--port", "0", "--metrics-port", "-1",
        "--tls-client-ca", client.certChainPem().toString()));
    assertTrue(cli.err().contains("--tls-client-ca needs --tls-cert and --tls-key"), cli.err());
  }
}
