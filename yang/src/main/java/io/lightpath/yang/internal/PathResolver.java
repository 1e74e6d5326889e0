package io.lightpath.yang.internal;

import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodec;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ContainerEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/** Binds {@link YangPath}s to schema nodes and yangtools identifiers, and back. */
public final class PathResolver {
    private final EffectiveModelContext context;
    private final JSONCodecFactory codecs;
    /**
     * Paths resolved so far (a resolution walks the schema and parses the key values; Sets
     * repeat the same paths). Results are immutable apart from their parent stack, which every
     * user copies before moving it.
     */
    private final Map<YangPath, ResolvedPath> resolved = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 8192;

    public EffectiveModelContext contextOf() {
        return context;
    }

    public PathResolver(EffectiveModelContext context, JSONCodecFactory codecs) {
        this.context = context;
        this.codecs = codecs;
    }

    /**
     * Resolves a path. Every element must name a data node; list elements either give all their
     * keys (an entry) or none (the whole list, only as the last element).
     *
     * @throws YangValidationException naming the first element that does not resolve
     */
    public ResolvedPath resolve(YangPath path) {
        ResolvedPath cached = resolved.get(path);
        if (cached != null) {
            return cached;
        }
        ResolvedPath result = resolveUncached(path);
        if (resolved.size() >= MAX_CACHED) {
            // Crude but bounded: paths name list entries, so their number is not.
            resolved.clear();
        }
        resolved.put(path, result);
        return result;
    }

    private ResolvedPath resolveUncached(YangPath path) {
        SchemaInferenceStack stack = SchemaInferenceStack.of(context);
        List<PathArgument> args = new ArrayList<>();
        List<YangPath.Element> elements = path.elements();
        if (elements.isEmpty()) {
            return new ResolvedPath(path, YangInstanceIdentifier.of(), ResolvedPath.TargetKind.ROOT, null, null, null,
                    stack);
        }
        SchemaInferenceStack parent = stack.copy();
        ResolvedPath.TargetKind kind = null;
        QName qname = null;
        EffectiveStatement<?, ?> stmt = null;
        for (int i = 0; i < elements.size(); i++) {
            YangPath.Element element = elements.get(i);
            YangPath here = new YangPath(elements.subList(0, i + 1));
            boolean last = i == elements.size() - 1;
            qname = findChild(stack, element, here);
            parent = stack.copy();
            stmt = stack.enterDataTree(qname);
            if (stmt instanceof ListEffectiveStatement list) {
                args.add(NodeIdentifier.create(qname));
                if (element.keys().isEmpty()) {
                    if (!last) {
                        throw new YangValidationException(here, "list '" + element.name() + "' needs its keys "
                                + keyNames(list) + " because the path continues below it");
                    }
                    kind = ResolvedPath.TargetKind.LIST;
                } else {
                    args.add(entryIdentifier(stack, list, element, here));
                    kind = ResolvedPath.TargetKind.LIST_ENTRY;
                }
            } else {
                if (!element.keys().isEmpty()) {
                    throw new YangValidationException(here, "'" + element.name() + "' is not a list and takes no keys");
                }
                args.add(NodeIdentifier.create(qname));
                if (stmt instanceof ContainerEffectiveStatement) {
                    kind = ResolvedPath.TargetKind.CONTAINER;
                } else if (stmt instanceof LeafEffectiveStatement) {
                    kind = ResolvedPath.TargetKind.LEAF;
                } else if (stmt instanceof LeafListEffectiveStatement) {
                    kind = ResolvedPath.TargetKind.LEAF_LIST;
                } else {
                    throw new YangValidationException(here, "unsupported node kind " + stmt.statementDefinition());
                }
                if (!last && kind != ResolvedPath.TargetKind.CONTAINER) {
                    throw new YangValidationException(here, "'" + element.name() + "' has no child nodes");
                }
            }
        }
        return new ResolvedPath(path, YangInstanceIdentifier.of(args), kind, qname, moduleName(qname.getModule()),
                stmt, parent);
    }

    /** Converts a yangtools identifier back to a path, qualifying an element where its module changes. */
    public YangPath toPath(YangInstanceIdentifier identifier) {
        List<YangPath.Element> out = new ArrayList<>();
        QNameModule previous = null;
        for (PathArgument arg : identifier.getPathArguments()) {
            QName name = arg.getNodeType();
            if (arg instanceof NodeIdentifierWithPredicates nip) {
                Map<String, String> keys = new LinkedHashMap<>();
                nip.entrySet().forEach(e -> keys.put(e.getKey().getLocalName(), keyText(e.getValue())));
                // The entry step repeats the list step: replace it with the keyed element.
                YangPath.Element listElement = out.remove(out.size() - 1);
                out.add(new YangPath.Element(listElement.module(), listElement.name(), keys));
                continue;
            }
            String module = name.getModule().equals(previous) ? null : moduleName(name.getModule());
            out.add(new YangPath.Element(module, name.getLocalName(), Map.of()));
            previous = name.getModule();
        }
        return new YangPath(out);
    }

    /** The module name of a namespace/revision, or its namespace when the module is unknown. */
    public String moduleName(QNameModule module) {
        return context.findModuleStatement(module)
                .map(m -> m.argument().getLocalName())
                .orElse(module.namespace().toString());
    }

    private QName findChild(SchemaInferenceStack stack, YangPath.Element element, YangPath here) {
        Collection<? extends DataTreeEffectiveStatement<?>> children = children(stack);
        List<QName> matches = new ArrayList<>();
        for (DataTreeEffectiveStatement<?> child : children) {
            QName q = child.argument();
            if (q.getLocalName().equals(element.name())
                    && (element.module() == null || element.module().equals(moduleName(q.getModule())))) {
                matches.add(q);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            String known = children.stream()
                    .map(c -> c.argument().getLocalName())
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new YangValidationException(here, "no schema node '" + element + "' here; known children: ["
                    + known + "]");
        }
        throw new YangValidationException(here, "'" + element.name() + "' is ambiguous, qualify it with one of "
                + matches.stream().map(q -> moduleName(q.getModule())).toList());
    }

    /** The data tree children of the stack's current statement (all top-level nodes for an empty stack). */
    public Collection<? extends DataTreeEffectiveStatement<?>> children(SchemaInferenceStack stack) {
        if (stack.isEmpty()) {
            List<DataTreeEffectiveStatement<?>> all = new ArrayList<>();
            for (ModuleEffectiveStatement module : context.getModuleStatements().values()) {
                all.addAll(module.dataTreeNodes());
            }
            return all;
        }
        if (stack.currentStatement() instanceof DataTreeAwareEffectiveStatement<?, ?> aware) {
            return aware.dataTreeNodes();
        }
        return List.of();
    }

    private NodeIdentifierWithPredicates entryIdentifier(SchemaInferenceStack stack, ListEffectiveStatement list,
            YangPath.Element element, YangPath here) {
        Collection<QName> keyQNames = list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class)
                .orElseThrow(() -> new YangValidationException(here, "list '" + element.name() + "' has no keys"));
        Map<String, String> given = new LinkedHashMap<>(element.keys());
        Map<QName, Object> values = new LinkedHashMap<>();
        for (QName key : keyQNames) {
            String text = given.remove(key.getLocalName());
            if (text == null) {
                throw new YangValidationException(here, "missing key '" + key.getLocalName() + "' of list '"
                        + element.name() + "'; keys are " + keyNames(list));
            }
            values.put(key, parseKey(stack, key, text, here));
        }
        if (!given.isEmpty()) {
            throw new YangValidationException(here, "unknown keys " + given.keySet() + " for list '" + element.name()
                    + "'; keys are " + keyNames(list));
        }
        return NodeIdentifierWithPredicates.of(list.argument(), values);
    }

    private Object parseKey(SchemaInferenceStack stack, QName key, String text, YangPath here) {
        EffectiveStatement<?, ?> leaf = stack.enterDataTree(key);
        try {
            JSONCodec<?> codec = codecs.codecFor((LeafSchemaNode) leaf, stack);
            return codec.parseValue(text);
        } catch (RuntimeException e) {
            throw new YangValidationException(here, "invalid value '" + text + "' for key '" + key.getLocalName()
                    + "': " + e.getMessage(), e);
        } finally {
            stack.exit();
        }
    }

    private static List<String> keyNames(ListEffectiveStatement list) {
        return list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class)
                .map(keys -> keys.stream().map(QName::getLocalName).toList())
                .orElse(List.of());
    }

    private String keyText(Object value) {
        if (value instanceof QName q) {
            return moduleName(q.getModule()) + ":" + q.getLocalName();
        }
        return String.valueOf(value);
    }
}
