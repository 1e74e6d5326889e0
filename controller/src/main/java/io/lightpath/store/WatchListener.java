package io.lightpath.store;

/**
 * Receives the events of one watch. Calls for one watch are never concurrent and arrive in
 * revision order; a listener must not block for long because it delays later events of its watch.
 */
public interface WatchListener {

  /** One change; events of the same revision arrive in the order the transaction made them. */
  void onEvent(WatchEvent event);

  /**
   * The watch ended with an error (for example {@link CompactedException} when the start revision
   * was compacted); no further calls follow.
   */
  default void onError(StoreException error) {}
}
