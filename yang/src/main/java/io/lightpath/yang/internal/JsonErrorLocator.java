package io.lightpath.yang.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.lightpath.yang.YangPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ContainerEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * After yangtools rejected a JSON value, walks the value alongside the schema to find the first
 * offending member and say which node it is: yangtools' own messages ("Invalid range: 70000")
 * often do not name the leaf.
 */
final class JsonErrorLocator {
    /** Where and what. */
    record Problem(YangPath path, String reason) {
    }

    private final JSONCodecFactory codecs;
    private final PathResolver resolver;

    JsonErrorLocator(JSONCodecFactory codecs, PathResolver resolver) {
        this.codecs = codecs;
        this.resolver = resolver;
    }

    Optional<Problem> locate(ResolvedPath target, JsonElement value) {
        SchemaInferenceStack stack = target.parentStack().copy();
        try {
            if (target.kind() == ResolvedPath.TargetKind.ROOT) {
                return value.isJsonObject() ? object(value.getAsJsonObject(), stack, YangPath.ROOT) : Optional.empty();
            }
            EffectiveStatement<?, ?> stmt = stack.enterDataTree(target.qname());
            return node(value, stmt, stack, target.path(), target.kind() == ResolvedPath.TargetKind.LIST_ENTRY);
        } catch (RuntimeException e) {
            // The locator is best effort: the caller still has yangtools' message.
            return Optional.empty();
        }
    }

    private Optional<Problem> node(JsonElement value, EffectiveStatement<?, ?> stmt, SchemaInferenceStack stack,
            YangPath path, boolean entry) {
        if (stmt instanceof ListEffectiveStatement list) {
            if (entry) {
                return value.isJsonObject() ? object(value.getAsJsonObject(), stack, path)
                        : Optional.of(new Problem(path, "expected a JSON object for a list entry"));
            }
            if (!value.isJsonArray()) {
                return Optional.of(new Problem(path, "expected a JSON array for list '" + list.argument().getLocalName()
                        + "'"));
            }
            for (JsonElement item : value.getAsJsonArray()) {
                if (!item.isJsonObject()) {
                    return Optional.of(new Problem(path, "expected JSON objects as entries of list '"
                            + list.argument().getLocalName() + "'"));
                }
                YangPath entryPath = path.parent().child(new YangPath.Element(path.last().module(), path.last().name(),
                        keysOf(list, item.getAsJsonObject())));
                Optional<Problem> p = object(item.getAsJsonObject(), stack, entryPath);
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (stmt instanceof ContainerEffectiveStatement) {
            return value.isJsonObject() ? object(value.getAsJsonObject(), stack, path)
                    : Optional.of(new Problem(path, "expected a JSON object for container '" + path.last().name() + "'"));
        }
        if (stmt instanceof LeafEffectiveStatement leaf) {
            return scalar(value, (LeafSchemaNode) leaf, stack, path);
        }
        if (stmt instanceof LeafListEffectiveStatement leafList) {
            if (!value.isJsonArray()) {
                return Optional.of(new Problem(path, "expected a JSON array for leaf-list '" + path.last().name() + "'"));
            }
            for (JsonElement item : value.getAsJsonArray()) {
                Optional<Problem> p = scalar(item, (LeafListSchemaNode) leafList, stack, path);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Problem> object(JsonObject object, SchemaInferenceStack stack, YangPath path) {
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            String name = member.getKey();
            int colon = name.indexOf(':');
            String module = colon < 0 ? null : name.substring(0, colon);
            String local = colon < 0 ? name : name.substring(colon + 1);
            DataTreeEffectiveStatement<?> child = null;
            for (DataTreeEffectiveStatement<?> candidate : resolver.children(stack)) {
                QName q = candidate.argument();
                if (q.getLocalName().equals(local)
                        && (module == null || module.equals(resolver.moduleName(q.getModule())))) {
                    child = candidate;
                    break;
                }
            }
            YangPath childPath = path.child(new YangPath.Element(module, local, Map.of()));
            if (child == null) {
                String known = resolver.children(stack).stream().map(c -> c.argument().getLocalName()).sorted()
                        .collect(Collectors.joining(", "));
                return Optional.of(new Problem(childPath, "unknown node '" + name + "'; known here: [" + known + "]"));
            }
            stack.enterDataTree(child.argument());
            try {
                Optional<Problem> p = node(member.getValue(), child, stack, childPath, false);
                if (p.isPresent()) {
                    return p;
                }
            } finally {
                stack.exit();
            }
        }
        return Optional.empty();
    }

    private <T extends org.opendaylight.yangtools.yang.model.api.TypeAware
            & org.opendaylight.yangtools.yang.model.api.SchemaNode> Optional<Problem> scalar(JsonElement value,
            T leaf, SchemaInferenceStack stack, YangPath path) {
        if (!value.isJsonPrimitive() && !value.isJsonArray()) {
            return Optional.of(new Problem(path, "expected a value for leaf '" + path.last().name() + "', got "
                    + (value.isJsonNull() ? "null" : "an object")));
        }
        if (value.isJsonArray()) {
            // RFC 7951 encodes the empty type as [null]; anything else is wrong here.
            return Optional.empty();
        }
        String text = value.getAsString();
        try {
            codecs.codecFor(leaf, stack).parseValue(text);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new Problem(path, "invalid value '" + text + "' for leaf '" + path.last().name()
                    + "': " + ErrorMessages.simplify(JsonTranscoder.rootMessage(e))));
        }
    }

    private static Map<String, String> keysOf(ListEffectiveStatement list, JsonObject item) {
        Map<String, String> keys = new LinkedHashMap<>();
        list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class).ifPresent(qnames -> {
            for (QName key : qnames) {
                item.entrySet().stream()
                        .filter(e -> e.getKey().equals(key.getLocalName()) || e.getKey().endsWith(":" + key.getLocalName()))
                        .filter(e -> e.getValue().isJsonPrimitive())
                        .findFirst()
                        .ifPresent(e -> keys.put(key.getLocalName(), e.getValue().getAsString()));
            }
        });
        return keys;
    }
}
