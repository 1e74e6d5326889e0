package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
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
    static Optional<JsonNode> assemble(Path requested, List<Map.Entry<Path, TypedValue>> updates) {
        JsonNode root = null;
        for (Map.Entry<Path, TypedValue> update : updates) {
            Path path = update.getKey();
            if (!GnmiPaths.startsWith(path, requested)) {
                continue;
            }
            JsonNode value = toJson(update.getValue());
            List<PathElem> rel = path.getElemList().subList(requested.getElemCount(), path.getElemCount());
            if (rel.isEmpty()) {
                root = root == null ? value : merge(root, value);
                continue;
            }
            if (root == null) {
                root = IetfJson.object();
            }
            if (!root.isObject()) {
                throw new IllegalArgumentException("value at " + GnmiPaths.format(requested) + " is not a container");
            }
            JsonNode cur = root;
            for (int i = 0; i < rel.size(); i++) {
                PathElem elem = rel.get(i);
                boolean last = i == rel.size() - 1;
                ObjectNode obj = (ObjectNode) cur;
                if (elem.getKeyCount() > 0) {
                    ArrayNode list = obj.has(elem.getName()) && obj.get(elem.getName()).isArray()
                            ? (ArrayNode) obj.get(elem.getName()) : obj.putArray(elem.getName());
                    ObjectNode entry = findEntry(list, elem.getKeyMap());
                    if (last) {
                        merge(entry, value);
                    }
                    cur = entry;
                } else if (last) {
                    JsonNode existing = obj.get(elem.getName());
                    obj.set(elem.getName(), existing == null ? value : merge(existing, value));
                } else {
                    JsonNode next = obj.get(elem.getName());
                    if (next == null || !next.isObject()) {
                        next = obj.putObject(elem.getName());
                    }
                    cur = next;
                }
            }
        }
        return Optional.ofNullable(root);
    }

    private static ObjectNode findEntry(ArrayNode list, Map<String, String> keys) {
        for (JsonNode entry : list) {
            boolean match = keys.entrySet().stream().allMatch(k ->
                    IetfJson.member(entry, k.getKey()).map(v -> v.asText().equals(k.getValue())).orElse(false));
            if (match) {
                return (ObjectNode) entry;
            }
        }
        ObjectNode entry = list.addObject();
        keys.forEach(entry::put);
        return entry;
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

    static Map.Entry<Path, TypedValue> entry(Path prefix, Update update) {
        return Map.entry(GnmiPaths.join(prefix, update.getPath()), update.getVal());
    }
}
