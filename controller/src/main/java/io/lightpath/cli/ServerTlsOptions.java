package io.lightpath.cli;

import io.lightpath.server.ServerConfig;
import io.lightpath.server.TlsConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** TLS options of {@code serve}: certificate and key, and a client CA for mutual TLS. */
final class ServerTlsOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Serve the gRPC API over TLS with this PEM certificate chain (needs --tls-key).")
  Path certificateChain;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "PEM (PKCS#8) private key of --tls-cert.")
  Path privateKey;

  @Option(names = "--tls-client-ca", paramLabel = "FILE",
      description = "Require client certificates signed by this PEM CA (mutual TLS).")
  Path clientCa;

  /** {@code config} with TLS when asked for; rejects incomplete or unreadable TLS options. */
  ServerConfig apply(ServerConfig config) {
    if (certificateChain == null && privateKey == null) {
      if (clientCa != null) {
        throw new ParameterException(spec.commandLine(),
            "--tls-client-ca needs --tls-cert and --tls-key");
      }
      return config;
    }
    if (certificateChain == null || privateKey == null) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    try {
      return config.withTls(
          new TlsConfig(certificateChain, privateKey, Optional.ofNullable(clientCa)).checkReadable());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
