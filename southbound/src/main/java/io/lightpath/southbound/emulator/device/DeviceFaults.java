package io.lightpath.southbound.emulator.device;

import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected into one device's management plane. Thread-safe; all fields start cleared. */
public final class DeviceFaults {
  private volatile boolean down;
  private volatile long latencyMs;
  private final AtomicInteger failingSets = new AtomicInteger();
  private final AtomicInteger ignoredSets = new AtomicInteger();
  private volatile boolean malformedReplies;

  /** True while the device's gNMI target answers every call with UNAVAILABLE. */
  public boolean down() {
    return down;
  }

  void setDown(boolean down) {
    this.down = down;
  }

  /** Delay added before each gNMI reply, milliseconds. */
  public long latencyMs() {
    return latencyMs;
  }

  /** Sets the delay added before each gNMI reply, milliseconds (0 = none). */
  public void setLatencyMs(long latencyMs) {
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latency must be >= 0 ms, got " + latencyMs);
    }
    this.latencyMs = latencyMs;
  }

  /** Sets how many of the next Sets fail. */
  public void setFailingSets(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    failingSets.set(count);
  }

  /** Sets still to fail. */
  public int failingSets() {
    return failingSets.get();
  }

  /** Consumes one failing Set; true when this Set must fail. */
  public boolean takeFailingSet() {
    return failingSets.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /**
   * Sets how many of the next Sets are acknowledged without being applied: a device that loses a
   * change it accepted, which only a read-back after the Set detects.
   */
  public void setIgnoredSets(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    ignoredSets.set(count);
  }

  /** Consumes one ignored Set; true when this Set must be acknowledged but not applied. */
  public boolean takeIgnoredSet() {
    return ignoredSets.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /** True while Get returns invalid JSON. */
  public boolean malformedReplies() {
    return malformedReplies;
  }

  /** Turns malformed replies on or off. */
  public void setMalformedReplies(boolean enabled) {
    this.malformedReplies = enabled;
  }

  /** Clears every fault except down, which {@link EmulatedDevice#setDown} owns. */
  void clearSoft() {
    latencyMs = 0;
    failingSets.set(0);
    ignoredSets.set(0);
    malformedReplies = false;
  }
}
