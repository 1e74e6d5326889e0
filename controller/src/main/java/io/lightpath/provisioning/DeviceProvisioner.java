package io.lightpath.provisioning;

import io.lightpath.device.ManagedDevice;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.spi.ChangeJournal;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.DeviceDriver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Provisioner} over southbound drivers: maps channels to device changes
 * ({@link ChannelMapper}), applies OCS cross-connects and ROADM media channels in parallel across
 * devices, then the transponders (once every line device has acknowledged its change; the line's
 * read-back overlaps the transponder stage), then waits for the carrier ({@link CarrierVerifier});
 * on any failure, once every started step has settled, rolls the {@link ChangeJournal} back in
 * reverse order. See docs/provisioning.md.
 *
 * <p>Failpoints: {@code provision.after-device-<i>} after the i-th device step (0-based, line
 * stage devices first in route order, then transponders), {@code provision.before-verify} before
 * the carrier check. An {@code error} failpoint fails the provision (kind REJECTED) and rolls back.
 */
public final class DeviceProvisioner implements Provisioner {
  private static final Logger log = LoggerFactory.getLogger(DeviceProvisioner.class);

  private final Supplier<Topology> topology;
  private final DeviceDrivers drivers;
  private final ChannelMapper mapper;
  private final CarrierVerifier verifier;
  private final DeviceLanes lanes = new DeviceLanes();
  private final DeviceSteps steps = new DeviceSteps(new LineInventory());
  /** Services using each OCS cross-connect ("device|portA|portB", ports sorted); in memory only. */
  private final Map<String, Set<String>> crossConnectUsers = new ConcurrentHashMap<>();
  private final ProvisioningMetrics metrics;

  /** A provisioner whose metrics are not exported. */
  public DeviceProvisioner(Supplier<Topology> topology, DeviceDrivers drivers,
      ProvisioningConfig config, Clock clock, Scheduler scheduler) {
    this(topology, drivers, config, clock, scheduler, ProvisioningMetrics.unexported());
  }

  public DeviceProvisioner(Supplier<Topology> topology, DeviceDrivers drivers,
      ProvisioningConfig config, Clock clock, Scheduler scheduler, ProvisioningMetrics metrics) {
    this.topology = topology;
    this.drivers = drivers;
    this.mapper = new ChannelMapper(config);
    this.metrics = metrics;
    this.verifier = new CarrierVerifier(clock, scheduler, config, drivers.carrierStates(),
        metrics::carrierRead);
  }

  /** Per-stage timers of this provisioner. */
  public ProvisioningMetrics metrics() {
    return metrics;
  }

  @Override
  public CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels) {
    ProvisioningPlan plan;
    try {
      plan = mapper.plan(topology.get(), channels);
    } catch (ProvisioningException e) {
      return CompletableFuture.failedFuture(e);
    }
    ChangeJournal journal = new ChangeJournal();
    ProvisioningMetrics.Span span = metrics.start();
    Map<String, List<DeviceOp>> line = plan.lineStage();
    prefetch(plan.transponderStage()); // no-op for what prepare() already read ahead
    // The transponders are lit once every line device has taken its change, while the line's
    // read-back still runs: one round trip less before the carrier can come up. The service is
    // ACTIVE only after both stages are verified; a failed line read-back rolls back everything
    // applied, transponders included, like any other failure.
    AcknowledgedStage lineStage = runAcknowledgedStage(line, 0, (nodeId, driver, ops, acknowledged) ->
        steps.apply(driver, ops, journal, acknowledged));
    CompletableFuture<Void> lineDone = lineStage.done();
    CompletableFuture<Void> lineTaken = lineStage.taken()
        .whenComplete((v, t) -> span.lap(ProvisioningMetrics.STAGE_LINE));
    CompletableFuture<Void> transpondersDone = lineTaken.thenCompose(v ->
        runStage(plan.transponderStage(), line.size(), (nodeId, driver, ops) -> {
          // From here on, only what the transponder reports after this change verifies it.
          for (DeviceOp op : ops) {
            drivers.carrierStates().expectChange(driver.deviceId(),
                ((DeviceOp.TuneTransponder) op).config().componentName());
          }
          return steps.apply(driver, ops, journal, new CompletableFuture<>());
        }));
    CompletableFuture<List<Boolean>> done = bothSettled(lineDone, transpondersDone)
        .whenComplete((x, t) -> span.lap(ProvisioningMetrics.STAGE_TRANSPONDERS))
        .thenCompose(v -> {
          Failpoints.hit("provision.before-verify");
          return verifier.verify(ends(plan))
              .whenComplete((x, t) -> span.lap(ProvisioningMetrics.STAGE_VERIFY));
        });
    return done.handle((carrier, t) -> {
      if (t == null) {
        registerCrossConnects(serviceId, plan);
        span.end(true);
        // DEBUG: at hundreds of services a second an INFO line each is console I/O on the
        // provisioning path; the lifecycle logs the service's state change anyway.
        log.debug("service {}: provisioned {} channel(s), {} device change(s)",
            serviceId, channels.size(), journal.changes().size());
        List<Boolean> perChannel = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
          perChannel.add(carrier.get(2 * i) && carrier.get(2 * i + 1));
        }
        return CompletableFuture.completedFuture(new ProvisioningResult(perChannel));
      }
      // Stage failures are already attributed; anything else happened at the carrier check.
      return rollBack(serviceId, journal, StepFailure.of("", CarrierVerifier.STEP, t))
          .whenComplete((r, e) -> {
            span.lap(ProvisioningMetrics.STAGE_ROLLBACK);
            span.end(false);
          });
    }).thenCompose(f -> f);
  }

  /**
   * Completes when both have settled (so every applied change is in the journal before a rollback
   * starts), failing with {@code first}'s failure if it failed, else with {@code second}'s.
   */
  private static CompletableFuture<Void> bothSettled(
      CompletableFuture<Void> first, CompletableFuture<Void> second) {
    return first.handle((v, t) -> t).thenCombine(second.handle((v, t) -> t), (t1, t2) -> {
      Throwable t = t1 != null ? t1 : t2;
      if (t != null) {
        throw t instanceof CompletionException ce ? ce : new CompletionException(t);
      }
      return null;
    });
  }

  /**
   * Reads ahead the priors of every device transaction of the channels' plan (see {@link
   * DeviceSteps#prefetch}): the lifecycle calls this before it stores the reservation, so the reads
   * overlap that commit, and the line stage starts with its SetRequests.
   */
  @Override
  public CompletableFuture<Void> prepare(List<ComputedChannel> channels) {
    try {
      ProvisioningPlan plan = mapper.plan(topology.get(), channels);
      return CompletableFuture.allOf(prefetch(plan.lineStage()), prefetch(plan.transponderStage()));
    } catch (RuntimeException e) {
      // only a hint: provision() maps the channels again and reports what is wrong
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Reads ahead what the stage's transactions will need (see {@link DeviceSteps#prefetch}). */
  private CompletableFuture<Void> prefetch(Map<String, List<DeviceOp>> stage) {
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    stage.forEach((nodeId, ops) -> drivers.deviceFor(nodeId).ifPresent(device -> {
      try {
        reads.add(steps.prefetch(drivers.driverFor(device), ops));
      } catch (RuntimeException e) {
        // only a hint: the stage itself opens the driver again and reports the failure
      }
    }));
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<ProvisioningResult> rollBack(
      String serviceId, ChangeJournal journal, StepFailure failure) {
    int changes = journal.changes().size();
    return journal.rollback().handle((v, rb) -> {
      String message = failure.getMessage();
      if (rb != null) {
        message += "; rollback incomplete, reconciliation must finish it: "
            + StepFailure.unwrap(rb).getMessage();
      }
      log.warn("service {}: {} failed at {} ({}), {} change(s) {}: {}", serviceId, failure.step,
          failure.deviceId, failure.kind, changes, rb == null ? "rolled back" : "NOT all rolled back",
          message);
      throw new ProvisioningException(failure.deviceId, failure.step, failure.kind, rb == null,
          message, failure.getCause());
    });
  }

  @Override
  public CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels) {
    ProvisioningPlan plan;
    try {
      plan = mapper.plan(topology.get(), channels);
    } catch (ProvisioningException e) {
      return CompletableFuture.failedFuture(e);
    }
    releaseCrossConnects(serviceId, plan);
    // The line is cleared once every transponder has taken its reset (its laser is dark), while
    // the transponders' read-back still runs. A transponder that cannot be reached, or refuses,
    // acknowledges nothing, and the line then stays as it is for the retry.
    AcknowledgedStage transponders = runAcknowledgedStage(plan.transponderStage(), -1,
        (nodeId, driver, ops, acknowledged) -> steps.remove(driver, ops, cc -> false, acknowledged));
    CompletableFuture<Void> lineDone = transponders.taken().thenCompose(v ->
        runStage(plan.lineStage(), -1, (nodeId, driver, ops) -> steps.remove(
            driver, ops, cc -> isUsed(driver.deviceId(), cc), new CompletableFuture<>())));
    return bothSettled(transponders.done(), lineDone)
        .handle((v, t) -> {
          if (t == null) {
            return null;
          }
          StepFailure f = StepFailure.of("", "", t);
          throw new ProvisioningException(f.deviceId, f.step, f.kind, false,
              "deprovision of " + serviceId + " incomplete: " + f.getMessage(), f.getCause());
        });
  }

  /**
   * Runs {@code work} on the device's lane: after every provisioning or deprovisioning step
   * already queued on {@code deviceId} and before any queued later, so a read-modify-write of the
   * device's configuration (reconciliation) never interleaves with one of this provisioner's.
   */
  public <T> CompletableFuture<T> onDeviceLane(String deviceId, Supplier<CompletableFuture<T>> work) {
    return lanes.run(deviceId, work);
  }

  /** How one device's ops are carried out. */
  private interface DeviceWork {
    CompletableFuture<Void> run(String nodeId, DeviceDriver driver, List<DeviceOp> ops);
  }

  /** As {@link DeviceWork}, completing {@code acknowledged} once the device has taken the ops. */
  private interface AcknowledgedWork {
    CompletableFuture<Void> run(String nodeId, DeviceDriver driver, List<DeviceOp> ops,
        CompletableFuture<Void> acknowledged);
  }

  /**
   * A stage whose devices report when they have taken their change ({@code taken}: every device
   * has, or the first failure before that) apart from when the change is verified ({@code done},
   * as {@link #runStage}).
   */
  private record AcknowledgedStage(CompletableFuture<Void> done, CompletableFuture<Void> taken) {}

  private AcknowledgedStage runAcknowledgedStage(
      Map<String, List<DeviceOp>> stage, int firstIndex, AcknowledgedWork work) {
    Map<String, CompletableFuture<Void>> acknowledged = new HashMap<>();
    stage.keySet().forEach(nodeId -> acknowledged.put(nodeId, new CompletableFuture<>()));
    CompletableFuture<Void> done = runStage(stage, firstIndex, (nodeId, driver, ops) ->
        work.run(nodeId, driver, ops, acknowledged.get(nodeId)));
    // a device whose step failed before it started (no driver) acknowledges nothing: settle it
    done.whenComplete((v, t) -> acknowledged.values().forEach(a -> ConfigBatch.settle(a, t)));
    return new AcknowledgedStage(done,
        CompletableFuture.allOf(acknowledged.values().toArray(CompletableFuture[]::new)));
  }

  /**
   * Runs every device of a stage in parallel; completes when all have settled (so every applied
   * change is in the journal before a rollback starts), failing with the first failure in plan
   * order. {@code firstIndex} numbers the devices for failpoints (-1: no failpoints).
   */
  private CompletableFuture<Void> runStage(
      Map<String, List<DeviceOp>> stage, int firstIndex, DeviceWork work) {
    List<CompletableFuture<Void>> steps = new ArrayList<>();
    int i = firstIndex;
    for (Map.Entry<String, List<DeviceOp>> e : stage.entrySet()) {
      steps.add(runDevice(e.getKey(), e.getValue(), i, work));
      i = firstIndex < 0 ? -1 : i + 1;
    }
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).handle((v, t) -> {
      for (CompletableFuture<Void> s : steps) {
        if (s.isCompletedExceptionally()) {
          s.join(); // throws the first failure in plan order
        }
      }
      return null;
    });
  }

  private CompletableFuture<Void> runDevice(String nodeId, List<DeviceOp> ops, int index, DeviceWork work) {
    String step = DeviceSteps.stepOf(ops);
    ManagedDevice device = drivers.deviceFor(nodeId).orElse(null);
    if (device == null) {
      return CompletableFuture.failedFuture(new StepFailure(nodeId, step,
          ProvisioningException.Kind.UNREACHABLE, "no device is registered for node " + nodeId, null));
    }
    DeviceDriver driver;
    try {
      driver = drivers.driverFor(device);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new StepFailure(device.id(), step,
          ProvisioningException.Kind.UNREACHABLE, "cannot open a driver: " + e.getMessage(), e));
    }
    return lanes.run(device.id(), () -> work.run(nodeId, driver, ops))
        .thenRun(() -> {
          if (index >= 0) {
            Failpoints.hit("provision.after-device-" + index);
          }
        })
        .handle((v, t) -> {
          if (t != null) {
            throw StepFailure.of(device.id(), step, t);
          }
          return null;
        });
  }

  private List<CarrierVerifier.End> ends(ProvisioningPlan plan) {
    List<CarrierVerifier.End> ends = new ArrayList<>();
    for (ProvisioningPlan.ChannelEnds e : plan.ends()) {
      ends.add(end(e.aNodeId(), e.aComponent()));
      ends.add(end(e.zNodeId(), e.zComponent()));
    }
    return ends;
  }

  private CarrierVerifier.End end(String nodeId, String component) {
    // The transponder stage already resolved these, so the device and driver exist.
    ManagedDevice device = drivers.deviceFor(nodeId).orElseThrow();
    return new CarrierVerifier.End(device.id(), drivers.driverFor(device), component);
  }

  private void registerCrossConnects(String serviceId, ProvisioningPlan plan) {
    for (DeviceOp op : plan.ops()) {
      if (op instanceof DeviceOp.ConnectPorts cp) {
        crossConnectUsers.computeIfAbsent(key(deviceIdOf(cp.nodeId()), cp.crossConnect()),
            k -> ConcurrentHashMap.newKeySet()).add(serviceId);
      }
    }
  }

  private void releaseCrossConnects(String serviceId, ProvisioningPlan plan) {
    for (DeviceOp op : plan.ops()) {
      if (op instanceof DeviceOp.ConnectPorts cp) {
        crossConnectUsers.computeIfPresent(key(deviceIdOf(cp.nodeId()), cp.crossConnect()),
            (k, users) -> {
              users.remove(serviceId);
              return users.isEmpty() ? null : users;
            });
      }
    }
  }

  private boolean isUsed(String deviceId, CrossConnect cc) {
    return crossConnectUsers.containsKey(key(deviceId, cc));
  }

  private String deviceIdOf(String nodeId) {
    return drivers.deviceFor(nodeId).map(ManagedDevice::id).orElse(nodeId);
  }

  private static String key(String deviceId, CrossConnect cc) {
    String a = cc.inputPort();
    String b = cc.outputPort();
    return a.compareTo(b) < 0 ? deviceId + "|" + a + "|" + b : deviceId + "|" + b + "|" + a;
  }
}
