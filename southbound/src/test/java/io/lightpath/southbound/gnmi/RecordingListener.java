package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.StateEvent;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects subscription callbacks and lets a test wait (bounded) for them. */
final class RecordingListener implements StateListener {

    private final List<StateEvent> events = new ArrayList<>();
    private final List<DeviceException> disconnects = new ArrayList<>();
    private int syncs;

    @Override
    public synchronized void onEvent(StateEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onSynced() {
        syncs++;
        notifyAll();
    }

    @Override
    public synchronized void onDisconnected(DeviceException cause) {
        disconnects.add(cause);
        notifyAll();
    }

    synchronized List<StateEvent> events() {
        return List.copyOf(events);
    }

    synchronized int syncs() {
        return syncs;
    }

    synchronized List<DeviceException> disconnects() {
        return List.copyOf(disconnects);
    }

    synchronized void awaitSyncs(int count) throws InterruptedException {
        await(() -> syncs >= count, "sync #" + count);
    }

    /** Waits at most {@code timeout} for the given number of syncs; true if they arrived. */
    synchronized boolean awaitSyncs(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (syncs < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized void awaitDisconnects(int count) throws InterruptedException {
        await(() -> disconnects.size() >= count, "disconnect #" + count);
    }

    synchronized StateEvent awaitEvent(Predicate<StateEvent> match) throws InterruptedException {
        await(() -> events.stream().anyMatch(match), "matching event");
        return events.stream().filter(match).reduce((a, b) -> b).orElseThrow();
    }

    synchronized StateEvent awaitEvent(String resource, StateMetric metric, double value) throws InterruptedException {
        return awaitEvent(e -> e.resource().equals(resource) && e.metric() == metric && e.value() == value);
    }

    /** Waits for a matching event among those received after the first {@code from} events. */
    synchronized StateEvent awaitEventAfter(int from, String resource, StateMetric metric, double value)
            throws InterruptedException {
        java.util.function.Predicate<StateEvent> match =
                e -> e.resource().equals(resource) && e.metric() == metric && e.value() == value;
        await(() -> events.subList(from, events.size()).stream().anyMatch(match), metric + "=" + value + " after #" + from);
        return events.subList(from, events.size()).stream().filter(match).findFirst().orElseThrow();
    }

    private void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; events " + events + ", syncs " + syncs
                        + ", disconnects " + disconnects);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
