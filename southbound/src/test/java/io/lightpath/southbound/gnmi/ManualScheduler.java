package io.lightpath.southbound.gnmi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} whose time only moves when the test calls {@link #advance(Duration)}. */
final class ManualScheduler implements Scheduler {

    private record Task(long dueNanos, Runnable action, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> requestedDelays = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nowNanos + delay.toNanos(), task, cancelled));
        requestedDelays.add(delay);
        notifyAll();
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves time forward and runs (on the calling thread) every task that became due. */
    void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            nowNanos += by.toNanos();
            tasks.sort(Comparator.comparingLong(Task::dueNanos));
            while (!tasks.isEmpty() && tasks.get(0).dueNanos() <= nowNanos) {
                Task t = tasks.remove(0);
                if (!t.cancelled()[0]) {
                    due.add(t);
                }
            }
        }
        due.forEach(t -> t.action().run());
    }

    /** Waits (real time, bounded) until {@code count} tasks have been scheduled in total. */
    synchronized void awaitScheduled(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requestedDelays.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " scheduled tasks, got " + requestedDelays);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
