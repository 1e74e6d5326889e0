package io.lightpath.provisioning;

import io.lightpath.southbound.spi.ChangeJournal;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Applies or removes the {@link DeviceOp}s of one device through its driver's behaviours. Every
 * applied change is recorded in the journal as soon as it completes, so a later failure rolls it
 * back. Callers serialise calls per device ({@link DeviceLanes}).
 */
final class DeviceSteps {
  static final String OCS_STEP = "ocs-cross-connect";
  static final String ROADM_STEP = "roadm-media-channel";
  static final String TRANSPONDER_STEP = "transponder-optical-channel";

  private DeviceSteps() {}

  /** Step name of a device's ops (a device has one role, so all its ops are of one type). */
  static String stepOf(List<DeviceOp> ops) {
    DeviceOp first = ops.get(0);
    if (first instanceof DeviceOp.TuneTransponder) {
      return TRANSPONDER_STEP;
    }
    return first instanceof DeviceOp.OpenMediaChannel ? ROADM_STEP : OCS_STEP;
  }

  static CompletableFuture<Void> apply(DeviceDriver driver, List<DeviceOp> ops, ChangeJournal journal) {
    return switch (stepOf(ops)) {
      case TRANSPONDER_STEP -> tune(driver, ops, journal, true);
      case ROADM_STEP -> openMediaChannels(driver, ops, journal);
      default -> connect(driver, ops, journal);
    };
  }

  /**
   * Removes the ops' configuration; absent configuration is success.
   *
   * @param keepCrossConnect cross-connects other services still use (left in place)
   */
  static CompletableFuture<Void> remove(
      DeviceDriver driver, List<DeviceOp> ops, Predicate<CrossConnect> keepCrossConnect) {
    return switch (stepOf(ops)) {
      // Laser off: the optical channel keeps its frequency, but the logical channel is DISABLED.
      case TRANSPONDER_STEP -> tune(driver, ops, new ChangeJournal(), false);
      case ROADM_STEP -> removeMediaChannels(driver, ops);
      default -> disconnect(driver, ops, keepCrossConnect);
    };
  }

  private static CompletableFuture<Void> tune(
      DeviceDriver driver, List<DeviceOp> ops, ChangeJournal journal, boolean enable) {
    TransponderConfig tp = behaviour(driver, TransponderConfig.class);
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (DeviceOp op : ops) {
      OpticalChannelConfig c = ((DeviceOp.TuneTransponder) op).config();
      OpticalChannelConfig wanted = new OpticalChannelConfig(c.componentName(), c.frequencyMhz(),
          c.targetOutputPowerDbm(), c.operationalMode(), enable);
      chain = chain.thenCompose(v -> tp.configureOpticalChannel(wanted)).thenAccept(journal::record);
    }
    return chain;
  }

  private static CompletableFuture<Void> openMediaChannels(
      DeviceDriver driver, List<DeviceOp> ops, ChangeJournal journal) {
    MediaChannelConfig roadm = behaviour(driver, MediaChannelConfig.class);
    return roadm.readMediaChannels().thenCompose(existing -> {
      Set<Integer> used = new HashSet<>();
      existing.forEach(m -> used.add(m.index()));
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      int next = 1;
      for (DeviceOp op : ops) {
        DeviceOp.OpenMediaChannel mc = (DeviceOp.OpenMediaChannel) op;
        if (existing.stream().anyMatch(m -> same(m, mc))) {
          continue; // already there (a retried provision): leave it and do not own it
        }
        while (used.contains(next)) {
          next++;
        }
        used.add(next);
        MediaChannel channel = new MediaChannel(next, mc.lowerFrequencyMhz(), mc.upperFrequencyMhz(),
            mc.sourcePort(), mc.destPort(), 0.0);
        chain = chain.thenCompose(v -> roadm.configureMediaChannel(channel)).thenAccept(journal::record);
      }
      return chain;
    });
  }

  private static CompletableFuture<Void> removeMediaChannels(DeviceDriver driver, List<DeviceOp> ops) {
    MediaChannelConfig roadm = behaviour(driver, MediaChannelConfig.class);
    return roadm.readMediaChannels().thenCompose(existing -> {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (MediaChannel m : existing) {
        if (ops.stream().anyMatch(op -> same(m, (DeviceOp.OpenMediaChannel) op))) {
          chain = chain.thenCompose(v -> roadm.removeMediaChannel(m.index())).thenApply(c -> null);
        }
      }
      return chain;
    });
  }

  private static CompletableFuture<Void> connect(
      DeviceDriver driver, List<DeviceOp> ops, ChangeJournal journal) {
    CrossConnectConfig ocs = behaviour(driver, CrossConnectConfig.class);
    return ocs.readCrossConnects().thenCompose(existing -> {
      List<CrossConnect> missing = new ArrayList<>();
      for (DeviceOp op : ops) {
        CrossConnect cc = ((DeviceOp.ConnectPorts) op).crossConnect();
        if (existing.stream().noneMatch(e -> joins(e, cc))) {
          missing.add(cc);
        }
      }
      if (missing.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      return ocs.connectAll(missing).thenAccept(journal::record);
    });
  }

  private static CompletableFuture<Void> disconnect(
      DeviceDriver driver, List<DeviceOp> ops, Predicate<CrossConnect> keep) {
    CrossConnectConfig ocs = behaviour(driver, CrossConnectConfig.class);
    return ocs.readCrossConnects().thenCompose(existing -> {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (CrossConnect e : existing) {
        boolean ours = ops.stream()
            .map(op -> ((DeviceOp.ConnectPorts) op).crossConnect())
            .anyMatch(cc -> joins(e, cc) && !keep.test(cc));
        if (ours) {
          chain = chain.thenCompose(v -> ocs.disconnect(e.inputPort())).thenApply(c -> null);
        }
      }
      return chain;
    });
  }

  /** Whether two cross-connects join the same two ports (light passes both ways). */
  static boolean joins(CrossConnect a, CrossConnect b) {
    return (a.inputPort().equals(b.inputPort()) && a.outputPort().equals(b.outputPort()))
        || (a.inputPort().equals(b.outputPort()) && a.outputPort().equals(b.inputPort()));
  }

  private static boolean same(MediaChannel m, DeviceOp.OpenMediaChannel op) {
    return m.lowerFrequencyMhz() == op.lowerFrequencyMhz()
        && m.upperFrequencyMhz() == op.upperFrequencyMhz()
        && m.sourcePort().equals(op.sourcePort())
        && m.destPort().equals(op.destPort());
  }

  private static <T extends DeviceBehaviour> T behaviour(DeviceDriver driver, Class<T> type) {
    return driver.behaviour(type).orElseThrow(() -> new DeviceException(driver.deviceId(),
        DeviceException.Kind.UNSUPPORTED, "driver offers no " + type.getSimpleName()));
  }
}
