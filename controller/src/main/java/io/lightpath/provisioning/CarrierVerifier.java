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
import java.util.concurrent.CompletableFuture;

/**
 * Polls the transponders at both ends of every channel until each reports the carrier (oper-status
 * UP and no loss of signal) or the verification deadline passes. Time comes from the injected
 * clock and scheduler, so tests run it in virtual time.
 */
final class CarrierVerifier {
  static final String STEP = "verify-carrier";

  private final Clock clock;
  private final Scheduler scheduler;
  private final ProvisioningConfig config;

  CarrierVerifier(Clock clock, Scheduler scheduler, ProvisioningConfig config) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.config = config;
  }

  /** One transponder line port to watch. */
  record End(String deviceId, DeviceDriver driver, String component) {}

  /**
   * Completes with one {@code true} per end once all are up; fails with a {@link StepFailure}
   * (VERIFICATION_FAILED) naming the first end that never came up.
   */
  CompletableFuture<List<Boolean>> verify(List<End> ends) {
    CompletableFuture<List<Boolean>> result = new CompletableFuture<>();
    poll(ends, clock.instant().plus(config.verifyDeadline()), result);
    return result;
  }

  private void poll(List<End> ends, Instant deadline, CompletableFuture<List<Boolean>> result) {
    List<CompletableFuture<String>> reads = new ArrayList<>();
    for (End end : ends) {
      reads.add(read(end));
    }
    CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((v, t) -> {
      int firstDown = -1;
      for (int i = 0; i < reads.size() && firstDown < 0; i++) {
        if (reads.get(i).join() != null) {
          firstDown = i;
        }
      }
      if (firstDown < 0) {
        result.complete(ends.stream().map(e -> Boolean.TRUE).toList());
      } else if (!clock.instant().isBefore(deadline)) {
        End end = ends.get(firstDown);
        result.completeExceptionally(new StepFailure(end.deviceId(), STEP,
            ProvisioningException.Kind.VERIFICATION_FAILED,
            "no carrier at " + end.deviceId() + " " + end.component() + " within "
                + config.verifyDeadline() + ": " + reads.get(firstDown).join(), null));
      } else {
        scheduler.schedule(() -> poll(ends, deadline, result), config.pollInterval());
      }
    });
  }

  /** Completes with null when the carrier is up, else with why not (never exceptionally). */
  private static CompletableFuture<String> read(End end) {
    OpticalStateReader reader = end.driver().behaviour(OpticalStateReader.class).orElse(null);
    if (reader == null) {
      return CompletableFuture.completedFuture("driver cannot read optical state");
    }
    return reader.readOpticalChannelState(end.component()).handle((s, t) -> {
      if (t != null) {
        DeviceException de = DeviceException.unwrap(t);
        return "state read failed: " + (de != null ? de.getMessage() : t.toString());
      }
      return up(s) ? null : "oper-status " + s.operStatus() + (s.lossOfSignal() ? ", loss of signal" : "");
    });
  }

  private static boolean up(OpticalChannelState s) {
    return s.operStatus() == OperStatus.UP && !s.lossOfSignal();
  }
}
