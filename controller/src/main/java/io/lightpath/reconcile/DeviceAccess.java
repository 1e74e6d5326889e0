package io.lightpath.reconcile;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.util.concurrent.CompletableFuture;

/** Reads a device's controller-managed configuration and applies {@link Fix}es, through the driver SPI. */
final class DeviceAccess {
  private DeviceAccess() {}

  /** What the device has, by its role; an amplifier has nothing the controller manages. */
  static CompletableFuture<ActualConfig> read(DeviceDriver driver, ManagedDevice.Role role) {
    try {
      return switch (role) {
        case ROADM -> behaviour(driver, MediaChannelConfig.class).readMediaChannels().thenApply(ActualConfig::roadm);
        case OCS -> behaviour(driver, CrossConnectConfig.class).readCrossConnects().thenApply(ActualConfig::ocs);
        case TRANSPONDER -> behaviour(driver, TransponderConfig.class).readOpticalChannels()
            .thenApply(ActualConfig::transponder);
        case AMPLIFIER -> CompletableFuture.completedFuture(ActualConfig.ocs(java.util.List.of()));
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Applies one fix (each is one verified device transaction). */
  static CompletableFuture<Void> apply(DeviceDriver driver, Fix fix) {
    try {
      if (fix instanceof Fix.ConfigureMediaChannel f) {
        return behaviour(driver, MediaChannelConfig.class).configureMediaChannel(f.channel()).thenApply(c -> null);
      }
      if (fix instanceof Fix.RemoveMediaChannel f) {
        return behaviour(driver, MediaChannelConfig.class).removeMediaChannel(f.index()).thenApply(c -> null);
      }
      if (fix instanceof Fix.Connect f) {
        return behaviour(driver, CrossConnectConfig.class).connect(f.crossConnect()).thenApply(c -> null);
      }
      if (fix instanceof Fix.Disconnect f) {
        return behaviour(driver, CrossConnectConfig.class).disconnect(f.inputPort()).thenApply(c -> null);
      }
      Fix.ConfigureOpticalChannel f = (Fix.ConfigureOpticalChannel) fix;
      return behaviour(driver, TransponderConfig.class).configureOpticalChannel(f.config()).thenApply(c -> null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T extends DeviceBehaviour> T behaviour(DeviceDriver driver, Class<T> type) {
    return driver.behaviour(type).orElseThrow(() -> new DeviceException(driver.deviceId(),
        DeviceException.Kind.UNSUPPORTED, "driver offers no " + type.getSimpleName()));
  }
}
