package io.lightpath.southbound.gnmi;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff: the n-th consecutive retry (n = 0, 1, ...) waits
 * {@code min(initial * multiplier^n, max)}. Deterministic (no jitter), so tests can predict every delay; the
 * controller spreads reconnects of many devices by their different failure times.
 *
 * @param initial delay before the first retry; positive
 * @param max upper bound for every delay; at least {@code initial}
 * @param multiplier growth factor per retry; at least 1
 */
public record BackoffPolicy(Duration initial, Duration max, double multiplier) {

    /** 1 s, doubling, capped at 60 s. */
    public static final BackoffPolicy DEFAULT = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);

    public BackoffPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
        if (!(multiplier >= 1.0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
        }
    }

    /** Delay before retry number {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0: " + attempt);
        }
        double nanos = initial.toNanos() * Math.pow(multiplier, attempt);
        if (nanos >= max.toNanos() || Double.isInfinite(nanos)) {
            return max;
        }
        return Duration.ofNanos((long) nanos);
    }
}
