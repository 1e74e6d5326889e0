package io.lightpath.southbound.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Applies several configuration changes of one device as <em>one</em> device transaction: priors read, one
 * atomic write (one gNMI SetRequest), one read-back of everything written, and one {@link AppliedChange} whose
 * {@link AppliedChange#revert()} undoes all of them in one atomic write. Either every change of the batch is
 * applied or none is.
 *
 * <p>Changes that would not change anything (deleting what is absent, writing the value already there) are left
 * out; a batch of only such changes sends nothing and returns a no-op change. Thread-safe; batches and other
 * changes of one device are serialised in call order.
 */
public interface ConfigBatch extends DeviceBehaviour {

    /**
     * Applies {@code changes} atomically.
     *
     * @param changes changes of kinds the device supports, touching pairwise distinct entries
     * @return the applied change; fails with {@link DeviceException.Kind#CONFLICT} when a precondition does not
     *     hold (nothing sent), {@link DeviceException.Kind#INVALID_REQUEST} for a change the device cannot take
     */
    CompletableFuture<AppliedChange> applyAll(List<ConfigChange> changes);

    /**
     * As {@link #applyAll(List)}, and reports when the device has <em>taken</em> the change: {@code acknowledged}
     * completes as soon as the device answered the write, before the change is read back and verified. A caller may
     * then start work on <em>other</em> devices that needs this change in place (the line must be set before a
     * transponder is lit), while the read-back runs. The returned future stays the outcome: a change is applied
     * only when it completes normally, and a caller that started dependent work must undo that work if it fails.
     *
     * <p>{@code acknowledged} always completes: normally once the write was answered (or when the batch ends
     * without having to write anything), exceptionally with the batch's failure if it fails before the device
     * answered a write. The default completes it with the returned future (no early acknowledgement).
     *
     * @param acknowledged completed by this call, never by the caller
     */
    default CompletableFuture<AppliedChange> applyAll(List<ConfigChange> changes, CompletableFuture<Void> acknowledged) {
        return applyAll(changes).whenComplete((change, error) -> settle(acknowledged, error));
    }

    /**
     * Completes an acknowledgement with a batch's final outcome: normally if {@code outcome} is null, else
     * exceptionally with it. Does nothing if it is already complete (the device answered the write earlier).
     */
    static void settle(CompletableFuture<Void> acknowledged, Throwable outcome) {
        if (outcome == null) {
            acknowledged.complete(null);
        } else {
            acknowledged.completeExceptionally(outcome);
        }
    }

    /**
     * A hint that {@link #applyAll} will soon be called with {@code changes}: the driver may read now what that call
     * will need (the priors), so the call itself waits for one round trip less. Changes nothing on the device; what
     * was read ahead is used only if this driver has written nothing to the device in between, else it is read
     * again. The default does nothing.
     *
     * @return completes when the read-ahead has finished (whatever its outcome; it never fails)
     */
    default CompletableFuture<Void> prefetch(List<ConfigChange> changes) {
        return CompletableFuture.completedFuture(null);
    }
}
