package io.lightpath.southbound.emulator;

import io.lightpath.southbound.emulator.topology.DeviceRole;

/**
 * Where an emulated device's gNMI target answers.
 *
 * @param name device name
 * @param role device role
 * @param host host to dial, e.g. {@code 127.0.0.1}
 * @param port TCP port
 * @param target gNMI target name to put in {@code prefix.target} (the device name); required on a
 *     shared port, optional on a per-device port
 */
public record DeviceEndpoint(String name, DeviceRole role, String host, int port, String target) {
  /** {@code host:port}, for a gRPC channel target. */
  public String address() {
    return host + ":" + port;
  }
}
