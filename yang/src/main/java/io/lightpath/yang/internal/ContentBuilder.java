package io.lightpath.yang.internal;

import io.lightpath.yang.NodeContent;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.Ordering;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.CollectionNodeBuilder;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodec;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ContainerEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Builds the yangtools node for a {@link NodeContent} at a resolved path, with the same schema
 * rules as {@link JsonTranscoder#decode} applies to the JSON_IETF form of the same value: member
 * names resolve as yangtools' JSON parser resolves unqualified names (the parent's module first,
 * else the only match), leaf values go through the same {@link JSONCodecFactory} codecs, list
 * entries take their identity from their key leaves, and the result passes the same identityref
 * base check. Skipping the text (render, tokenize, and yangtools' generic parser with its
 * per-member schema searches) is the point: a small Set's value costs a few map lookups per node.
 *
 * <p>Schema lookups are cached per data tree location ({@link Location}), so codecs of leafrefs,
 * whose target depends on where the leaf sits, are resolved at their own location. Choice/case
 * nodes are not supported (the bundled models have none under configurable nodes); content
 * reaching into one is rejected with a message saying so.
 */
final class ContentBuilder {
    private final EffectiveModelContext context;
    private final JSONCodecFactory codecs;
    private final PathResolver resolver;
    private final SchemaChecks checks;
    private final Location root = new Location(null, SchemaContext.NAME, null);

    ContentBuilder(EffectiveModelContext context, JSONCodecFactory codecs, PathResolver resolver,
            SchemaChecks checks) {
        this.context = context;
        this.codecs = codecs;
        this.resolver = resolver;
        this.checks = checks;
    }

    /**
     * The node {@code content} describes at {@code target}.
     *
     * @throws YangValidationException naming the first node of the content that the schema rejects
     */
    NormalizedNode build(ResolvedPath target, NodeContent content) {
        Location at = root;
        for (PathArgument arg : target.identifier().getPathArguments()) {
            if (!(arg instanceof NodeIdentifierWithPredicates)) {
                at = at.childOf(arg.getNodeType());
            }
        }
        NormalizedNode node;
        try {
            node = switch (target.kind()) {
                case ROOT, CONTAINER -> {
                    noValue(content);
                    yield container(at, content);
                }
                case LIST_ENTRY -> {
                    noValue(content);
                    yield entry(at, content, (NodeIdentifierWithPredicates) target.identifier().getLastPathArgument());
                }
                case LIST -> {
                    noValue(content);
                    if (!content.containers().isEmpty() || !content.leaves().isEmpty() || content.lists().size() > 1
                            || !content.lists().keySet().stream().allMatch(at::names)) {
                        throw new BuildError("a list value holds only entries of list '"
                                + at.qname.getLocalName() + "'");
                    }
                    Map<Map<String, String>, NodeContent> entries = content.lists().isEmpty() ? Map.of()
                            : content.lists().values().iterator().next();
                    yield list(at, entries);
                }
                case LEAF -> {
                    if (content.value() == null || !content.containers().isEmpty() || !content.lists().isEmpty()
                            || !content.leaves().isEmpty()) {
                        throw new BuildError("a leaf's value is a single value");
                    }
                    yield leaf(at, content.value());
                }
                case LEAF_LIST -> throw new BuildError("leaf-lists cannot be given as NodeContent; use JSON");
            };
        } catch (BuildError e) {
            // A whole list's path ends with the list; an entry's element replaces it.
            YangPath where = target.kind() == ResolvedPath.TargetKind.LIST && !e.where.isEmpty()
                    ? target.path().parent() : target.path();
            for (YangPath.Element element : e.where) {
                where = where.child(element);
            }
            throw new YangValidationException(where, e.getMessage());
        }
        checks.check(node, target.statement(), target.identifier());
        return node;
    }

    private static void noValue(NodeContent content) {
        if (content.value() != null) {
            throw new BuildError("a single value was given for a node that is not a leaf");
        }
    }

    private ContainerNode container(Location at, NodeContent content) {
        ContainerNode.Builder builder = ImmutableNodes.newContainerBuilder();
        builder.withNodeIdentifier(at.id);
        for (DataContainerChild child : children(at, content)) {
            builder.withChild(child);
        }
        return builder.build();
    }

    private List<DataContainerChild> children(Location at, NodeContent content) {
        List<DataContainerChild> out = new ArrayList<>(content.leaves().size() + content.containers().size()
                + content.lists().size());
        for (Map.Entry<String, String> leaf : content.leaves().entrySet()) {
            String name = leaf.getKey();
            try {
                out.add(leaf(at.child(name, Kind.LEAF), leaf.getValue()));
            } catch (BuildError e) {
                throw e.at(name, Map.of());
            }
        }
        for (Map.Entry<String, NodeContent> container : content.containers().entrySet()) {
            String name = container.getKey();
            try {
                NodeContent value = container.getValue();
                noValue(value);
                out.add(container(at.child(name, Kind.CONTAINER), value));
            } catch (BuildError e) {
                throw e.at(name, Map.of());
            }
        }
        for (Map.Entry<String, Map<Map<String, String>, NodeContent>> list : content.lists().entrySet()) {
            Location listAt;
            try {
                listAt = at.child(list.getKey(), Kind.LIST);
            } catch (BuildError e) {
                throw e.at(list.getKey(), Map.of());
            }
            out.add(list(listAt, list.getValue()));
        }
        return out;
    }

    private MapNode list(Location at, Map<Map<String, String>, NodeContent> entries) {
        CollectionNodeBuilder<MapEntryNode, ? extends MapNode> builder = at.userOrdered
                ? ImmutableNodes.newUserMapBuilder() : ImmutableNodes.newSystemMapBuilder();
        builder.withNodeIdentifier(at.id);
        Map<NodeIdentifierWithPredicates, Boolean> seen = entries.size() > 1 ? new HashMap<>() : null;
        for (Map.Entry<Map<String, String>, NodeContent> e : entries.entrySet()) {
            try {
                noValue(e.getValue());
                MapEntryNode entry = entry(at, e.getValue(), null);
                if (seen != null && seen.put(entry.name(), Boolean.TRUE) != null) {
                    throw new BuildError("two entries of list '" + at.qname.getLocalName() + "' have the keys "
                            + entry.name().asMap().values());
                }
                builder.withChild(entry);
            } catch (BuildError error) {
                throw error.at(at.qname.getLocalName(), e.getKey());
            }
        }
        return builder.build();
    }

    /**
     * An entry of list {@code at}; its keys are its key leaves, or for the entry a path names
     * ({@code pathKeys} not null), the path's keys where the content omits them (as
     * {@link JsonTranscoder#decode} adds them to a JSON value).
     */
    private MapEntryNode entry(Location at, NodeContent content, NodeIdentifierWithPredicates pathKeys) {
        List<DataContainerChild> children = children(at, content);
        Map<QName, Object> keys = new HashMap<>(at.keys.size() * 2);
        for (DataContainerChild child : children) {
            QName name = child.name().getNodeType();
            if (child instanceof LeafNode<?> leaf && at.keys.contains(name)) {
                keys.put(name, leaf.body());
            }
        }
        for (QName key : at.keys) {
            if (!keys.containsKey(key)) {
                Object fromPath = pathKeys == null ? null : pathKeys.getValue(key);
                if (fromPath == null) {
                    throw new BuildError("list entry lacks its key leaf '" + key.getLocalName() + "'");
                }
                keys.put(key, fromPath);
                children.add(ImmutableNodes.leafNode(key, fromPath));
            }
        }
        NodeIdentifierWithPredicates id = at.keys.size() == 1
                ? NodeIdentifierWithPredicates.of(at.qname, at.keys.get(0), keys.get(at.keys.get(0)))
                : NodeIdentifierWithPredicates.of(at.qname, orderedKeys(at, keys));
        if (pathKeys != null && !id.equals(pathKeys)) {
            throw new BuildError("keys in the value " + id.asMap() + " do not match the keys in the path "
                    + pathKeys.asMap());
        }
        MapEntryNode.Builder builder = ImmutableNodes.newMapEntryBuilder();
        builder.withNodeIdentifier(id);
        for (DataContainerChild child : children) {
            builder.withChild(child);
        }
        return builder.build();
    }

    private static Map<QName, Object> orderedKeys(Location at, Map<QName, Object> keys) {
        Map<QName, Object> ordered = new java.util.LinkedHashMap<>();
        for (QName key : at.keys) {
            ordered.put(key, keys.get(key));
        }
        return ordered;
    }

    private LeafNode<?> leaf(Location at, String text) {
        Object value;
        try {
            value = at.codec().parseValue(text);
        } catch (RuntimeException e) {
            throw new BuildError("invalid value '" + text + "' for leaf '" + at.qname.getLocalName() + "': "
                    + ErrorMessages.simplify(JsonTranscoder.rootMessage(e)));
        }
        return ImmutableNodes.leafNode(at.id, value);
    }

    private enum Kind {
        CONTAINER, LIST, LEAF, LEAF_LIST, OTHER;

        static Kind of(EffectiveStatement<?, ?> stmt) {
            if (stmt instanceof ContainerEffectiveStatement) {
                return CONTAINER;
            }
            if (stmt instanceof ListEffectiveStatement) {
                return LIST;
            }
            if (stmt instanceof LeafEffectiveStatement) {
                return LEAF;
            }
            if (stmt instanceof LeafListEffectiveStatement) {
                return LEAF_LIST;
            }
            return OTHER;
        }

        String noun() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One data tree node of the schema at one place in the tree (not shared between the places a
     * grouping is used), with what building its nodes needs, resolved once.
     */
    private final class Location {
        final Location parent;
        final QName qname;
        final NodeIdentifier id;
        /** The schema statement; null for the root. */
        final EffectiveStatement<?, ?> stmt;
        final Kind kind;
        /** Key leaves of a list, in key order; empty otherwise. */
        final List<QName> keys;
        final boolean userOrdered;
        private final Map<QName, Location> byQName = new ConcurrentHashMap<>();
        /** Resolved member names (bounded: names come from callers). */
        private final Map<String, Location> byName = new ConcurrentHashMap<>();
        private volatile JSONCodec<?> codec;

        Location(Location parent, QName qname, EffectiveStatement<?, ?> stmt) {
            this.parent = parent;
            this.qname = qname;
            this.id = NodeIdentifier.create(qname);
            this.stmt = stmt;
            this.kind = stmt == null ? Kind.CONTAINER : Kind.of(stmt);
            if (stmt instanceof ListEffectiveStatement list) {
                this.keys = List.copyOf(list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class)
                        .orElse(java.util.Set.of()));
                this.userOrdered = list.ordering() == Ordering.USER;
            } else {
                this.keys = List.of();
                this.userOrdered = false;
            }
        }

        /** True when member name {@code name} (local or module-qualified) means this node. */
        boolean names(String name) {
            int colon = name.indexOf(':');
            return colon < 0 ? name.equals(qname.getLocalName())
                    : name.substring(colon + 1).equals(qname.getLocalName())
                            && name.substring(0, colon).equals(resolver.moduleName(qname.getModule()));
        }

        /** The child at {@code q}, which the caller knows to exist (it came from a resolved path). */
        Location childOf(QName q) {
            Location child = byQName.get(q);
            if (child != null) {
                return child;
            }
            EffectiveStatement<?, ?> found = stmt == null
                    ? context.findModuleStatement(q.getModule()).flatMap(m -> m.findDataTreeNode(q)).orElse(null)
                    : stmt instanceof DataTreeAwareEffectiveStatement<?, ?> aware
                            ? aware.findDataTreeNode(q).orElse(null) : null;
            if (found == null) {
                throw new IllegalStateException("no data node " + q + " below " + qname);
            }
            return byQName.computeIfAbsent(q, k -> new Location(this, k, found));
        }

        /** The child member {@code name} names, which must be a {@code want}. */
        Location child(String name, Kind want) {
            Location child = byName.get(name);
            if (child == null) {
                child = childOf(resolve(name));
                if (byName.size() < 1024) {
                    byName.put(name, child);
                }
            }
            if (child.kind != want) {
                throw new BuildError("'" + name + "' is a " + child.kind.noun() + ", not a " + want.noun());
            }
            return child;
        }

        /**
         * As yangtools' JSON parser resolves a member name: a {@code module:} prefix picks the
         * module; an unqualified name means the child in this node's module if there is one, else
         * the only child of that name.
         */
        private QName resolve(String name) {
            int colon = name.indexOf(':');
            String module = colon < 0 ? null : name.substring(0, colon);
            String local = colon < 0 ? name : name.substring(colon + 1);
            Collection<? extends DataTreeEffectiveStatement<?>> children = children();
            List<QName> matches = new ArrayList<>(1);
            for (DataTreeEffectiveStatement<?> child : children) {
                QName q = child.argument();
                if (q.getLocalName().equals(local)
                        && (module == null || module.equals(resolver.moduleName(q.getModule())))) {
                    matches.add(q);
                }
            }
            QName match = null;
            if (matches.size() == 1) {
                match = matches.get(0);
            } else if (matches.size() > 1 && stmt != null) {
                match = matches.stream().filter(q -> q.getModule().equals(qname.getModule())).findFirst().orElse(null);
            }
            if (match == null && matches.isEmpty()) {
                String known = children.stream().map(c -> c.argument().getLocalName()).sorted()
                        .collect(Collectors.joining(", "));
                throw new BuildError("unknown node '" + name + "'; known here: [" + known + "]");
            }
            if (match == null) {
                throw new BuildError("'" + name + "' is ambiguous, qualify it with one of "
                        + matches.stream().map(q -> resolver.moduleName(q.getModule())).toList());
            }
            if (!inSchemaTree(match)) {
                throw new BuildError("'" + name + "' is inside a choice, which NodeContent does not support; use JSON");
            }
            return match;
        }

        private Collection<? extends DataTreeEffectiveStatement<?>> children() {
            if (stmt == null) {
                List<DataTreeEffectiveStatement<?>> all = new ArrayList<>();
                for (ModuleEffectiveStatement module : context.getModuleStatements().values()) {
                    all.addAll(module.dataTreeNodes());
                }
                return all;
            }
            return stmt instanceof DataTreeAwareEffectiveStatement<?, ?> aware ? aware.dataTreeNodes() : List.of();
        }

        /** False when {@code q} is a data node of this node only through a choice and case. */
        private boolean inSchemaTree(QName q) {
            if (stmt == null) {
                return context.findModuleStatement(q.getModule()).flatMap(m -> m.findSchemaTreeNode(q)).isPresent();
            }
            return stmt instanceof SchemaTreeAwareEffectiveStatement<?, ?> aware && aware.findSchemaTreeNode(q).isPresent();
        }

        /** The JSON codec of this leaf, resolved at this location (leafrefs depend on it). */
        JSONCodec<?> codec() {
            JSONCodec<?> c = codec;
            if (c == null) {
                Deque<QName> path = new ArrayDeque<>();
                for (Location l = this; l.parent != null; l = l.parent) {
                    path.addFirst(l.qname);
                }
                SchemaInferenceStack stack = SchemaInferenceStack.of(context);
                for (QName q : path) {
                    stack.enterDataTree(q);
                }
                c = codecs.codecFor((LeafSchemaNode) stmt, stack);
                codec = c;
            }
            return c;
        }
    }

    /**
     * A rejected member, with the path below the target to it (added while the error travels up,
     * so building valid content keeps no path).
     */
    private static final class BuildError extends RuntimeException {
        final Deque<YangPath.Element> where = new ArrayDeque<>();

        BuildError(String message) {
            super(message, null, false, false);
        }

        BuildError at(String name, Map<String, String> keys) {
            int colon = name.indexOf(':');
            where.addFirst(new YangPath.Element(colon < 0 ? null : name.substring(0, colon),
                    colon < 0 ? name : name.substring(colon + 1), keys));
            return this;
        }
    }
}
