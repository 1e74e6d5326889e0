package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-test target's datastore: one JSON tree in RFC 7951 shape (lists as arrays of entries), with module
 * prefixes removed on write, list entries kept sorted by key and empty containers pruned, like a YANG datastore
 * whose lists are ordered by the system. Not thread-safe; {@link TestGnmiTarget} locks around it.
 */
final class JsonTreeStore {

    private ObjectNode root = IetfJson.object();

    JsonTreeStore copy() {
        JsonTreeStore c = new JsonTreeStore();
        c.root = root.deepCopy();
        return c;
    }

    Optional<JsonNode> get(Path path) {
        JsonNode cur = root;
        for (PathElem elem : path.getElemList()) {
            cur = cur.get(elem.getName());
            if (cur == null) {
                return Optional.empty();
            }
            if (elem.getKeyCount() > 0) {
                cur = findEntry(cur, elem.getKeyMap());
                if (cur == null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(cur);
    }

    void replace(Path path, JsonNode value) {
        if (path.getElemCount() == 0) {
            if (!value.isObject()) {
                throw new IllegalArgumentException("root must be an object");
            }
            root = (ObjectNode) IetfJson.stripPrefixes(value);
            return;
        }
        ObjectNode parent = parentOf(path, true);
        PathElem last = path.getElem(path.getElemCount() - 1);
        JsonNode stripped = IetfJson.stripPrefixes(value);
        if (last.getKeyCount() == 0) {
            parent.set(last.getName(), stripped);
            return;
        }
        if (!stripped.isObject()) {
            throw new IllegalArgumentException("list entry " + GnmiPaths.format(path) + " must be an object");
        }
        ObjectNode entry = (ObjectNode) stripped;
        for (Map.Entry<String, String> k : last.getKeyMap().entrySet()) {
            JsonNode given = entry.get(k.getKey());
            if (given != null && !given.asText().equals(k.getValue())) {
                throw new IllegalArgumentException("key " + k.getKey() + " in value differs from path");
            }
            entry.put(k.getKey(), k.getValue());
        }
        ArrayNode list = listOf(parent, last.getName());
        removeEntry(list, last.getKeyMap());
        insertSorted(list, entry, last.getKeyMap().keySet().iterator().next());
    }

    void delete(Path path) {
        if (path.getElemCount() == 0) {
            root = IetfJson.object();
            return;
        }
        ObjectNode parent = parentOf(path, false);
        if (parent == null) {
            return;
        }
        PathElem last = path.getElem(path.getElemCount() - 1);
        if (last.getKeyCount() == 0) {
            parent.remove(last.getName());
        } else if (parent.get(last.getName()) instanceof ArrayNode list) {
            removeEntry(list, last.getKeyMap());
        }
        prune(root);
    }

    JsonNode root() {
        return root;
    }

    /** The tree with members sorted by name: what Get returns, so equal contents serialise to equal bytes. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode out = IetfJson.object();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = IetfJson.array();
            node.forEach(n -> out.add(canonical(n)));
            return out;
        }
        return node;
    }

    /** The tree without any "state" container: the CONFIG view. */
    static JsonNode configOnly(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = IetfJson.object();
            node.properties().forEach(e -> {
                if (!e.getKey().equals("state")) {
                    out.set(e.getKey(), configOnly(e.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = IetfJson.array();
            node.forEach(n -> out.add(configOnly(n)));
            return out;
        }
        return node;
    }

    private ObjectNode parentOf(Path path, boolean create) {
        JsonNode cur = root;
        for (int i = 0; i < path.getElemCount() - 1; i++) {
            PathElem elem = path.getElem(i);
            ObjectNode obj = (ObjectNode) cur;
            if (elem.getKeyCount() == 0) {
                JsonNode next = obj.get(elem.getName());
                if (next == null) {
                    if (!create) {
                        return null;
                    }
                    next = obj.putObject(elem.getName());
                } else if (!next.isObject()) {
                    throw new IllegalArgumentException(elem.getName() + " is not a container");
                }
                cur = next;
            } else {
                ArrayNode list = create ? listOf(obj, elem.getName()) : (ArrayNode) obj.get(elem.getName());
                if (list == null) {
                    return null;
                }
                ObjectNode entry = findEntry(list, elem.getKeyMap());
                if (entry == null) {
                    if (!create) {
                        return null;
                    }
                    entry = IetfJson.object();
                    elem.getKeyMap().forEach(entry::put);
                    insertSorted(list, entry, elem.getKeyMap().keySet().iterator().next());
                }
                cur = entry;
            }
        }
        return (ObjectNode) cur;
    }

    private static ArrayNode listOf(ObjectNode parent, String name) {
        JsonNode list = parent.get(name);
        if (list == null) {
            return parent.putArray(name);
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(name + " is not a list");
        }
        return (ArrayNode) list;
    }

    private static ObjectNode findEntry(JsonNode list, Map<String, String> keys) {
        for (JsonNode entry : list) {
            if (keys.entrySet().stream().allMatch(k -> entry.has(k.getKey())
                    && entry.get(k.getKey()).asText().equals(k.getValue()))) {
                return (ObjectNode) entry;
            }
        }
        return null;
    }

    private static void removeEntry(ArrayNode list, Map<String, String> keys) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (keys.entrySet().stream().allMatch(k -> entry.has(k.getKey())
                    && entry.get(k.getKey()).asText().equals(k.getValue()))) {
                list.remove(i);
                return;
            }
        }
    }

    private static void insertSorted(ArrayNode list, ObjectNode entry, String key) {
        String k = entry.get(key).asText();
        int at = 0;
        while (at < list.size() && compareKeys(list.get(at).get(key).asText(), k) < 0) {
            at++;
        }
        list.insert(at, entry);
    }

    private static int compareKeys(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static boolean prune(JsonNode node) {
        if (node.isObject()) {
            List<String> empty = new ArrayList<>();
            node.properties().forEach(e -> {
                if (prune(e.getValue())) {
                    empty.add(e.getKey());
                }
            });
            ((ObjectNode) node).remove(empty);
            return node.isEmpty();
        }
        if (node.isArray()) {
            return node.isEmpty();
        }
        return false;
    }
}
