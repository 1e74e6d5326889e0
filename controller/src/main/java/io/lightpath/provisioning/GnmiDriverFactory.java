package io.lightpath.provisioning;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.gnmi.BackoffPolicy;
import io.lightpath.southbound.gnmi.GnmiCredentials;
import io.lightpath.southbound.gnmi.GnmiDeviceConfig;
import io.lightpath.southbound.gnmi.GnmiDeviceDriver;
import io.lightpath.southbound.gnmi.GnmiDeviceType;
import io.lightpath.southbound.gnmi.GnmiTransport;
import io.lightpath.southbound.gnmi.PayloadValidator;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.spi.DeviceDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens {@link GnmiDeviceDriver}s: address {@code host:port} (IPv6 as {@code [addr]:port}), TLS
 * settings of the device, credentials resolved from its reference at creation time.
 *
 * <p>{@code rpcDeadline} is the deadline of every gNMI RPC and so bounds each device transaction's
 * steps; a transaction that overruns it fails with DEADLINE_EXCEEDED, which the provisioner
 * reports as TIMEOUT. The device's gNMI target name (when set) goes in {@code prefix.target} of
 * every request, so several devices can share one endpoint.
 */
public final class GnmiDriverFactory implements DriverFactory {
  /** Interval of the liveness check of ROADMs and optical switches (docs/southbound.md). */
  public static final Duration DEFAULT_LIVENESS_INTERVAL = Duration.ofSeconds(30);
  /**
   * How long a written change may take to show in a device's config stream before the driver reads
   * it back instead (docs/southbound.md, "Config mirror"). A device normally streams a change
   * before or just after it answers the Set; only a change the device dropped waits this long.
   */
  public static final Duration DEFAULT_CONFIG_MIRROR_GRACE = Duration.ofMillis(500);

  private final CredentialResolver credentials;
  private final PayloadValidator validator;
  private final Scheduler scheduler;
  private final Duration rpcDeadline;
  private final Duration livenessInterval;
  private final Duration configMirrorGrace;

  /**
   * A factory whose ROADM and OCS drivers check liveness every {@link #DEFAULT_LIVENESS_INTERVAL}
   * and whose drivers keep a config mirror ({@link #DEFAULT_CONFIG_MIRROR_GRACE}).
   */
  public GnmiDriverFactory(
      CredentialResolver credentials,
      PayloadValidator validator,
      Scheduler scheduler,
      Duration rpcDeadline) {
    this(credentials, validator, scheduler, rpcDeadline, DEFAULT_LIVENESS_INTERVAL);
  }

  /**
   * @param livenessInterval how often a ROADM or OCS driver (no state stream) sends a Capabilities
   *     to keep its connection state current while idle; zero for never
   */
  public GnmiDriverFactory(
      CredentialResolver credentials,
      PayloadValidator validator,
      Scheduler scheduler,
      Duration rpcDeadline,
      Duration livenessInterval) {
    this(credentials, validator, scheduler, rpcDeadline, livenessInterval,
        DEFAULT_CONFIG_MIRROR_GRACE);
  }

  /**
   * @param configMirrorGrace zero for drivers that read priors and verify with Gets on every
   *     change; otherwise each driver keeps a config mirror fed by the device's stream ({@link
   *     GnmiDeviceDriver#startConfigMirror}) and waits this long for a change to show in it
   */
  public GnmiDriverFactory(
      CredentialResolver credentials,
      PayloadValidator validator,
      Scheduler scheduler,
      Duration rpcDeadline,
      Duration livenessInterval,
      Duration configMirrorGrace) {
    if (configMirrorGrace.isNegative()) {
      throw new IllegalArgumentException("configMirrorGrace must not be negative: " + configMirrorGrace);
    }
    if (livenessInterval.isNegative()) {
      throw new IllegalArgumentException("livenessInterval must not be negative: " + livenessInterval);
    }
    this.credentials = credentials;
    this.validator = validator;
    this.scheduler = scheduler;
    this.rpcDeadline = rpcDeadline;
    this.livenessInterval = livenessInterval;
    this.configMirrorGrace = configMirrorGrace;
  }

  @Override
  public DeviceDriver create(ManagedDevice device) {
    if (device.protocol() != ManagedDevice.Protocol.GNMI) {
      throw new IllegalArgumentException(
          "device " + device.id() + ": protocol " + device.protocol() + " has no driver");
    }
    GnmiDeviceType type = switch (device.role()) {
      case TRANSPONDER -> GnmiDeviceType.TRANSPONDER;
      case ROADM -> GnmiDeviceType.ROADM;
      case OCS -> GnmiDeviceType.OPTICAL_SWITCH;
      case AMPLIFIER -> throw new IllegalArgumentException(
          "device " + device.id() + ": amplifiers are not configured by the provisioner");
    };
    HostPort hp = HostPort.parse(device.id(), device.address());
    Optional<GnmiCredentials> creds = credentials.resolve(device.credentialRef());
    GnmiDeviceConfig config = new GnmiDeviceConfig(device.id(), type, hp.host(), hp.port(),
        transport(device), creds, rpcDeadline, BackoffPolicy.DEFAULT,
        device.target() == null ? "" : device.target());
    GnmiDeviceDriver driver = new GnmiDeviceDriver(config, validator, scheduler);
    if (type != GnmiDeviceType.TRANSPONDER && !livenessInterval.isZero()) {
      // transponders report through their state stream; the others would show CONNECTED until
      // next used
      driver.startLivenessChecks(livenessInterval);
    }
    if (!configMirrorGrace.isZero()) {
      // Changes read the device with Gets until the mirror's first sync; nothing waits for it here.
      driver.startConfigMirror(configMirrorGrace);
    }
    return driver;
  }

  private static GnmiTransport transport(ManagedDevice device) {
    ManagedDevice.Tls tls = device.tls();
    if (tls != null && tls.insecurePlaintext()) {
      return new GnmiTransport.PlaintextForLabOnly();
    }
    Optional<byte[]> ca = Optional.empty();
    Optional<String> override = Optional.empty();
    if (tls != null && !tls.caCertificateFile().isEmpty()) {
      try {
        ca = Optional.of(Files.readAllBytes(Path.of(tls.caCertificateFile())));
      } catch (IOException e) {
        throw new IllegalArgumentException("device " + device.id() + ": cannot read CA file "
            + tls.caCertificateFile() + ": " + e.getMessage(), e);
      }
    }
    if (tls != null && !tls.serverNameOverride().isEmpty()) {
      override = Optional.of(tls.serverNameOverride());
    }
    return new GnmiTransport.Tls(ca, override);
  }

  /** A parsed {@code host:port}. */
  record HostPort(String host, int port) {
    static HostPort parse(String deviceId, String address) {
      int colon = address == null ? -1 : address.lastIndexOf(':');
      if (colon <= 0 || colon == address.length() - 1) {
        throw new IllegalArgumentException(
            "device " + deviceId + ": address must be host:port, got '" + address + "'");
      }
      String host = address.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        return new HostPort(host, Integer.parseInt(address.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "device " + deviceId + ": port of address '" + address + "' is not a number", e);
      }
    }
  }
}
