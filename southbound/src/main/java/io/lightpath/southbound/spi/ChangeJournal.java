package io.lightpath.southbound.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ordered record of device changes made by one multi-device operation, rolled back in reverse order.
 *
 * <p>Usage: {@link #record(AppliedChange)} every change as it completes; on any failure call
 * {@link #rollback()}. Rollback reverts the most recent change first and waits for each revert before starting
 * the next, because later changes may depend on earlier ones (e.g. a transponder tuned after the ROADM channel
 * was opened). A revert that fails does not stop the rollback: the remaining changes are still reverted and the
 * failures are reported together.
 *
 * <p>Thread-safe.
 */
public final class ChangeJournal {

    private final List<AppliedChange> changes = new ArrayList<>();

    /** Appends a change that has been applied. */
    public synchronized void record(AppliedChange change) {
        changes.add(java.util.Objects.requireNonNull(change, "change"));
    }

    /** The recorded changes, oldest first. */
    public synchronized List<AppliedChange> changes() {
        return List.copyOf(changes);
    }

    /**
     * Reverts every recorded change, newest first, and clears the journal.
     *
     * @return completes normally when all reverts succeeded; otherwise completes exceptionally with a
     *     {@link RollbackException} listing the changes that could not be reverted
     */
    public CompletableFuture<Void> rollback() {
        List<AppliedChange> toRevert;
        synchronized (this) {
            toRevert = new ArrayList<>(changes);
            changes.clear();
        }
        List<RollbackException.Failure> failures = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = toRevert.size() - 1; i >= 0; i--) {
            AppliedChange change = toRevert.get(i);
            chain = chain.thenCompose(ignored -> {
                CompletableFuture<Void> revert;
                try {
                    revert = change.revert();
                } catch (RuntimeException e) {
                    revert = CompletableFuture.failedFuture(e);
                }
                return revert.handle((ok, err) -> {
                    if (err != null) {
                        synchronized (failures) {
                            failures.add(new RollbackException.Failure(change, err));
                        }
                    }
                    return null;
                });
            });
        }
        return chain.thenCompose(ignored -> {
            synchronized (failures) {
                return failures.isEmpty()
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(new RollbackException(failures));
            }
        });
    }
}
