package io.lightpath.yang.internal;

import com.google.common.base.VerifyException;
import io.lightpath.yang.YangPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.data.tree.leafref.LeafRefContext;
import org.opendaylight.yangtools.yang.data.tree.leafref.QNameWithPredicate;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.stmt.CaseEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ChoiceEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Checks leafrefs: each referencing leaf's value must be among the values found at its target's
 * schema path (predicates ignored, as yangtools does), or, for the OpenConfig key pattern
 * {@code ../config/name}, equal the target in its own list entry.
 *
 * <p>{@link #check} goes over a complete tree in one pass: target values are collected once per
 * target path, so it is linear in the tree size, where yangtools' whole-tree check recollects
 * them for every referencing leaf. {@link #checkChanges} checks only what a commit can have
 * broken, given that the tree before it was valid (see there).
 */
public final class LeafRefChecker {
    private final LeafRefContext rootContext;
    private final PathResolver resolver;
    private final Map<LeafRefContext, Optional<List<QName>>> siblingPaths = new ConcurrentHashMap<>();
    private final Map<LeafRefContext, List<QName>> absolutePaths = new ConcurrentHashMap<>();
    private final Map<Boolean, GlobalTargets> globalTargets = new ConcurrentHashMap<>();
    private final Set<QName> parentsOfChoices;

    public LeafRefChecker(LeafRefContext rootContext, PathResolver resolver) {
        this.rootContext = rootContext;
        this.resolver = resolver;
        this.parentsOfChoices = parentsOfChoices(resolver.contextOf());
    }

    /** One dangling leafref. */
    public record Problem(YangPath path, String text) {
    }

    /** All dangling leafrefs of {@code root} (the datastore's root container), in tree order. */
    public List<Problem> check(NormalizedNode root) {
        List<Problem> problems = new ArrayList<>();
        walk(root, rootContext, YangInstanceIdentifier.of(), new Targets(root, this), problems);
        return problems;
    }

    /**
     * The dangling leafrefs a commit introduces, checking only what it touched, on condition
     * that the tree before the commit had none; empty (not an empty list) when only {@link
     * #check} of the whole resulting tree can tell. A leafref can break in two ways: the
     * referencing leaf is new or changed (every referencing leaf in written subtrees, and every
     * referencing leaf child of a modified container, since a sibling-pattern target may have
     * changed below it, is checked against the resulting tree; target values found by key
     * lookup where the target is a list key), or a value it refers to disappears. For the latter,
     * the values of globally referenced leaves (targets of leafrefs other than sibling-pattern
     * ones that the datastore can hold: config ones only when {@code configOnly}) in each
     * replaced or deleted subtree before and after are compared; when one is gone from the whole
     * resulting tree, the answer is empty. Deleting an entry that only sibling-pattern or state
     * leafrefs point into (media channels, cross-connects) therefore stays incremental.
     */
    public Optional<List<Problem>> checkChanges(DataTreeCandidateNode root, boolean configOnly) {
        NormalizedNode after = root.dataAfter();
        if (after == null) {
            return Optional.of(List.of());
        }
        Targets targets = new Targets(after, this);
        try {
            if (root.modificationType() == ModificationType.WRITE
                    || removesReferencedValue(root, List.of(), globalTargets(configOnly), targets)) {
                return Optional.empty();
            }
            List<Problem> problems = new ArrayList<>();
            checkModified(root, rootContext, YangInstanceIdentifier.of(), targets, problems);
            return Optional.of(problems);
        } catch (VerifyException e) {
            // yangtools cannot describe some modifications node by node (a delete followed by
            // writes below the deleted node): the whole-tree check still can.
            return Optional.empty();
        }
    }

    /** Checks the referencing leaves a modified node can have broken; {@code ctx} is the node's. */
    private void checkModified(DataTreeCandidateNode node, LeafRefContext ctx, YangInstanceIdentifier at,
            Targets targets, List<Problem> problems) {
        NormalizedNode after = node.dataAfter();
        if (!(after instanceof DistinctNodeContainer<?, ?>)) {
            // Leaves are checked by their parent; deleted nodes reference nothing any more.
            return;
        }
        ModificationType type = node.modificationType();
        if (type == ModificationType.UNMODIFIED) {
            return;
        }
        if (after instanceof MapNode map) {
            if (type == ModificationType.SUBTREE_MODIFIED) {
                for (DataTreeCandidateNode entry : node.childNodes()) {
                    checkModified(entry, ctx, at.node(entry.name()), targets, problems);
                }
            } else {
                for (MapEntryNode entry : map.body()) {
                    walk(entry, ctx, at.node(entry.name()), targets, problems);
                }
            }
            return;
        }
        if (type != ModificationType.SUBTREE_MODIFIED) {
            walk(after, ctx, at, targets, problems);
            return;
        }
        checkLeafChildren(after, ctx, at, targets, problems);
        for (DataTreeCandidateNode child : node.childNodes()) {
            NormalizedNode data = child.dataAfter() != null ? child.dataAfter() : child.dataBefore();
            LeafRefContext childCtx = data instanceof ChoiceNode ? ctx
                    : ctx.getReferencingChildByName(child.name().getNodeType());
            if (childCtx != null) {
                checkModified(child, childCtx, at.node(child.name()), targets, problems);
            }
        }
    }

    /** Checks the referencing leaves (and leaf-lists) directly in {@code container} or its choices. */
    private void checkLeafChildren(NormalizedNode container, LeafRefContext ctx, YangInstanceIdentifier at,
            Targets targets, List<Problem> problems) {
        for (NormalizedNode child : ((DistinctNodeContainer<?, ?>) container).body()) {
            if (child instanceof ChoiceNode) {
                checkLeafChildren(child, ctx, at.node(child.name()), targets, problems);
            } else if (child instanceof LeafNode<?> || child instanceof LeafSetNode<?>) {
                LeafRefContext childCtx = ctx.getReferencingChildByName(child.name().getNodeType());
                if (childCtx != null && childCtx.isReferencing()) {
                    checkLeaf(container, child, childCtx, at.node(child.name()), targets, problems);
                }
            }
        }
    }

    /**
     * Whether a replaced or deleted subtree below {@code node} (at schema path {@code path}) held
     * a value of a globally referenced leaf that the resulting tree no longer holds anywhere.
     */
    private boolean removesReferencedValue(DataTreeCandidateNode node, List<QName> path, GlobalTargets global,
            Targets targets) {
        switch (node.modificationType()) {
            case UNMODIFIED, APPEARED -> {
                return false;
            }
            case SUBTREE_MODIFIED -> {
                for (DataTreeCandidateNode child : node.childNodes()) {
                    NormalizedNode data = child.dataAfter() != null ? child.dataAfter() : child.dataBefore();
                    List<QName> childPath = data instanceof ChoiceNode || data instanceof MapEntryNode ? path
                            : append(path, child.name().getNodeType());
                    if (global.prefixes().contains(childPath)
                            && removesReferencedValue(child, childPath, global, targets)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                // WRITE, DELETE, DISAPPEARED: compare the subtree's referenced values
                NormalizedNode before = node.dataBefore();
                if (before == null) {
                    return false;
                }
                Set<ReferencedValue> was = new HashSet<>();
                referencedValues(before, path, global, was);
                if (was.isEmpty()) {
                    return false;
                }
                Set<ReferencedValue> is = new HashSet<>();
                if (node.dataAfter() != null) {
                    referencedValues(node.dataAfter(), path, global, is);
                }
                for (ReferencedValue value : was) {
                    if (!is.contains(value) && !targets.contains(value.path(), value.value())
                            && referredTo(value, global, targets.root)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private record ReferencedValue(List<QName> path, Object value) {
    }

    /** Whether a leaf in {@code root} that refers to the target path of {@code value} holds its value. */
    private boolean referredTo(ReferencedValue value, GlobalTargets global, NormalizedNode root) {
        for (List<QName> referrer : global.referrers().getOrDefault(value.path(), List.of())) {
            if (holds(root, referrer, 0, value.value())) {
                return true;
            }
        }
        return false;
    }

    private static List<QName> append(List<QName> path, QName step) {
        List<QName> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step);
        return List.copyOf(out);
    }

    /** Collects the values of globally referenced leaves at or below {@code node} (at schema path {@code path}). */
    private static void referencedValues(NormalizedNode node, List<QName> path, GlobalTargets global,
            Set<ReferencedValue> out) {
        if (node instanceof LeafNode<?> leaf) {
            if (global.paths().contains(path)) {
                out.add(new ReferencedValue(path, leaf.body()));
            }
        } else if (node instanceof LeafSetNode<?> set) {
            if (global.paths().contains(path)) {
                set.body().forEach(e -> out.add(new ReferencedValue(path, e.body())));
            }
        } else if (node instanceof MapNode map) {
            map.body().forEach(entry -> referencedValues(entry, path, global, out));
        } else if (node instanceof DistinctNodeContainer<?, ?> container) {
            for (NormalizedNode child : container.body()) {
                List<QName> childPath = child instanceof ChoiceNode ? path : append(path, child.name().getNodeType());
                if (global.prefixes().contains(childPath)) {
                    referencedValues(child, childPath, global, out);
                }
            }
        }
    }

    /**
     * The absolute schema paths that leafrefs other than sibling-pattern ones ({@code
     * ../config/name}) refer to, all their prefixes, and for each the schema paths of the leaves
     * referring to it.
     */
    private record GlobalTargets(Set<List<QName>> paths, Set<List<QName>> prefixes,
            Map<List<QName>, List<List<QName>>> referrers) {
    }

    /** The global targets of the referencing leaves a datastore may hold (config ones only, or all). */
    private GlobalTargets globalTargets(boolean configOnly) {
        return globalTargets.computeIfAbsent(configOnly, c -> {
            Map<List<QName>, List<List<QName>>> referrers = new HashMap<>();
            collectGlobalTargets(rootContext, c, referrers);
            Set<List<QName>> prefixes = new HashSet<>();
            for (List<QName> p : referrers.keySet()) {
                for (int i = 0; i <= p.size(); i++) {
                    prefixes.add(List.copyOf(p.subList(0, i)));
                }
            }
            return new GlobalTargets(Set.copyOf(referrers.keySet()), Set.copyOf(prefixes), Map.copyOf(referrers));
        });
    }

    private void collectGlobalTargets(LeafRefContext ctx, boolean configOnly, Map<List<QName>, List<List<QName>>> out) {
        for (LeafRefContext child : ctx.getReferencingChilds().values()) {
            if (child.isReferencing() && siblingPath(child) == null && (!configOnly || isConfig(child))) {
                out.computeIfAbsent(absolutePath(child), p -> new ArrayList<>()).add(List.copyOf(child.getCurrentNodePath()));
            }
            collectGlobalTargets(child, configOnly, out);
        }
    }

    /** Whether the referencing leaf is configuration; true when that cannot be told (the safe side). */
    private boolean isConfig(LeafRefContext referencing) {
        try {
            SchemaInferenceStack stack = SchemaInferenceStack.of(resolver.contextOf());
            EffectiveStatement<?, ?> stmt = null;
            for (QName step : referencing.getCurrentNodePath()) {
                stmt = stack.enterDataTree(step);
            }
            return !(stmt instanceof DataSchemaNode node) || node.effectiveConfig().orElse(Boolean.TRUE);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private List<QName> absolutePath(LeafRefContext referencing) {
        return absolutePaths.computeIfAbsent(referencing, c -> {
            List<QName> steps = new ArrayList<>();
            for (QNameWithPredicate step : c.getAbsoluteLeafRefTargetPath().getPathFromRoot()) {
                steps.add(step.getQName());
            }
            return List.copyOf(steps);
        });
    }

    private void walk(NormalizedNode node, LeafRefContext ctx, YangInstanceIdentifier at, Targets targets,
            List<Problem> problems) {
        if (!(node instanceof DistinctNodeContainer<?, ?> container)) {
            return;
        }
        for (NormalizedNode child : container.body()) {
            YangInstanceIdentifier childAt = at.node(child.name());
            if (child instanceof ChoiceNode) {
                // Choices are not steps of leafref paths: look through them.
                walk(child, ctx, childAt, targets, problems);
                continue;
            }
            LeafRefContext childCtx = ctx.getReferencingChildByName(child.name().getNodeType());
            if (childCtx == null) {
                continue;
            }
            if (child instanceof MapNode map) {
                for (MapEntryNode entry : map.body()) {
                    walk(entry, childCtx, childAt.node(entry.name()), targets, problems);
                }
            } else if (child instanceof LeafNode<?> || child instanceof LeafSetNode<?>) {
                if (childCtx.isReferencing()) {
                    checkLeaf(node, child, childCtx, childAt, targets, problems);
                }
            } else {
                walk(child, childCtx, childAt, targets, problems);
            }
        }
    }

    /** Checks one referencing leaf or leaf-list {@code child} of {@code parent}. */
    private void checkLeaf(NormalizedNode parent, NormalizedNode child, LeafRefContext childCtx,
            YangInstanceIdentifier childAt, Targets targets, List<Problem> problems) {
        if (child instanceof LeafNode<?> leaf) {
            Set<Object> local = siblingTargets(childCtx, parent);
            if (local != null) {
                if (!local.contains(leaf.body())) {
                    YangPath path = resolver.toPath(childAt);
                    problems.add(new Problem(path, "leafref " + childCtx.getNodeName().getLocalName() + " = '"
                            + leaf.body() + "' at " + path + " does not match "
                            + childCtx.getLeafRefTargetPathString() + " (found: " + local + ")"));
                }
            } else {
                checkValue(leaf.body(), childCtx, childAt, targets, problems);
            }
        } else if (child instanceof LeafSetNode<?> set) {
            for (LeafSetEntryNode<?> entry : set.body()) {
                checkValue(entry.body(), childCtx, childAt.node(entry.name()), targets, problems);
            }
        }
    }

    /**
     * Values of a relative target that stays inside the leaf's parent ("../config/name", the
     * OpenConfig list key pattern), resolved in this instance rather than over the whole tree;
     * {@code null} for other paths.
     */
    private Set<Object> siblingTargets(LeafRefContext ctx, NormalizedNode parent) {
        List<QName> down = siblingPath(ctx);
        return down == null ? null : collect(parent, down);
    }

    /** The steps below the parent of a sibling-pattern leafref, or null for other leafrefs. */
    private List<QName> siblingPath(LeafRefContext ctx) {
        return siblingPaths.computeIfAbsent(ctx, LeafRefChecker::computeSiblingPath).orElse(null);
    }

    private static Optional<List<QName>> computeSiblingPath(LeafRefContext ctx) {
        if (ctx.getLeafRefTargetPath() == null || ctx.getLeafRefTargetPath().isAbsolute()) {
            return Optional.empty();
        }
        List<QName> down = new ArrayList<>();
        int ups = 0;
        for (QNameWithPredicate step : ctx.getLeafRefTargetPath().getPathFromRoot()) {
            if (step == QNameWithPredicate.UP_PARENT || step.equals(QNameWithPredicate.UP_PARENT)) {
                if (!down.isEmpty()) {
                    return Optional.empty();
                }
                ups++;
            } else {
                down.add(step.getQName());
            }
        }
        if (ups != 1 || down.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(down));
    }

    private void checkValue(Object value, LeafRefContext ctx, YangInstanceIdentifier at, Targets targets,
            List<Problem> problems) {
        List<QName> targetPath = absolutePath(ctx);
        // A quick "absent" (a key lookup) is confirmed against every value before it is reported.
        if (!targets.contains(targetPath, value) && !targets.all(targetPath).contains(value)) {
            Set<Object> allowed = targets.all(targetPath);
            YangPath path = resolver.toPath(at);
            String target = targetPath.stream().map(QName::getLocalName).collect(Collectors.joining("/", "/", ""));
            problems.add(new Problem(path, "leafref " + ctx.getNodeName().getLocalName() + " = '" + value + "' at "
                    + path + " refers to no existing " + target + " (existing: " + allowed + ")"));
        }
    }

    /**
     * The target values of one tree, collected once per target path and only when needed. A
     * target that is the only key of a list that no other list encloses, or the leaf that key
     * mirrors by a sibling-pattern leafref ({@code ../config/index}), is looked up by key instead.
     */
    private static final class Targets {
        private final NormalizedNode root;
        private final LeafRefChecker checker;
        private final Map<List<QName>, Set<Object>> collected = new HashMap<>();

        Targets(NormalizedNode root, LeafRefChecker checker) {
            this.root = root;
            this.checker = checker;
        }

        /**
         * Whether {@code value} is among the values at {@code path}. A key lookup may answer
         * "absent" for a mirror leaf on the assumption that every entry's mirror equals its key,
         * which holds in the tree before a commit and which the commit's own check enforces on
         * the entries it touched: callers that report an error confirm it with {@link #all}.
         */
        boolean contains(List<QName> path, Object value) {
            Set<Object> all = collected.get(path);
            if (all != null) {
                return all.contains(value);
            }
            Boolean found = byKey(path, value);
            return found != null ? found : all(path).contains(value);
        }

        Set<Object> all(List<QName> path) {
            return collected.computeIfAbsent(path, p -> checker.collect(root, p));
        }

        /** The answer of a key lookup, or null when the path does not allow one. */
        private Boolean byKey(List<QName> path, Object value) {
            NormalizedNode node = root;
            LeafRefContext ctx = checker.rootContext;
            for (int i = 0; i < path.size(); i++) {
                if (!(node instanceof DistinctNodeContainer<?, ?> container) || node instanceof MapNode) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                NormalizedNode child = ((DistinctNodeContainer<PathArgument, ?>) container)
                        .childByArg(NodeIdentifier.create(path.get(i)));
                if (child == null) {
                    return null;
                }
                ctx = ctx == null ? null : ctx.getReferencingChildByName(path.get(i));
                if (child instanceof MapNode map) {
                    return entryLookup(map, path.subList(i + 1, path.size()), ctx, value);
                }
                node = child;
            }
            return null;
        }

        private Boolean entryLookup(MapNode map, List<QName> rest, LeafRefContext listCtx, Object value) {
            if (rest.isEmpty() || map.isEmpty()) {
                return rest.isEmpty() ? null : Boolean.FALSE;
            }
            Set<QName> keys = map.body().iterator().next().name().keySet();
            if (keys.size() != 1) {
                return null;
            }
            QName key = keys.iterator().next();
            boolean isKey = rest.size() == 1 && rest.get(0).equals(key);
            LeafRefContext keyCtx = listCtx == null ? null : listCtx.getReferencingChildByName(key);
            boolean mirrorsKey = !isKey && keyCtx != null && keyCtx.isReferencing()
                    && rest.equals(checker.siblingPath(keyCtx));
            if (!isKey && !mirrorsKey) {
                return null;
            }
            MapEntryNode entry;
            try {
                entry = map.childByArg(NodeIdentifierWithPredicates.of(map.name().getNodeType(), key, value));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (entry == null) {
                return Boolean.FALSE;
            }
            return checker.holds(entry, rest, 0, value) ? Boolean.TRUE : null;
        }
    }

    private Set<Object> collect(NormalizedNode root, List<QName> path) {
        Set<Object> out = new LinkedHashSet<>();
        collect(root, path, 0, out);
        return out;
    }

    private void collect(NormalizedNode node, List<QName> path, int index, Set<Object> out) {
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
        NormalizedNode child = child(container, path.get(index));
        if (child != null) {
            collect(child, path, index + 1, out);
            return;
        }
        if (!mayHoldChoices(container)) {
            return;
        }
        for (NormalizedNode c : container.body()) {
            if (c instanceof ChoiceNode) {
                collect(c, path, index, out);
            }
        }
    }

    /** Whether a leaf (or leaf-list entry) at {@code path} below {@code node} holds {@code value}. */
    private boolean holds(NormalizedNode node, List<QName> path, int index, Object value) {
        // NodeIdentifier.create goes through a global cache: create each step's identifier once.
        List<NodeIdentifier> ids = new ArrayList<>(path.size());
        for (QName step : path) {
            ids.add(NodeIdentifier.create(step));
        }
        return holdsAt(node, ids, index, value);
    }

    private boolean holdsAt(NormalizedNode node, List<NodeIdentifier> path, int index, Object value) {
        if (index == path.size()) {
            if (node instanceof LeafNode<?> leaf) {
                return value.equals(leaf.body());
            }
            return node instanceof LeafSetNode<?> set && set.body().stream().anyMatch(e -> value.equals(e.body()));
        }
        if (node instanceof MapNode map) {
            for (MapEntryNode entry : map.body()) {
                if (holdsAt(entry, path, index, value)) {
                    return true;
                }
            }
            return false;
        }
        if (!(node instanceof DistinctNodeContainer<?, ?> container)) {
            return false;
        }
        @SuppressWarnings("unchecked")
        NormalizedNode child = ((DistinctNodeContainer<PathArgument, ?>) container).childByArg(path.get(index));
        if (child != null) {
            return holdsAt(child, path, index + 1, value);
        }
        if (!mayHoldChoices(container)) {
            return false;
        }
        for (NormalizedNode c : container.body()) {
            if (c instanceof ChoiceNode && holdsAt(c, path, index, value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a missing child may be inside a choice of {@code container}: only when a schema
     * node of its name has choices (looking for them in the data costs a scan of every child, for
     * each entry of a list being searched).
     */
    private boolean mayHoldChoices(DistinctNodeContainer<?, ?> container) {
        return parentsOfChoices.contains(container.name().getNodeType());
    }

    /** Names of the schema nodes (and choices) that have a choice among their children. */
    private static Set<QName> parentsOfChoices(EffectiveModelContext context) {
        Set<QName> out = new HashSet<>();
        for (ModuleEffectiveStatement module : context.getModuleStatements().values()) {
            scanChoices(module, SchemaContext.NAME, out);
        }
        return Set.copyOf(out);
    }

    private static void scanChoices(EffectiveStatement<?, ?> stmt, QName dataParent, Set<QName> out) {
        for (EffectiveStatement<?, ?> sub : stmt.effectiveSubstatements()) {
            if (sub instanceof ChoiceEffectiveStatement choice) {
                out.add(dataParent);
                scanChoices(choice, choice.argument(), out);
            } else if (sub instanceof CaseEffectiveStatement) {
                // A case's children sit directly in the choice's data node.
                scanChoices(sub, dataParent, out);
            } else if (sub instanceof DataTreeEffectiveStatement<?> node) {
                scanChoices(node, node.argument(), out);
            }
        }
    }

    /** The child named {@code step} (a container, leaf, leaf-list or whole list), or null. */
    @SuppressWarnings("unchecked")
    private static NormalizedNode child(DistinctNodeContainer<?, ?> container, QName step) {
        return ((DistinctNodeContainer<PathArgument, ?>) container).childByArg(NodeIdentifier.create(step));
    }
}
