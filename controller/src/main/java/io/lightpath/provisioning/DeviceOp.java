package io.lightpath.provisioning;

import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.OpticalChannelConfig;

/** One configuration item a channel needs on one device (the node the device realises). */
public sealed interface DeviceOp {

  /** Topology node the change is for. */
  String nodeId();

  /**
   * Tune and enable a transponder's line port (openconfig-terminal-device optical channel).
   *
   * @param config component = the line port id, frequency in MHz, power in dBm, operational mode
   */
  record TuneTransponder(String nodeId, OpticalChannelConfig config) implements DeviceOp {}

  /**
   * A unidirectional ROADM media channel from {@code sourcePort} to {@code destPort}.
   *
   * @param lowerFrequencyMhz lower slot edge, in MHz
   * @param upperFrequencyMhz upper slot edge, in MHz
   */
  record OpenMediaChannel(
      String nodeId, long lowerFrequencyMhz, long upperFrequencyMhz, String sourcePort, String destPort)
      implements DeviceOp {}

  /** An OCS cross-connect; the lightpath-optical-switch model passes light both ways through it. */
  record ConnectPorts(String nodeId, CrossConnect crossConnect) implements DeviceOp {}
}
