package io.lightpath.yang;

import java.util.Objects;

/**
 * One change reported to a {@link ConfigDatastore.ChangeListener}.
 *
 * <p>Granularity: a created or deleted subtree is reported once at its root; an existing node
 * that was replaced or merged is reported at the leaves (and leaf-lists) whose values changed,
 * plus any subtrees that appeared or disappeared beneath it. Writing a value equal to the current
 * one reports nothing.
 *
 * @param path data path of the changed node
 * @param kind what happened to it
 */
public record DatastoreChange(YangPath path, Kind kind) {

    /** What happened to a node. */
    public enum Kind {
        /** The node did not exist before the commit. */
        CREATED,
        /** The node existed before and after, with a different value. */
        UPDATED,
        /** The node existed before the commit and does not any more. */
        DELETED
    }

    public DatastoreChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
