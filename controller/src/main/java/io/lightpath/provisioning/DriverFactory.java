package io.lightpath.provisioning;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.DeviceDriver;

/** Opens a driver for a managed device. Implementations must not log credentials. */
public interface DriverFactory {

  /**
   * Creates a driver (connections may be opened lazily).
   *
   * @throws IllegalArgumentException when the device's settings are unusable (bad address,
   *     unresolvable credential reference, unreadable CA file); the message names the setting, never
   *     a secret
   */
  DeviceDriver create(ManagedDevice device);
}
