package io.lightpath.provisioning;

import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Waits until the transponders at both ends of every channel report the carrier (oper-status UP
 * and no loss of signal), or fails when the verification deadline passes.
 *
 * <p>Event-driven: the ends' state comes from {@link CarrierStates}, which the transponders'
 * ON_CHANGE subscriptions keep current, and every state event re-checks at once, so the carrier is
 * seen as soon as the device reports it. An end is read directly from the device only when its
 * device's stream is not up (or not yet synced), and as a fallback every {@code pollInterval}
 * while a reported value is still awaited (a value that did not change is not reported). Time
 * comes from the injected clock and scheduler, so tests run it in virtual time.
 */
final class CarrierVerifier {
  static final String STEP = "verify-carrier";

  private final Clock clock;
  private final Scheduler scheduler;
  private final ProvisioningConfig config;
  private final CarrierStates states;
  private final Runnable onDeviceRead;

  CarrierVerifier(Clock clock, Scheduler scheduler, ProvisioningConfig config, CarrierStates states) {
    this(clock, scheduler, config, states, () -> { });
  }

  /** @param onDeviceRead called for every state read directly from a device (a metric) */
  CarrierVerifier(Clock clock, Scheduler scheduler, ProvisioningConfig config, CarrierStates states,
      Runnable onDeviceRead) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.config = config;
    this.states = states;
    this.onDeviceRead = onDeviceRead;
  }

  /** One transponder line port to watch. */
  record End(String deviceId, DeviceDriver driver, String component) {}

  /**
   * Completes with one {@code true} per end once all are up; fails with a {@link StepFailure}
   * (VERIFICATION_FAILED) naming the first end that never came up.
   */
  CompletableFuture<List<Boolean>> verify(List<End> ends) {
    Wait wait = new Wait(ends, clock.instant().plus(config.verifyDeadline()));
    states.addListener(wait);
    wait.result.whenComplete((v, t) -> states.removeListener(wait));
    wait.check(false);
    return wait.result;
  }

  /** One verification: re-checks on every state event of its devices and on the fallback timer. */
  private final class Wait implements BiConsumer<String, String> {
    final List<End> ends;
    final Instant deadline;
    final CompletableFuture<List<Boolean>> result = new CompletableFuture<>();
    private boolean checking;
    private boolean again;
    private boolean againRead;
    private boolean timerSet;

    Wait(List<End> ends, Instant deadline) {
      this.ends = ends;
      this.deadline = deadline;
    }

    @Override
    public void accept(String deviceId, String component) {
      for (End e : ends) {
        if (e.deviceId().equals(deviceId) && (component == null || component.equals(e.component()))) {
          check(false);
          return;
        }
      }
    }

    /** Runs a check now, or right after the one in progress. */
    void check(boolean read) {
      synchronized (this) {
        if (result.isDone()) {
          return;
        }
        if (checking) {
          again = true;
          againRead |= read;
          return;
        }
        checking = true;
      }
      boolean forceRead = read || !clock.instant().isBefore(deadline);
      List<CompletableFuture<String>> reasons = new ArrayList<>();
      for (End end : ends) {
        reasons.add(reasonOf(end, forceRead));
      }
      CompletableFuture.allOf(reasons.toArray(CompletableFuture[]::new))
          .whenComplete((v, t) -> checked(reasons, forceRead));
    }

    private void checked(List<CompletableFuture<String>> reasons, boolean wasRead) {
      int firstDown = -1;
      for (int i = 0; i < reasons.size() && firstDown < 0; i++) {
        if (reasons.get(i).join() != null) {
          firstDown = i;
        }
      }
      boolean rerun;
      boolean rerunRead;
      synchronized (this) {
        checking = false;
        if (firstDown < 0) {
          result.complete(ends.stream().map(e -> Boolean.TRUE).toList());
          return;
        }
        if (wasRead && !clock.instant().isBefore(deadline)) {
          End end = ends.get(firstDown);
          result.completeExceptionally(new StepFailure(end.deviceId(), STEP,
              ProvisioningException.Kind.VERIFICATION_FAILED,
              "no carrier at " + end.deviceId() + " " + end.component() + " within "
                  + config.verifyDeadline() + ": " + reasons.get(firstDown).join(), null));
          return;
        }
        rerun = again;
        rerunRead = againRead;
        again = false;
        againRead = false;
        if (!timerSet) {
          timerSet = true;
          scheduler.schedule(() -> {
            synchronized (this) {
              timerSet = false;
            }
            check(true);
          }, config.pollInterval());
        }
      }
      if (rerun) {
        check(rerunRead);
      }
    }
  }

  /**
   * Completes with null when the carrier is up, else with why not (never exceptionally): from the
   * state cache when it has a current value and {@code read} is false, else read from the device.
   */
  private CompletableFuture<String> reasonOf(End end, boolean read) {
    if (!read) {
      Optional<CarrierStates.Carrier> cached = states.carrier(end.deviceId(), end.component());
      if (cached.isPresent()) {
        return CompletableFuture.completedFuture(cached.get().up() ? null : cached.get().detail());
      }
      if (states.trusted(end.deviceId())) {
        return CompletableFuture.completedFuture("awaiting the device's state report");
      }
    }
    OpticalStateReader reader = end.driver().behaviour(OpticalStateReader.class).orElse(null);
    if (reader == null) {
      return CompletableFuture.completedFuture("driver cannot read optical state");
    }
    onDeviceRead.run();
    return reader.readOpticalChannelState(end.component()).handle((s, t) -> {
      if (t != null) {
        DeviceException de = DeviceException.unwrap(t);
        return "state read failed: " + (de != null ? de.getMessage() : t.toString());
      }
      states.observed(end.deviceId(), s);
      return up(s) ? null : "oper-status " + s.operStatus() + (s.lossOfSignal() ? ", loss of signal" : "");
    });
  }

  private static boolean up(OpticalChannelState s) {
    return s.operStatus() == OperStatus.UP && !s.lossOfSignal();
  }
}
