package io.lightpath.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so; thread-safe. */
public final class ManualClock extends Clock {

  private final AtomicLong millis;

  public ManualClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualClock is UTC only");
  }
}
