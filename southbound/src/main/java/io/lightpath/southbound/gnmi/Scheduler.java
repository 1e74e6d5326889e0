package io.lightpath.southbound.gnmi;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks after a delay. Injected so that tests control time instead of sleeping.
 */
public interface Scheduler {

    /** Handle of a scheduled task. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduler backed by a {@link ScheduledExecutorService} (which the caller owns and shuts down). */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
