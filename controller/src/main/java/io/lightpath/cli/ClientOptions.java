package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/** Options every command that talks to a Lightpath server shares. */
public final class ClientOptions {
  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:LIGHTPATH_SERVER:-localhost:50051}",
      description = "Controller address (default: $LIGHTPATH_SERVER or ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(
      names = "--timeout-s",
      defaultValue = "30",
      description = "Deadline of each call in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  /** A channel to the server; the caller closes it. */
  ManagedChannel channel() {
    // Plaintext: the northbound endpoint is meant for a management network or localhost.
    return NettyChannelBuilder.forTarget(server).usePlaintext().build();
  }

  static void close(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Output formats. */
  public enum OutputFormat {
    table,
    json
  }
}
