package io.lightpath.southbound.spi;

import java.util.List;
import java.util.stream.Collectors;

/** Some changes of a {@link ChangeJournal} could not be reverted; the device state of those is unknown. */
public final class RollbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One change whose revert failed, and why. */
    public record Failure(AppliedChange change, Throwable cause) {
    }

    private final transient List<Failure> failures;

    public RollbackException(List<Failure> failures) {
        super(failures.size() + " change(s) could not be reverted: " + failures.stream()
                .map(f -> f.change().deviceId() + " [" + f.change().description() + "]: " + f.cause().getMessage())
                .collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
        failures.forEach(f -> addSuppressed(f.cause()));
    }

    /** The failed reverts, in the order they were attempted (newest change first). */
    public List<Failure> failures() {
        return failures;
    }
}
