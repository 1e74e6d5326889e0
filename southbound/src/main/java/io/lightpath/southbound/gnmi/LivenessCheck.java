package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.DeviceException;
import java.time.Duration;

/**
 * Keeps the session state of a device without a state stream (ROADMs, optical switches) current while it is idle:
 * every {@code interval} one Capabilities, the cheapest gNMI RPC. Its answer or failure updates the session state
 * like any other call ({@link SessionState}): a device that disappeared is UNREACHABLE within one interval instead
 * of showing CONNECTED until it is next used.
 *
 * <p>While the device does not answer, the check runs after the {@link BackoffPolicy} delay of the number of
 * consecutive failures instead, with gRPC's own connect backoff reset and the Capabilities sent wait-for-ready
 * (bounded by the RPC deadline): gRPC's pick-first policy keeps failing fast-failing calls with the last error until
 * a reconnect has succeeded, so only a waiting call reliably sees the device come back. The first answer makes the
 * session CONNECTED again and returns to the normal interval.
 *
 * <p>Time comes from the injected {@link Scheduler}, so tests step it. At most one check is in flight or scheduled.
 * Thread-safe.
 */
final class LivenessCheck implements AutoCloseable {

    private final GnmiClient client;
    private final Scheduler scheduler;
    private final Duration interval;
    private final BackoffPolicy backoff;

    private boolean started;
    private boolean closed;
    private int failures;
    private Scheduler.Cancellable pending;

    LivenessCheck(GnmiClient client, Scheduler scheduler, Duration interval, BackoffPolicy backoff) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("liveness interval must be positive: " + interval);
        }
        this.client = client;
        this.scheduler = scheduler;
        this.interval = interval;
        this.backoff = backoff;
    }

    /** Schedules the first check one interval from now; later calls do nothing. */
    synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        pending = scheduler.schedule(this::check, interval);
    }

    private void check() {
        boolean recovering;
        synchronized (this) {
            pending = null;
            if (closed) {
                return;
            }
            recovering = failures > 0;
        }
        if (recovering) {
            client.resetConnectBackoff();
            client.session().reconnecting("liveness check, attempt " + failures);
        }
        (recovering ? client.probe() : client.capabilities()).whenComplete((caps, error) -> {
            synchronized (this) {
                if (closed) {
                    return;
                }
                Duration next;
                if (!unreachable(error)) {
                    failures = 0; // any answer, even a refusal, shows the device is there
                    next = interval;
                } else {
                    next = backoff.delay(Math.min(failures, 62));
                    failures++;
                }
                pending = scheduler.schedule(this::check, next);
            }
        });
    }

    private static boolean unreachable(Throwable error) {
        if (error == null) {
            return false;
        }
        DeviceException de = DeviceException.unwrap(error);
        return de == null || de.kind().isTransient() || de.kind() == DeviceException.Kind.UNAUTHENTICATED;
    }

    /** Consecutive failed checks (0 while the device answers). */
    synchronized int consecutiveFailures() {
        return failures;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
