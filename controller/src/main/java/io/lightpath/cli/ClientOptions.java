package io.lightpath.cli;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/** Options every command that talks to a Lightpath server shares. */
public final class ClientOptions {
  /** grpc-java logs through java.util.logging; held here so the level set on it is kept. */
  private static final Logger GRPC_LOG = Logger.getLogger("io.grpc");

  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:LIGHTPATH_SERVER:-localhost:50051}",
      description = "Controller address (default: $LIGHTPATH_SERVER or ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      converter = OutputFormat.Converter.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(
      names = "--timeout-s",
      defaultValue = "30",
      description = "Deadline of each call in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--tls",
      defaultValue = "${env:LIGHTPATH_TLS:-false}",
      description = "Connect over TLS, trusting the system's CAs (or --tls-ca); default: $LIGHTPATH_TLS or plaintext.")
  boolean tls;

  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      defaultValue = "${env:LIGHTPATH_TLS_CA}",
      description = "Connect over TLS and trust this PEM CA for the server (default: $LIGHTPATH_TLS_CA).")
  Path tlsCa;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      defaultValue = "${env:LIGHTPATH_TLS_CERT}",
      description = "Client certificate (PEM) for servers that require one; with --tls-key (default: $LIGHTPATH_TLS_CERT).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      defaultValue = "${env:LIGHTPATH_TLS_KEY}",
      description = "Private key (PEM, PKCS#8) of --tls-cert (default: $LIGHTPATH_TLS_KEY).")
  Path tlsKey;

  /**
   * A channel to the server; the caller closes it. Plaintext unless a TLS option is given: the
   * server serves plaintext by default on localhost or a closed management network.
   *
   * @throws CliErrors.CliException (usage) when the TLS files cannot be read or are incomplete
   */
  ManagedChannel channel() {
    // The command reports a failed call in its own one-line error; gRPC's WARNINGs on the way
    // (a name that does not resolve, with a 15-line stack trace) would only repeat it.
    GRPC_LOG.setLevel(Level.SEVERE);
    if (!tls && tlsCa == null && tlsCert == null && tlsKey == null) {
      return NettyChannelBuilder.forTarget(server).usePlaintext().build();
    }
    return NettyChannelBuilder.forTarget(server, credentials()).build();
  }

  private ChannelCredentials credentials() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new CliErrors.CliException(CliErrors.USAGE, "--tls-cert and --tls-key go together");
    }
    TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
    try {
      if (tlsCa != null) {
        b.trustManager(tlsCa.toFile());
      }
      if (tlsCert != null) {
        b.keyManager(tlsCert.toFile(), tlsKey.toFile());
      }
    } catch (IOException e) {
      throw new CliErrors.CliException(CliErrors.USAGE, "cannot read TLS files: " + e.getMessage());
    }
    return b.build();
  }

  static void close(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
