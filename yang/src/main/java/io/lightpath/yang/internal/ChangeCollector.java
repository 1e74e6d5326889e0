package io.lightpath.yang.internal;

import io.lightpath.yang.DatastoreChange;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;

/** Turns a committed yangtools candidate into {@link DatastoreChange}s (see its granularity rules). */
public final class ChangeCollector {
    private ChangeCollector() {
    }

    public static List<DatastoreChange> collect(DataTreeCandidate candidate, PathResolver resolver) {
        List<DatastoreChange> out = new ArrayList<>();
        DataTreeCandidateNode root = candidate.getRootNode();
        for (DataTreeCandidateNode child : root.childNodes()) {
            walk(child, candidate.getRootPath().node(child.name()), resolver, out);
        }
        return List.copyOf(out);
    }

    private static void walk(DataTreeCandidateNode node, YangInstanceIdentifier id, PathResolver resolver,
            List<DatastoreChange> out) {
        NormalizedNode before = node.dataBefore();
        NormalizedNode after = node.dataAfter();
        switch (node.modificationType()) {
            case UNMODIFIED -> {
                return;
            }
            case DELETE, DISAPPEARED -> {
                if (before != null) {
                    out.add(new DatastoreChange(resolver.toPath(id), DatastoreChange.Kind.DELETED));
                }
                return;
            }
            default -> {
                // WRITE, APPEARED, SUBTREE_MODIFIED: handled below
            }
        }
        if (before == null && after != null) {
            out.add(new DatastoreChange(resolver.toPath(id), DatastoreChange.Kind.CREATED));
            return;
        }
        if (before != null && after == null) {
            out.add(new DatastoreChange(resolver.toPath(id), DatastoreChange.Kind.DELETED));
            return;
        }
        if (before == null || before.equals(after)) {
            return;
        }
        if (!(after instanceof DistinctNodeContainer<?, ?>)) {
            out.add(new DatastoreChange(resolver.toPath(id), DatastoreChange.Kind.UPDATED));
            return;
        }
        for (DataTreeCandidateNode child : node.childNodes()) {
            walk(child, id.node(child.name()), resolver, out);
        }
    }
}
