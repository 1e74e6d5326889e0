package io.lightpath.provisioning;

import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.ChangeJournal;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies or removes the {@link DeviceOp}s of one device through its driver: all ops of the device
 * in <em>one</em> {@link ConfigBatch} (one verified SetRequest, one journal entry whose revert is
 * one SetRequest). ROADM indexes and OCS cross-connects come from the {@link LineInventory}, not
 * from reading whole lists. Callers serialise calls per device ({@link DeviceLanes}).
 */
final class DeviceSteps {
  static final String OCS_STEP = "ocs-cross-connect";
  static final String ROADM_STEP = "roadm-media-channel";
  static final String TRANSPONDER_STEP = "transponder-optical-channel";

  private final LineInventory inventory;

  DeviceSteps(LineInventory inventory) {
    this.inventory = inventory;
  }

  /** Step name of a device's ops (a device has one role, so all its ops are of one type). */
  static String stepOf(List<DeviceOp> ops) {
    DeviceOp first = ops.get(0);
    if (first instanceof DeviceOp.TuneTransponder) {
      return TRANSPONDER_STEP;
    }
    return first instanceof DeviceOp.OpenMediaChannel ? ROADM_STEP : OCS_STEP;
  }

  /**
   * Applies the ops and records the applied change in {@code journal}.
   *
   * @param acknowledged completed (by this call) once the device has taken the change, before its
   *     read-back (see {@link ConfigBatch#applyAll(List, CompletableFuture)}); or with the outcome
   *     if that comes first
   */
  CompletableFuture<Void> apply(DeviceDriver driver, List<DeviceOp> ops, ChangeJournal journal,
      CompletableFuture<Void> acknowledged) {
    CompletableFuture<Void> done = switch (stepOf(ops)) {
      case TRANSPONDER_STEP -> batch(driver, tuneChanges(ops), acknowledged).thenAccept(journal::record);
      case ROADM_STEP -> withRetry(driver, line -> openMediaChannels(driver, ops, acknowledged), journal);
      default -> withRetry(driver, line -> connect(driver, ops, acknowledged), journal);
    };
    return done.whenComplete((v, t) -> ConfigBatch.settle(acknowledged, t));
  }

  /**
   * Lets the driver read ahead what {@link #apply} of the ops will need (their priors), so that
   * apply starts with its SetRequest: for every step while the reservation is stored ({@link
   * Provisioner#prepare}), and for transponders again during the line stage (a no-op if the first
   * read-ahead is still valid). See {@link ConfigBatch#prefetch}.
   *
   * @return completes when the read-ahead has finished, whatever its outcome (never fails)
   */
  CompletableFuture<Void> prefetch(DeviceDriver driver, List<DeviceOp> ops) {
    ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElse(null);
    if (batch == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> read = switch (stepOf(ops)) {
      case TRANSPONDER_STEP -> batch.prefetch(tuneChanges(ops));
      // Line steps: the changes apply would build from the inventory as it is now. If another
      // service takes those indexes first, apply builds other changes and reads their priors.
      case ROADM_STEP -> driver.behaviour(MediaChannelConfig.class)
          .map(roadm -> inventory.mediaChannels(driver.deviceId(), roadm)
              .thenCompose(known -> batch.prefetch(mediaChannelChanges(known, ops).changes())))
          .orElse(CompletableFuture.completedFuture(null));
      default -> driver.behaviour(CrossConnectConfig.class)
          .map(ocs -> inventory.crossConnects(driver.deviceId(), ocs)
              .thenCompose(known -> batch.prefetch(connects(missingCrossConnects(known, ops)))))
          .orElse(CompletableFuture.completedFuture(null));
    };
    return read.handle((v, t) -> null);
  }

  /**
   * Removes the ops' configuration; absent configuration is success.
   *
   * @param keepCrossConnect cross-connects other services still use (left in place)
   * @param acknowledged completed (by this call) once the device has taken the removal, before
   *     its read-back; or with the outcome if that comes first (as in {@link #apply})
   */
  CompletableFuture<Void> remove(DeviceDriver driver, List<DeviceOp> ops,
      Predicate<CrossConnect> keepCrossConnect, CompletableFuture<Void> acknowledged) {
    CompletableFuture<Void> done = switch (stepOf(ops)) {
      case TRANSPONDER_STEP -> batch(driver, ops.stream()
          .<ConfigChange>map(op -> new ConfigChange.ResetOpticalChannel(
              ((DeviceOp.TuneTransponder) op).config().componentName()))
          .toList(), acknowledged).thenApply(c -> null);
      case ROADM_STEP -> withRetry(driver, line -> removeMediaChannels(driver, ops, line), null);
      default -> withRetry(driver, line -> disconnect(driver, ops, keepCrossConnect, line), null);
    };
    return done.whenComplete((v, t) -> ConfigBatch.settle(acknowledged, t));
  }

  private static List<ConfigChange> tuneChanges(List<DeviceOp> ops) {
    List<ConfigChange> changes = new ArrayList<>();
    for (DeviceOp op : ops) {
      OpticalChannelConfig c = ((DeviceOp.TuneTransponder) op).config();
      changes.add(new ConfigChange.TuneOpticalChannel(new OpticalChannelConfig(c.componentName(),
          c.frequencyMhz(), c.targetOutputPowerDbm(), c.operationalMode(), true)));
    }
    return changes;
  }

  /**
   * Runs a line-device step against the inventory; on CONFLICT (the inventory was stale) reads the
   * device again and retries once. Any other failure also drops the device's inventory (the
   * outcome may be unknown). An applied change is recorded in {@code journal} (when given) wrapped
   * so that reverting it drops the inventory too.
   *
   * @param attempt takes whether this is the retry (then the inventory was just reloaded)
   */
  private CompletableFuture<Void> withRetry(DeviceDriver driver,
      Function<Boolean, CompletableFuture<AppliedChange>> attempt, ChangeJournal journal) {
    String id = driver.deviceId();
    return attempt.apply(false)
        .exceptionallyCompose(t -> {
          inventory.invalidate(id);
          DeviceException de = DeviceException.unwrap(t);
          return de != null && de.kind() == DeviceException.Kind.CONFLICT
              ? attempt.apply(true) : CompletableFuture.failedFuture(t);
        })
        .whenComplete((c, t) -> {
          if (t != null) {
            inventory.invalidate(id);
          }
        })
        .thenAccept(change -> {
          if (journal != null) {
            journal.record(new InvalidatingChange(change, () -> inventory.invalidate(id)));
          }
        });
  }

  private CompletableFuture<AppliedChange> openMediaChannels(DeviceDriver driver, List<DeviceOp> ops,
      CompletableFuture<Void> acknowledged) {
    MediaChannelConfig roadm = driver.require(MediaChannelConfig.class);
    return inventory.mediaChannels(driver.deviceId(), roadm).thenCompose(known -> {
      MediaChannelChanges planned = mediaChannelChanges(known, ops);
      return batch(driver, planned.changes(), acknowledged).thenApply(change -> {
        planned.added().forEach(known::add);
        return change;
      });
    });
  }

  /** The media channels a ROADM step adds, at the smallest indexes free in {@code known}. */
  private record MediaChannelChanges(List<ConfigChange> changes, List<MediaChannel> added) {}

  /**
   * Drops the ops already configured (a retried provision), each a lookup in the inventory's slot
   * index rather than a scan of the ROADM's channels (hundreds on a busy ROADM, and this runs for
   * the prior read and again for the Set), then fills the lowest gaps of the sorted indexes.
   */
  private static MediaChannelChanges mediaChannelChanges(LineInventory.RoadmChannels known,
      List<DeviceOp> ops) {
    List<DeviceOp.OpenMediaChannel> wanted = new ArrayList<>(ops.size());
    for (DeviceOp op : ops) {
      DeviceOp.OpenMediaChannel mc = (DeviceOp.OpenMediaChannel) op;
      // already there (a retried provision): leave it and do not own it
      if (!known.has(LineInventory.Slot.of(mc))) {
        wanted.add(mc);
      }
    }
    List<ConfigChange> changes = new ArrayList<>(wanted.size());
    List<MediaChannel> added = new ArrayList<>(wanted.size());
    Iterator<Integer> used = known.indexes().iterator();
    int usedIndex = used.hasNext() ? used.next() : Integer.MAX_VALUE;
    int next = 1;
    for (DeviceOp.OpenMediaChannel mc : wanted) {
      while (usedIndex <= next) {
        if (usedIndex == next) {
          next++;
        }
        usedIndex = used.hasNext() ? used.next() : Integer.MAX_VALUE;
      }
      MediaChannel channel = new MediaChannel(next++, mc.lowerFrequencyMhz(),
          mc.upperFrequencyMhz(), mc.sourcePort(), mc.destPort(), 0.0);
      changes.add(new ConfigChange.PutMediaChannel(channel, true));
      added.add(channel);
    }
    return new MediaChannelChanges(changes, added);
  }

  private CompletableFuture<AppliedChange> removeMediaChannels(
      DeviceDriver driver, List<DeviceOp> ops, boolean reloaded) {
    MediaChannelConfig roadm = driver.require(MediaChannelConfig.class);
    return inventory.mediaChannels(driver.deviceId(), roadm).thenCompose(known -> {
      // the ops' channels in index order, each once (two ops may ask for the same slot)
      NavigableMap<Integer, MediaChannel> byIndex = new TreeMap<>();
      for (DeviceOp op : ops) {
        LineInventory.Slot slot = LineInventory.Slot.of((DeviceOp.OpenMediaChannel) op);
        for (MediaChannel m : known.withSlot(slot)) {
          byIndex.put(m.index(), m);
        }
      }
      List<MediaChannel> ours = List.copyOf(byIndex.values());
      if (ours.isEmpty() && !reloaded) {
        // Nothing known to remove: make sure by reading the device once (idempotent deprovision,
        // or a channel made by someone else's retry that the inventory never saw).
        inventory.invalidate(driver.deviceId());
        return removeMediaChannels(driver, ops, true);
      }
      return batch(driver, ours.stream()
          .<ConfigChange>map(ConfigChange.RemoveMediaChannel::new).toList())
          .thenApply(change -> {
            ours.forEach(known::remove);
            return change;
          });
    });
  }

  private CompletableFuture<AppliedChange> connect(DeviceDriver driver, List<DeviceOp> ops,
      CompletableFuture<Void> acknowledged) {
    CrossConnectConfig ocs = driver.require(CrossConnectConfig.class);
    return inventory.crossConnects(driver.deviceId(), ocs).thenCompose(known -> {
      List<CrossConnect> missing = missingCrossConnects(known, ops);
      return batch(driver, connects(missing), acknowledged)
          .thenApply(change -> {
            missing.forEach(c -> known.put(c.inputPort(), c));
            return change;
          });
    });
  }

  /** The ops' cross-connects that no cross-connect in {@code known} joins already. */
  private static List<CrossConnect> missingCrossConnects(Map<String, CrossConnect> known,
      List<DeviceOp> ops) {
    List<CrossConnect> missing = new ArrayList<>();
    for (DeviceOp op : ops) {
      CrossConnect cc = ((DeviceOp.ConnectPorts) op).crossConnect();
      if (known.values().stream().noneMatch(e -> joins(e, cc))) {
        missing.add(cc);
      }
    }
    return missing;
  }

  private static List<ConfigChange> connects(List<CrossConnect> crossConnects) {
    return crossConnects.stream().<ConfigChange>map(ConfigChange.Connect::new).toList();
  }

  private CompletableFuture<AppliedChange> disconnect(DeviceDriver driver, List<DeviceOp> ops,
      Predicate<CrossConnect> keep, boolean reloaded) {
    CrossConnectConfig ocs = driver.require(CrossConnectConfig.class);
    return inventory.crossConnects(driver.deviceId(), ocs).thenCompose(known -> {
      List<CrossConnect> ours = new ArrayList<>();
      boolean anyJoined = false;
      for (CrossConnect e : known.values()) {
        for (DeviceOp op : ops) {
          CrossConnect cc = ((DeviceOp.ConnectPorts) op).crossConnect();
          if (joins(e, cc)) {
            anyJoined = true;
            if (!keep.test(cc)) {
              ours.add(e);
            }
            break;
          }
        }
      }
      if (!anyJoined && !reloaded) {
        inventory.invalidate(driver.deviceId());
        return disconnect(driver, ops, keep, true);
      }
      return batch(driver, ours.stream().<ConfigChange>map(ConfigChange.Disconnect::new).toList())
          .thenApply(change -> {
            ours.forEach(c -> known.remove(c.inputPort(), c));
            return change;
          });
    });
  }

  private static CompletableFuture<AppliedChange> batch(DeviceDriver driver, List<ConfigChange> changes) {
    return batch(driver, changes, new CompletableFuture<>());
  }

  /**
   * One {@link ConfigBatch}; {@code acknowledged} completes normally when the device has taken it.
   * A failed attempt leaves it alone: {@link #withRetry} may make another with the same future,
   * and {@link #apply} completes it with the final outcome.
   */
  private static CompletableFuture<AppliedChange> batch(DeviceDriver driver, List<ConfigChange> changes,
      CompletableFuture<Void> acknowledged) {
    if (changes.isEmpty()) {
      return CompletableFuture.completedFuture(AppliedChange.noOp(driver.deviceId(), "nothing to change"));
    }
    CompletableFuture<Void> attempt = new CompletableFuture<>();
    attempt.thenRun(() -> acknowledged.complete(null));
    return driver.require(ConfigBatch.class).applyAll(changes, attempt);
  }

  /** Whether two cross-connects join the same two ports (light passes both ways). */
  static boolean joins(CrossConnect a, CrossConnect b) {
    return (a.inputPort().equals(b.inputPort()) && a.outputPort().equals(b.outputPort()))
        || (a.inputPort().equals(b.outputPort()) && a.outputPort().equals(b.inputPort()));
  }


  /** A journal entry whose revert also drops the device's inventory (the revert changed it). */
  private record InvalidatingChange(AppliedChange change, Runnable invalidate)
      implements AppliedChange {
    @Override
    public String deviceId() {
      return change.deviceId();
    }

    @Override
    public String description() {
      return change.description();
    }

    @Override
    public CompletableFuture<Void> revert() {
      invalidate.run();
      return change.revert().whenComplete((v, t) -> invalidate.run());
    }

    @Override
    public String toString() {
      return change.toString();
    }
  }
}
