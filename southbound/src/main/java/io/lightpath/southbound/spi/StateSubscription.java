package io.lightpath.southbound.spi;

/**
 * Handle of a running state subscription. Thread-safe; {@link #close()} is idempotent.
 */
public interface StateSubscription extends AutoCloseable {

    /** Whether the subscription currently has a live stream to the device. */
    boolean connected();

    /** Stops the subscription, including any pending reconnect. No listener call starts after this returns. */
    @Override
    void close();
}
