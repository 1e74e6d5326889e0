package io.lightpath.provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Where a provision spends its time, per stage:
 *
 * <ul>
 *   <li>{@code lightpath_provisioning_stage_seconds{stage}}: {@code line} (ROADM media channels and
 *       OCS cross-connects, all devices), {@code transponders}, {@code verify} (carrier up at both
 *       ends), {@code rollback}; recorded whatever the outcome of the stage;
 *   <li>{@code lightpath_provisioning_seconds{outcome}}: the whole provision (success / failure);
 *   <li>{@code lightpath_provisioning_carrier_reads_total}: transponder state read directly from a
 *       device during verification (the event-driven path needs none; a growing count means the
 *       fallback poll or an untrusted stream is doing the work).
 * </ul>
 *
 * <p>Each timer publishes p50 and p99 (what {@code lightpath bench} prints). Time is the
 * registry's monotonic clock: these are measurements, never used for decisions.
 */
public final class ProvisioningMetrics {
  static final String STAGE_LINE = "line";
  static final String STAGE_TRANSPONDERS = "transponders";
  static final String STAGE_VERIFY = "verify";
  static final String STAGE_ROLLBACK = "rollback";

  private final MeterRegistry registry;
  private final Timer line;
  private final Timer transponders;
  private final Timer verify;
  private final Timer rollback;
  private final Timer succeeded;
  private final Timer failed;
  private final Counter carrierReads;

  public ProvisioningMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.line = stage(STAGE_LINE);
    this.transponders = stage(STAGE_TRANSPONDERS);
    this.verify = stage(STAGE_VERIFY);
    this.rollback = stage(STAGE_ROLLBACK);
    this.succeeded = total("success");
    this.failed = total("failure");
    this.carrierReads = Counter.builder("lightpath.provisioning.carrier.reads")
        .description("Transponder states read directly from the device while verifying a carrier")
        .register(registry);
  }

  /** Metrics kept in a private registry (tests, tools that do not export metrics). */
  public static ProvisioningMetrics unexported() {
    return new ProvisioningMetrics(new SimpleMeterRegistry());
  }

  private Timer stage(String name) {
    return Timer.builder("lightpath.provisioning.stage").tag("stage", name)
        .description("Time of one provisioning stage of one service")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  private Timer total(String outcome) {
    return Timer.builder("lightpath.provisioning").tag("outcome", outcome)
        .description("Time of one provision, from the lifecycle's call to its result")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  /** Starts timing one provision. */
  Span start() {
    return new Span(registry.config().clock().monotonicTime());
  }

  void carrierRead() {
    carrierReads.increment();
  }

  /** Timer of a stage by name (for reports such as the bench's). */
  public Timer stageTimer(String stage) {
    return switch (stage) {
      case STAGE_LINE -> line;
      case STAGE_TRANSPONDERS -> transponders;
      case STAGE_VERIFY -> verify;
      case STAGE_ROLLBACK -> rollback;
      default -> throw new IllegalArgumentException("no provisioning stage " + stage);
    };
  }

  /** The whole-provision timer of successful ({@code true}) or failed provisions. */
  public Timer provisionTimer(boolean success) {
    return success ? succeeded : failed;
  }

  public double carrierReads() {
    return carrierReads.count();
  }

  /** One provision being timed: each {@link #lap} records the time since the previous one. */
  final class Span {
    private final long startNanos;
    private long lapNanos;

    private Span(long startNanos) {
      this.startNanos = startNanos;
      this.lapNanos = startNanos;
    }

    synchronized void lap(String stage) {
      long now = registry.config().clock().monotonicTime();
      stageTimer(stage).record(now - lapNanos, TimeUnit.NANOSECONDS);
      lapNanos = now;
    }

    void end(boolean success) {
      provisionTimer(success).record(
          registry.config().clock().monotonicTime() - startNanos, TimeUnit.NANOSECONDS);
    }
  }
}
