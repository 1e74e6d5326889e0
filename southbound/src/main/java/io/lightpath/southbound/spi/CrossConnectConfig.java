package io.lightpath.southbound.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sets cross-connects on an optical circuit switch (lightpath-optical-switch model).
 *
 * <p>Thread-safe. Changes follow the transaction contract of this package; a bulk change is still one atomic
 * device operation, so either every cross-connect of the batch is applied or none is.
 */
public interface CrossConnectConfig extends DeviceBehaviour {

    /** Connects {@code connect.inputPort()} to {@code connect.outputPort()}, replacing any previous output. */
    CompletableFuture<AppliedChange> connect(CrossConnect connect);

    /**
     * Applies every cross-connect of {@code connects} in one atomic operation.
     *
     * @param connects cross-connects with pairwise distinct input ports
     */
    CompletableFuture<AppliedChange> connectAll(List<CrossConnect> connects);

    /** Removes the cross-connect on {@code inputPort}; removing an absent one is a no-op change. */
    CompletableFuture<AppliedChange> disconnect(String inputPort);

    /** Reads all cross-connects, ordered by input port. */
    CompletableFuture<List<CrossConnect>> readCrossConnects();
}
