package io.lightpath.southbound.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Configures media channels on a ROADM (openconfig-wavelength-router style devices).
 *
 * <p>Thread-safe. Changes follow the transaction contract of this package.
 */
public interface MediaChannelConfig extends DeviceBehaviour {

    /**
     * Creates or replaces the media channel with {@link MediaChannel#index()}.
     *
     * @return the applied change; reverting it restores the previous channel or deletes a new one
     */
    CompletableFuture<AppliedChange> configureMediaChannel(MediaChannel channel);

    /**
     * Deletes the media channel with this index. Deleting an absent channel is a no-op change.
     *
     * @return the applied change; reverting it re-creates the deleted channel
     */
    CompletableFuture<AppliedChange> removeMediaChannel(int index);

    /** Reads all configured media channels, ordered by index. */
    CompletableFuture<List<MediaChannel>> readMediaChannels();
}
