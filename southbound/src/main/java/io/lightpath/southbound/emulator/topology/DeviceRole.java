package io.lightpath.southbound.emulator.topology;

/** What an emulated device is; decides its YANG model and how light passes through it. */
public enum DeviceRole {
  /** A coherent transponder: each port is a line port with one tunable optical channel. */
  TRANSPONDER,
  /** A ROADM (openconfig-wavelength-router): media channels pass a passband from port to port. */
  ROADM,
  /** An optical circuit switch (lightpath-optical-switch): cross-connects join two ports. */
  OCS
}
