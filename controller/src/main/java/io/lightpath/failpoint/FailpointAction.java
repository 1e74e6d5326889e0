package io.lightpath.failpoint;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an enabled failpoint does, and on which hits. Spec syntax: {@code ACTION[@FROM][*COUNT]}
 * where ACTION is {@code error}, {@code crash}, {@code sleep(MILLIS)} or {@code off}; {@code @FROM}
 * fires from the FROM-th hit on (1-based, default 1) and {@code *COUNT} fires at most COUNT times.
 * Examples: {@code crash}, {@code error*2}, {@code crash@5}, {@code sleep(250)}.
 */
public final class FailpointAction {

  /** The effect of a firing failpoint. */
  public enum Kind {
    /** Throw {@link FailpointException}. */
    ERROR,
    /** {@code Runtime.halt(137)}: no shutdown hooks, no flushing, like SIGKILL. */
    CRASH,
    /** Sleep, to widen race windows or simulate a slow device. */
    SLEEP,
    /** Do nothing (placeholder to switch a failpoint off in a spec). */
    OFF
  }

  /** Exit status of a crash, as a shell reports a process killed by SIGKILL (128 + 9). */
  public static final int CRASH_EXIT_STATUS = 137;

  private final Kind kind;
  private final Duration sleep;
  private final long fromHit;
  private final long maxFirings;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong firings = new AtomicLong();

  private FailpointAction(Kind kind, Duration sleep, long fromHit, long maxFirings) {
    this.kind = kind;
    this.sleep = sleep;
    this.fromHit = fromHit;
    this.maxFirings = maxFirings;
  }

  public static FailpointAction error() {
    return new FailpointAction(Kind.ERROR, Duration.ZERO, 1, Long.MAX_VALUE);
  }

  public static FailpointAction crash() {
    return new FailpointAction(Kind.CRASH, Duration.ZERO, 1, Long.MAX_VALUE);
  }

  public static FailpointAction sleep(Duration duration) {
    return new FailpointAction(Kind.SLEEP, duration, 1, Long.MAX_VALUE);
  }

  /** Parses {@code ACTION[@FROM][*COUNT]}; throws {@link IllegalArgumentException} on bad input. */
  public static FailpointAction parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    long maxFirings = Long.MAX_VALUE;
    int star = s.lastIndexOf('*');
    if (star >= 0) {
      maxFirings = parsePositive(s.substring(star + 1), spec);
      s = s.substring(0, star);
    }
    long fromHit = 1;
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      fromHit = parsePositive(s.substring(at + 1), spec);
      s = s.substring(0, at);
    }
    if (s.startsWith("sleep(") && s.endsWith(")")) {
      long millis = parsePositive(s.substring(6, s.length() - 1), spec);
      return new FailpointAction(Kind.SLEEP, Duration.ofMillis(millis), fromHit, maxFirings);
    }
    Kind kind =
        switch (s) {
          case "error" -> Kind.ERROR;
          case "crash" -> Kind.CRASH;
          case "off" -> Kind.OFF;
          default ->
              throw new IllegalArgumentException(
                  "bad failpoint action '"
                      + spec
                      + "': expected error, crash, sleep(MILLIS) or off, optionally @FROM and *COUNT");
        };
    return new FailpointAction(kind, Duration.ZERO, fromHit, maxFirings);
  }

  private static long parsePositive(String number, String spec) {
    try {
      long n = Long.parseLong(number.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole spec
    }
    throw new IllegalArgumentException("bad number '" + number + "' in failpoint action '" + spec + "'");
  }

  public Kind kind() {
    return kind;
  }

  /** How many times the failpoint was reached while this action was set. */
  public long hits() {
    return hits.get();
  }

  /** Counts a hit and performs the action if this hit is one that fires. */
  void trigger(String name) {
    long hit = hits.incrementAndGet();
    if (kind == Kind.OFF || hit < fromHit || firings.incrementAndGet() > maxFirings) {
      return;
    }
    switch (kind) {
      case ERROR -> throw new FailpointException(name);
      case CRASH -> {
        // Say why on stderr (unbuffered) so a test log explains the exit, then die like SIGKILL.
        System.err.println("failpoint " + name + " crashing the JVM (exit " + CRASH_EXIT_STATUS + ")");
        Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
      }
      case SLEEP -> {
        try {
          Thread.sleep(sleep.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      case OFF -> {}
    }
  }

  @Override
  public String toString() {
    String base = kind == Kind.SLEEP ? "sleep(" + sleep.toMillis() + ")" : kind.name().toLowerCase(Locale.ROOT);
    return base
        + (fromHit > 1 ? "@" + fromHit : "")
        + (maxFirings < Long.MAX_VALUE ? "*" + maxFirings : "");
  }
}
