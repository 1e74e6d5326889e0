package io.lightpath.southbound.spi;

/**
 * Receives state events from a {@link StateSubscriber}.
 *
 * <p>Calls for one subscription are serialised (never concurrent) and come from a driver thread; a listener
 * must return quickly and must not block.
 */
public interface StateListener {

    /** A value changed or was sampled. */
    void onEvent(StateEvent event);

    /**
     * The device's initial state for this subscription has been delivered completely. Called again after every
     * reconnect, once the state has been re-sent.
     */
    default void onSynced() {
    }

    /**
     * The connection was lost; the driver keeps retrying with backoff. Called once per outage, however many
     * retries fail. Events resume (after a fresh initial state and {@link #onSynced()}) when it reconnects.
     */
    default void onDisconnected(DeviceException cause) {
    }
}
