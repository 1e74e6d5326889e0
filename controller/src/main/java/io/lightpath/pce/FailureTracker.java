package io.lightpath.pce;

import io.lightpath.pce.PathResult.Failure;
import java.util.function.Supplier;

/**
 * Keeps the most telling failure seen while trying candidates: the one that got furthest
 * (route → latency → OCS or transponder ports → QoT → spectrum). Among equals, the first
 * (shortest route) wins.
 */
final class FailureTracker {
  static final int LATENCY = 1;
  static final int OCS_PORT = 2;
  /** A transponder line port already in use: as far as an OCS port, short of QoT and spectrum. */
  static final int TRANSPONDER_PORT = 2;
  static final int QOT = 3;
  static final int SPECTRUM = 4;

  private int stage = -1;
  private FailureReason reason;
  private Supplier<String> message;
  private String element;

  /** Whether a failure at {@code atStage} would be kept (so callers build messages lazily). */
  boolean wants(int atStage) {
    return atStage > stage;
  }

  void offer(int atStage, FailureReason reason, String message, String element) {
    offer(atStage, reason, () -> message, element);
  }

  /**
   * As {@link #offer(int, FailureReason, String, String)}, formatting the message only if this
   * failure is the one reported: most computations succeed after some candidates failed, and
   * formatting those messages was most of the QoT check's time.
   */
  void offer(int atStage, FailureReason reason, Supplier<String> message, String element) {
    if (atStage > stage) {
      stage = atStage;
      this.reason = reason;
      this.message = message;
      this.element = element;
    }
  }

  Failure orElse(FailureReason reason, String message, String element) {
    return this.reason != null ? new Failure(this.reason, this.message.get(), this.element)
        : new Failure(reason, message, element);
  }
}
