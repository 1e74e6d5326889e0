package io.lightpath.yang.internal;

import io.lightpath.yang.YangValidationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Schema checks yangtools does not do while decoding: identityref values must derive from the
 * identityref's base (yangtools only checks that the identity exists, so
 * "openconfig-transport-types:PROT_OTN" would pass as a rate class), and, on request, a value
 * must hold no state ({@code config false}) nodes.
 */
final class SchemaChecks {
    private final EffectiveModelContext context;
    private final PathResolver resolver;
    private final Map<QName, IdentitySchemaNode> identities = new ConcurrentHashMap<>();

    SchemaChecks(EffectiveModelContext context, PathResolver resolver) {
        this.context = context;
        this.resolver = resolver;
        for (Module module : context.getModules()) {
            for (IdentitySchemaNode identity : module.getIdentities()) {
                identities.put(identity.getQName(), identity);
            }
        }
    }

    /**
     * @param stmt schema statement of {@code node}; {@code null} for the root container
     * @throws YangValidationException at the first leaf whose identity does not derive from its base
     */
    void check(NormalizedNode node, EffectiveStatement<?, ?> stmt, YangInstanceIdentifier at) {
        if (node instanceof LeafNode<?> leaf) {
            checkValue(leaf.body(), stmt, at);
        } else if (node instanceof LeafSetNode<?> set) {
            for (LeafSetEntryNode<?> entry : set.body()) {
                checkValue(entry.body(), stmt, at);
            }
        } else if (node instanceof MapNode map) {
            map.body().forEach(entry -> check(entry, stmt, at.node(entry.name())));
        } else if (node instanceof DistinctNodeContainer<?, ?> container) {
            for (NormalizedNode child : container.body()) {
                EffectiveStatement<?, ?> childStmt = childStatement(stmt, child.name().getNodeType());
                if (childStmt != null) {
                    check(child, childStmt, at.node(child.name()));
                }
            }
        }
    }

    /**
     * @param stmt schema statement of {@code node}; {@code null} for the root container
     * @throws YangValidationException at the first node that is state ({@code config false})
     */
    void checkConfigOnly(NormalizedNode node, EffectiveStatement<?, ?> stmt, YangInstanceIdentifier at) {
        if (stmt instanceof org.opendaylight.yangtools.yang.model.api.DataSchemaNode data && !data.effectiveConfig().orElse(Boolean.TRUE)) {
            throw new YangValidationException(resolver.toPath(at), "'" + data.getQName().getLocalName()
                    + "' is state (config false) and cannot be set");
        }
        if (node instanceof MapNode map) {
            map.body().forEach(entry -> checkConfigOnly(entry, stmt, at.node(entry.name())));
        } else if (node instanceof DistinctNodeContainer<?, ?> container && !(node instanceof LeafSetNode<?>)) {
            for (NormalizedNode child : container.body()) {
                EffectiveStatement<?, ?> childStmt = childStatement(stmt, child.name().getNodeType());
                if (childStmt != null) {
                    checkConfigOnly(child, childStmt, at.node(child.name()));
                }
            }
        }
    }

    private EffectiveStatement<?, ?> childStatement(EffectiveStatement<?, ?> stmt, QName q) {
        if (stmt == null) {
            return context.findModuleStatement(q.getModule()).flatMap(m -> m.findDataTreeNode(q)).orElse(null);
        }
        if (stmt instanceof DataTreeAwareEffectiveStatement<?, ?> aware) {
            return aware.findDataTreeNode(q).orElse(null);
        }
        return null;
    }

    private void checkValue(Object value, EffectiveStatement<?, ?> stmt, YangInstanceIdentifier at) {
        if (!(value instanceof QName identity) || !(stmt instanceof TypedDataSchemaNode typed)) {
            return;
        }
        List<IdentityrefTypeDefinition> refs = identityrefs(typed.getType());
        if (refs.isEmpty()) {
            return;
        }
        IdentitySchemaNode node = identities.get(identity);
        for (IdentityrefTypeDefinition ref : refs) {
            for (IdentitySchemaNode base : ref.getIdentities()) {
                if (node != null && derives(node, base.getQName())) {
                    return;
                }
            }
        }
        String bases = refs.stream().flatMap(r -> r.getIdentities().stream())
                .map(b -> resolver.moduleName(b.getQName().getModule()) + ":" + b.getQName().getLocalName())
                .collect(Collectors.joining(", "));
        throw new YangValidationException(resolver.toPath(at), "identity '"
                + resolver.moduleName(identity.getModule()) + ":" + identity.getLocalName()
                + "' is not derived from " + bases);
    }

    private static boolean derives(IdentitySchemaNode identity, QName base) {
        Deque<IdentitySchemaNode> todo = new ArrayDeque<>();
        Set<QName> seen = new HashSet<>();
        todo.add(identity);
        while (!todo.isEmpty()) {
            IdentitySchemaNode next = todo.poll();
            if (!seen.add(next.getQName())) {
                continue;
            }
            for (IdentitySchemaNode parent : next.getBaseIdentities()) {
                if (parent.getQName().equals(base)) {
                    return true;
                }
                todo.add(parent);
            }
        }
        return false;
    }

    private static List<IdentityrefTypeDefinition> identityrefs(TypeDefinition<?> type) {
        if (type instanceof IdentityrefTypeDefinition ref) {
            return List.of(ref);
        }
        if (type instanceof UnionTypeDefinition union) {
            return union.getTypes().stream().flatMap(t -> identityrefs(t).stream()).toList();
        }
        return List.of();
    }
}
