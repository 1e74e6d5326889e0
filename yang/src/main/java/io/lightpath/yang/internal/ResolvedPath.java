package io.lightpath.yang.internal;

import io.lightpath.yang.YangPath;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * A {@link YangPath} bound to the schema.
 *
 * @param path the path as given by the caller
 * @param identifier the yangtools instance identifier of the target node
 * @param kind what the path addresses
 * @param qname the target node's name, {@code null} for the root
 * @param moduleName name of the target's module, {@code null} for the root
 * @param statement the target's schema statement, {@code null} for the root
 * @param parentStack inference stack positioned at the target's parent (empty for top-level nodes
 *     and the root); callers must {@link SchemaInferenceStack#copy() copy} it before moving it
 */
public record ResolvedPath(
        YangPath path,
        YangInstanceIdentifier identifier,
        TargetKind kind,
        QName qname,
        String moduleName,
        EffectiveStatement<?, ?> statement,
        SchemaInferenceStack parentStack) {

    /** What a path addresses. */
    public enum TargetKind {
        ROOT,
        CONTAINER,
        /** A whole list (no keys given). */
        LIST,
        /** One list entry (all keys given). */
        LIST_ENTRY,
        LEAF,
        LEAF_LIST
    }
}
