package io.lightpath.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for the northbound gRPC endpoint.
 *
 * @param certificateChain PEM file with the server's certificate chain, leaf first
 * @param privateKey PEM file with the server's PKCS#8 private key
 * @param clientCa PEM file of the CA(s) client certificates must chain to; when present, every
 *     client must present a certificate (mutual TLS), otherwise any client may connect over TLS
 */
public record TlsConfig(Path certificateChain, Path privateKey, Optional<Path> clientCa) {
  public TlsConfig {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(clientCa, "clientCa");
  }

  /**
   * Checks that every file is there and readable, so a typo fails at start-up with the file's
   * name rather than as a handshake error on the first call.
   *
   * @throws IllegalArgumentException naming the first unreadable file
   */
  public TlsConfig checkReadable() {
    readable("certificate chain", certificateChain);
    readable("private key", privateKey);
    clientCa.ifPresent(ca -> readable("client CA", ca));
    return this;
  }

  /** Whether clients must present a certificate. */
  public boolean mutual() {
    return clientCa.isPresent();
  }

  private static void readable(String what, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("TLS " + what + " file is not readable: " + file);
    }
  }
}
