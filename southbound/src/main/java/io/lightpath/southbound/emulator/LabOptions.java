package io.lightpath.southbound.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How an {@link EmulatedLab} exposes its devices. Immutable; start from {@link #defaults()} and
 * use the {@code with...} methods.
 *
 * @param host address to bind and report, e.g. {@code 127.0.0.1}
 * @param basePort first gNMI port; device i gets {@code basePort + i} (per-device mode) or every
 *     device shares {@code basePort} (shared mode); 0 picks free ports
 * @param sharedPort true to serve all devices on one port, addressed by gNMI target name
 * @param adminPort port of the LabAdmin service; 0 picks a free port, -1 disables it
 * @param tls server certificate and key (PEM files), or null for plaintext
 * @param credentials required username/password metadata on gNMI calls, or null for none
 * @param clock timestamps of notifications and replies
 * @param yangValidation true to validate every device's config against the project's YANG modules
 *     as well as the emulator's own rules (see docs/lab.md)
 */
public record LabOptions(
    String host,
    int basePort,
    boolean sharedPort,
    int adminPort,
    TlsFiles tls,
    Credentials credentials,
    Clock clock,
    boolean yangValidation) {
  public LabOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * PEM files of the server certificate chain and its PKCS#8 private key.
   *
   * @param certChainPem certificate chain file
   * @param privateKeyPem private key file
   */
  public record TlsFiles(Path certChainPem, Path privateKeyPem) {}

  /**
   * A username and password the gNMI targets require. {@link #toString()} hides the password.
   *
   * @param username user name
   * @param password password
   */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=***]";
    }
  }

  /**
   * Loopback, free ports, one port per device, admin on, plaintext, no auth, system clock, YANG
   * validation on.
   */
  public static LabOptions defaults() {
    return new LabOptions("127.0.0.1", 0, false, 0, null, null, Clock.systemUTC(), true);
  }

  public LabOptions withYangValidation(boolean on) {
    return new LabOptions(host, basePort, sharedPort, adminPort, tls, credentials, clock, on);
  }

  public LabOptions withBasePort(int port) {
    return new LabOptions(host, port, sharedPort, adminPort, tls, credentials, clock, yangValidation);
  }

  public LabOptions withSharedPort(boolean shared) {
    return new LabOptions(host, basePort, shared, adminPort, tls, credentials, clock, yangValidation);
  }

  public LabOptions withAdminPort(int port) {
    return new LabOptions(host, basePort, sharedPort, port, tls, credentials, clock, yangValidation);
  }

  public LabOptions withTls(TlsFiles files) {
    return new LabOptions(host, basePort, sharedPort, adminPort, files, credentials, clock, yangValidation);
  }

  public LabOptions withCredentials(String username, String password) {
    return new LabOptions(
        host, basePort, sharedPort, adminPort, tls, new Credentials(username, password), clock, yangValidation);
  }

  public LabOptions withClock(Clock c) {
    return new LabOptions(host, basePort, sharedPort, adminPort, tls, credentials, c, yangValidation);
  }

  public LabOptions withHost(String h) {
    return new LabOptions(h, basePort, sharedPort, adminPort, tls, credentials, clock, yangValidation);
  }
}
