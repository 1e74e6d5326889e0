package io.lightpath.yang;

import java.util.Objects;

/**
 * A payload or a datastore change does not satisfy the YANG schema: wrong type or range, unknown
 * node, missing list key, missing mandatory leaf, dangling leafref, duplicate unique value, or
 * a path that names no schema node.
 *
 * <p>{@link #path()} is the data path of the offending node as precisely as the check can tell
 * (the path of the whole operation when the check cannot be narrower); the message repeats it
 * so that logging the message alone is enough to find the problem.
 */
public final class YangValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient YangPath path;
    private final String reason;

    /**
     * @param path data path of the offending node
     * @param reason what is wrong, without the path (it is prepended)
     */
    public YangValidationException(YangPath path, String reason) {
        this(path, reason, null);
    }

    /**
     * @param path data path of the offending node
     * @param reason what is wrong, without the path (it is prepended)
     * @param cause the yangtools or JSON error behind it, if any
     */
    public YangValidationException(YangPath path, String reason, Throwable cause) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(reason, "reason"), cause);
        this.path = path;
        this.reason = reason;
    }

    /** The data path of the offending node. */
    public YangPath path() {
        return path;
    }

    /** The message without the path prefix. */
    public String reason() {
        return reason;
    }
}
