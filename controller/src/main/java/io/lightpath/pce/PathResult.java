package io.lightpath.pce;

import java.util.List;

/** Outcome of a path computation: channels, or a typed failure. */
public sealed interface PathResult {

  /**
   * The computed channels and the resources they need.
   *
   * @param channels one channel, the working and protection pair, or a bundle's members
   * @param reservation what {@link PathComputer#reserve} must claim to hold them
   */
  record Success(List<ComputedChannel> channels, Reservation reservation) implements PathResult {
    public Success {
      channels = List.copyOf(channels);
    }
  }

  /**
   * Why nothing was found.
   *
   * @param reason the typed reason
   * @param message a sentence naming the limiting link or constraint
   * @param limitingElement id of the fiber, node or constraint that limited the result, or empty
   */
  record Failure(FailureReason reason, String message, String limitingElement)
      implements PathResult {}

  default boolean isSuccess() {
    return this instanceof Success;
  }
}
