package io.lightpath.yang.internal;

import io.lightpath.yang.YangPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.leafref.LeafRefContext;
import org.opendaylight.yangtools.yang.data.tree.leafref.QNameWithPredicate;

/**
 * Checks every leafref of a complete tree in one pass: each referencing leaf's value must be
 * among the values found at its target's schema path (predicates ignored, as yangtools does).
 * Target values are collected once per target path, so the check is linear in the tree size,
 * where yangtools' whole-tree check recollects them for every referencing leaf.
 */
public final class LeafRefChecker {
    private final LeafRefContext rootContext;
    private final PathResolver resolver;

    public LeafRefChecker(LeafRefContext rootContext, PathResolver resolver) {
        this.rootContext = rootContext;
        this.resolver = resolver;
    }

    /** One dangling leafref. */
    public record Problem(YangPath path, String text) {
    }

    /** All dangling leafrefs of {@code root} (the datastore's root container), in tree order. */
    public List<Problem> check(NormalizedNode root) {
        Map<List<QName>, Set<Object>> targets = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        walk(root, rootContext, YangInstanceIdentifier.of(), root, targets, problems);
        return problems;
    }

    private void walk(NormalizedNode node, LeafRefContext ctx, YangInstanceIdentifier at, NormalizedNode root,
            Map<List<QName>, Set<Object>> targets, List<Problem> problems) {
        if (!(node instanceof DistinctNodeContainer<?, ?> container)) {
            return;
        }
        for (NormalizedNode child : container.body()) {
            YangInstanceIdentifier childAt = at.node(child.name());
            if (child instanceof ChoiceNode) {
                // Choices are not steps of leafref paths: look through them.
                walk(child, ctx, childAt, root, targets, problems);
                continue;
            }
            LeafRefContext childCtx = ctx.getReferencingChildByName(child.name().getNodeType());
            if (childCtx == null) {
                continue;
            }
            if (child instanceof MapNode map) {
                for (MapEntryNode entry : map.body()) {
                    walk(entry, childCtx, childAt.node(entry.name()), root, targets, problems);
                }
            } else if (child instanceof LeafNode<?> leaf) {
                if (childCtx.isReferencing()) {
                    Set<Object> local = siblingTargets(childCtx, node);
                    if (local != null) {
                        if (!local.contains(leaf.body())) {
                            YangPath path = resolver.toPath(childAt);
                            problems.add(new Problem(path, "leafref " + childCtx.getNodeName().getLocalName() + " = '"
                                    + leaf.body() + "' at " + path + " does not match "
                                    + childCtx.getLeafRefTargetPathString() + " (found: " + local + ")"));
                        }
                    } else {
                        checkValue(leaf.body(), childCtx, childAt, root, targets, problems);
                    }
                }
            } else if (child instanceof LeafSetNode<?> set) {
                if (childCtx.isReferencing()) {
                    for (LeafSetEntryNode<?> entry : set.body()) {
                        checkValue(entry.body(), childCtx, childAt.node(entry.name()), root, targets, problems);
                    }
                }
            } else {
                walk(child, childCtx, childAt, root, targets, problems);
            }
        }
    }

    /**
     * Values of a relative target that stays inside the leaf's parent ("../config/name", the
     * OpenConfig list key pattern), resolved in this instance rather than over the whole tree;
     * {@code null} for other paths.
     */
    private static Set<Object> siblingTargets(LeafRefContext ctx, NormalizedNode parent) {
        if (ctx.getLeafRefTargetPath() == null || ctx.getLeafRefTargetPath().isAbsolute()) {
            return null;
        }
        List<QName> down = new ArrayList<>();
        int ups = 0;
        for (QNameWithPredicate step : ctx.getLeafRefTargetPath().getPathFromRoot()) {
            if (step == QNameWithPredicate.UP_PARENT || step.equals(QNameWithPredicate.UP_PARENT)) {
                if (!down.isEmpty()) {
                    return null;
                }
                ups++;
            } else {
                down.add(step.getQName());
            }
        }
        if (ups != 1 || down.isEmpty()) {
            return null;
        }
        return collect(parent, down);
    }

    private void checkValue(Object value, LeafRefContext ctx, YangInstanceIdentifier at, NormalizedNode root,
            Map<List<QName>, Set<Object>> targets, List<Problem> problems) {
        List<QName> targetPath = new ArrayList<>();
        for (QNameWithPredicate step : ctx.getAbsoluteLeafRefTargetPath().getPathFromRoot()) {
            targetPath.add(step.getQName());
        }
        Set<Object> allowed = targets.computeIfAbsent(targetPath, p -> collect(root, p));
        if (!allowed.contains(value)) {
            YangPath path = resolver.toPath(at);
            String target = targetPath.stream().map(QName::getLocalName).collect(Collectors.joining("/", "/", ""));
            problems.add(new Problem(path, "leafref " + ctx.getNodeName().getLocalName() + " = '" + value + "' at "
                    + path + " refers to no existing " + target + " (existing: " + allowed + ")"));
        }
    }

    private static Set<Object> collect(NormalizedNode root, List<QName> path) {
        Set<Object> out = new LinkedHashSet<>();
        collect(root, path, 0, out);
        return out;
    }

    private static void collect(NormalizedNode node, List<QName> path, int index, Set<Object> out) {
        if (index == path.size()) {
            if (node instanceof LeafNode<?> leaf) {
                out.add(leaf.body());
            } else if (node instanceof LeafSetNode<?> set) {
                set.body().forEach(e -> out.add(e.body()));
            }
            return;
        }
        if (node instanceof MapNode map) {
            // The list step was consumed by the parent: descend into every entry at the same index.
            map.body().forEach(entry -> collect(entry, path, index, out));
            return;
        }
        if (!(node instanceof DistinctNodeContainer<?, ?> container)) {
            return;
        }
        QName step = path.get(index);
        for (NormalizedNode child : container.body()) {
            if (child instanceof ChoiceNode) {
                collect(child, path, index, out);
            } else if (child.name().getNodeType().equals(step)) {
                collect(child, path, index + 1, out);
            }
        }
    }
}
