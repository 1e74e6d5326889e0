package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decodes gNMI typed values and assembles updates into JSON trees. */
final class TypedValues {

    private TypedValues() {
    }

    /** Converts one typed value to JSON; throws {@link IllegalArgumentException} for unusable encodings. */
    static JsonNode toJson(TypedValue value) {
        return switch (value.getValueCase()) {
            case JSON_IETF_VAL -> IetfJson.parse(value.getJsonIetfVal());
            case JSON_VAL -> IetfJson.parse(value.getJsonVal());
            case STRING_VAL -> IetfJson.NODES.textNode(value.getStringVal());
            case ASCII_VAL -> IetfJson.NODES.textNode(value.getAsciiVal());
            case INT_VAL -> IetfJson.NODES.numberNode(value.getIntVal());
            case UINT_VAL -> IetfJson.NODES.numberNode(new BigInteger(Long.toUnsignedString(value.getUintVal())));
            case BOOL_VAL -> IetfJson.NODES.booleanNode(value.getBoolVal());
            case DOUBLE_VAL -> IetfJson.NODES.numberNode(value.getDoubleVal());
            case LEAFLIST_VAL -> {
                ArrayNode array = IetfJson.array();
                value.getLeaflistVal().getElementList().forEach(e -> array.add(toJson(e)));
                yield array;
            }
            default -> throw new IllegalArgumentException("unsupported value encoding " + value.getValueCase());
        };
    }

    /**
     * Assembles the updates that lie at or below {@code requested} into one JSON tree rooted at {@code requested}.
     * A target may answer with one JSON value at the requested path, or with several values at descendant paths;
     * both give the same tree. Returns empty when no update lies at or below the path.
     */
    static Optional<JsonNode> assemble(GnmiPath requested, List<Map.Entry<GnmiPath, TypedValue>> updates) {
        JsonNode root = null;
        for (Map.Entry<GnmiPath, TypedValue> update : updates) {
            GnmiPath path = update.getKey();
            if (!path.startsWith(requested)) {
                continue;
            }
            JsonNode value = toJson(update.getValue());
            List<GnmiPath.Elem> rel = path.elems().subList(requested.size(), path.size());
            if (rel.isEmpty()) {
                root = root == null ? value : merge(root, value);
                continue;
            }
            if (root == null) {
                root = IetfJson.object();
            }
            if (!root.isObject()) {
                throw new IllegalArgumentException("value at " + requested.format() + " is not a container");
            }
            JsonNode cur = root;
            for (int i = 0; i < rel.size(); i++) {
                GnmiPath.Elem elem = rel.get(i);
                boolean last = i == rel.size() - 1;
                ObjectNode obj = (ObjectNode) cur;
                if (!elem.keys().isEmpty()) {
                    JsonNode existing = obj.get(elem.name());
                    ArrayNode list = existing != null && existing.isArray()
                            ? (ArrayNode) existing : obj.putArray(elem.name());
                    ObjectNode entry = findEntry(list, elem.keys());
                    if (last) {
                        merge(entry, value);
                    }
                    cur = entry;
                } else if (last) {
                    JsonNode existing = obj.get(elem.name());
                    obj.set(elem.name(), existing == null ? value : merge(existing, value));
                } else {
                    JsonNode next = obj.get(elem.name());
                    if (next == null || !next.isObject()) {
                        next = obj.putObject(elem.name());
                    }
                    cur = next;
                }
            }
        }
        return Optional.ofNullable(root);
    }

    private static ObjectNode findEntry(ArrayNode list, List<GnmiPath.Key> keys) {
        for (JsonNode entry : list) {
            if (hasKeys(entry, keys)) {
                return (ObjectNode) entry;
            }
        }
        ObjectNode entry = list.addObject();
        for (GnmiPath.Key k : keys) {
            entry.put(k.name(), k.value());
        }
        return entry;
    }

    /** Whether the list entry's key leaves (with or without module prefix) have the values of {@code keys}. */
    private static boolean hasKeys(JsonNode entry, List<GnmiPath.Key> keys) {
        for (GnmiPath.Key k : keys) {
            Optional<JsonNode> v = IetfJson.member(entry, k.name());
            if (v.isEmpty() || !v.get().asText().equals(k.value())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode merge(JsonNode into, JsonNode from) {
        if (into.isObject() && from.isObject()) {
            ObjectNode target = (ObjectNode) into;
            from.properties().forEach(e -> {
                JsonNode existing = target.get(e.getKey());
                target.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
            });
            return target;
        }
        return from;
    }

    /** One update of a notification with {@code prefix}, its path joined and converted once. */
    static Map.Entry<GnmiPath, TypedValue> entry(Path prefix, Update update) {
        return Map.entry(GnmiPath.of(prefix, update.getPath()), update.getVal());
    }
}
