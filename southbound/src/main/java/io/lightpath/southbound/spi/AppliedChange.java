package io.lightpath.southbound.spi;

import java.util.concurrent.CompletableFuture;

/**
 * A change that has been applied to one device and verified, together with its inverse.
 *
 * <p>The inverse is computed from the values read from the device immediately before the change, so
 * {@link #revert()} restores exactly the previous state of the touched subtrees (including deleting entries the
 * change created). Reverting is itself one atomic device operation with a deadline, and it is verified by reading
 * back. Thread-safe; reverting twice re-applies the same prior state, which is harmless.
 */
public interface AppliedChange {

    /** Device the change was applied to. */
    String deviceId();

    /** Human-readable summary of the change, for logs and journals (never contains credentials). */
    String description();

    /** Restores the state read before the change. */
    CompletableFuture<Void> revert();

    /** A change that did nothing and whose revert does nothing (e.g. deleting an absent entry). */
    static AppliedChange noOp(String deviceId, String description) {
        return new AppliedChange() {
            @Override
            public String deviceId() {
                return deviceId;
            }

            @Override
            public String description() {
                return description + " (no-op)";
            }

            @Override
            public CompletableFuture<Void> revert() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
