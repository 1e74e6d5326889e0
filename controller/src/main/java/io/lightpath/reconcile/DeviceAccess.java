package io.lightpath.reconcile;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a device's controller-managed configuration and applies corrections, through the driver
 * SPI. Corrections go through {@link ConfigBatch} when the driver offers it: one verified device
 * transaction per finding, whose preconditions (a media channel or cross-connect to remove must
 * still be the one that was read, a new media channel's index must still be free) make a device
 * that changed since it was read fail with CONFLICT instead of being overwritten. Drivers without
 * it get the same changes and checks one behaviour call at a time.
 */
final class DeviceAccess {
  private DeviceAccess() {}

  /** What the device has, by its role; an amplifier has nothing the controller manages. */
  static CompletableFuture<ActualConfig> read(DeviceDriver driver, ManagedDevice.Role role) {
    try {
      return switch (role) {
        case ROADM -> driver.require(MediaChannelConfig.class).readMediaChannels().thenApply(ActualConfig::roadm);
        case OCS -> driver.require(CrossConnectConfig.class).readCrossConnects().thenApply(ActualConfig::ocs);
        case TRANSPONDER -> driver.require(TransponderConfig.class).readOpticalChannels()
            .thenApply(ActualConfig::transponder);
        case AMPLIFIER -> CompletableFuture.completedFuture(ActualConfig.ocs(List.of()));
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Applies the changes of one finding, all or nothing where the driver allows it. */
  static CompletableFuture<Void> apply(DeviceDriver driver, List<ConfigChange> changes) {
    try {
      if (driver.behaviour(ConfigBatch.class).isPresent()) {
        return driver.behaviour(ConfigBatch.class).get().applyAll(changes).thenApply(c -> null);
      }
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (ConfigChange change : changes) {
        chain = chain.thenCompose(v -> applyOne(driver, change));
      }
      return chain;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<Void> applyOne(DeviceDriver driver, ConfigChange change) {
    if (change instanceof ConfigChange.TuneOpticalChannel t) {
      return driver.require(TransponderConfig.class).configureOpticalChannel(t.config()).thenApply(c -> null);
    }
    if (change instanceof ConfigChange.ResetOpticalChannel r) {
      // without a batch the frequency leaves cannot be removed: switch the laser off instead
      TransponderConfig tp = driver.require(TransponderConfig.class);
      return tp.readOpticalChannel(r.componentName()).thenCompose(c -> tp.configureOpticalChannel(
          new OpticalChannelConfig(c.componentName(), c.frequencyMhz(), c.targetOutputPowerDbm(),
              c.operationalMode(), false))).thenApply(c -> null);
    }
    if (change instanceof ConfigChange.PutMediaChannel p) {
      MediaChannelConfig roadm = driver.require(MediaChannelConfig.class);
      return roadm.readMediaChannels().thenCompose(existing -> {
        MediaChannel at = existing.stream().filter(m -> m.index() == p.channel().index()).findFirst().orElse(null);
        if (p.createOnly() && at != null) {
          return at.equals(p.channel()) ? CompletableFuture.completedFuture(null)
              : conflict(driver, "media channel " + p.channel().index() + " is taken");
        }
        return roadm.configureMediaChannel(p.channel()).thenApply(c -> null);
      });
    }
    if (change instanceof ConfigChange.RemoveMediaChannel r) {
      MediaChannelConfig roadm = driver.require(MediaChannelConfig.class);
      MediaChannel expected = r.expected();
      return roadm.readMediaChannels().thenCompose(existing -> {
        MediaChannel at = existing.stream().filter(m -> m.index() == expected.index()).findFirst().orElse(null);
        if (at == null) {
          return CompletableFuture.completedFuture(null);
        }
        if (at.lowerFrequencyMhz() != expected.lowerFrequencyMhz()
            || at.upperFrequencyMhz() != expected.upperFrequencyMhz()
            || !at.sourcePort().equals(expected.sourcePort()) || !at.destPort().equals(expected.destPort())) {
          return conflict(driver, "media channel " + expected.index() + " changed since it was read");
        }
        return roadm.removeMediaChannel(expected.index()).thenApply(c -> null);
      });
    }
    if (change instanceof ConfigChange.Connect c) {
      return driver.require(CrossConnectConfig.class).connect(c.crossConnect()).thenApply(x -> null);
    }
    ConfigChange.Disconnect d = (ConfigChange.Disconnect) change;
    CrossConnectConfig ocs = driver.require(CrossConnectConfig.class);
    CrossConnect expected = d.expected();
    return ocs.readCrossConnects().thenCompose(existing -> {
      CrossConnect at = existing.stream().filter(c -> c.inputPort().equals(expected.inputPort()))
          .findFirst().orElse(null);
      if (at == null) {
        return CompletableFuture.completedFuture(null);
      }
      if (!at.equals(expected)) {
        return conflict(driver, "cross-connect on " + expected.inputPort() + " changed since it was read");
      }
      return ocs.disconnect(expected.inputPort()).thenApply(x -> null);
    });
  }

  private static CompletableFuture<Void> conflict(DeviceDriver driver, String message) {
    return CompletableFuture.failedFuture(new DeviceException(driver.deviceId(), DeviceException.Kind.CONFLICT, message));
  }
}
