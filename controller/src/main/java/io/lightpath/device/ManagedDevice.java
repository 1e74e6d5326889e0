package io.lightpath.device;

import java.time.Instant;

/**
 * A device the controller manages, as the controller stores it. Holds a reference to where the
 * credentials are, never the credentials themselves.
 *
 * @param id device id (the "{id}" of "devices/{id}")
 * @param address management endpoint, host:port
 * @param protocol management protocol
 * @param role kind of equipment
 * @param nodeId topology node it realizes, or empty
 * @param target gNMI target name behind a shared endpoint, or empty
 * @param credentialRef "env:VAR" or "file:/path", or empty for none
 * @param tls TLS settings
 * @param createTime when it was registered
 */
public record ManagedDevice(
    String id,
    String address,
    Protocol protocol,
    Role role,
    String nodeId,
    String target,
    String credentialRef,
    Tls tls,
    Instant createTime) {

  /**
   * The topology node this device realizes: its {@code nodeId}, or without one the node of its own
   * id (as {@code DeviceDrivers.deviceFor} finds devices for nodes).
   */
  public String realizedNodeId() {
    return nodeId == null || nodeId.isEmpty() ? id : nodeId;
  }

  /** Management protocol. */
  public enum Protocol {
    GNMI,
    NETCONF
  }

  /** Kind of equipment. */
  public enum Role {
    TRANSPONDER,
    ROADM,
    OCS,
    AMPLIFIER
  }

  /**
   * TLS settings of a device session.
   *
   * @param insecurePlaintext no TLS at all (labs only)
   * @param caCertificateFile PEM CA file, or empty for the system trust store
   * @param serverNameOverride expected certificate host name, or empty
   */
  public record Tls(boolean insecurePlaintext, String caCertificateFile, String serverNameOverride) {}
}
