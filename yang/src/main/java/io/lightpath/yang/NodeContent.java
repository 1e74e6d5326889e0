package io.lightpath.yang;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one datastore node given as a plain tree of named children and leaf values, an
 * alternative to its JSON_IETF text for callers that already hold the data parsed (such as the
 * emulator's leaf store): {@link ConfigDatastore.Transaction#replace(YangPath, NodeContent)} and
 * {@link ConfigDatastore.Transaction#merge(YangPath, NodeContent)} build the yangtools node
 * straight from it, checked exactly as the JSON form would be.
 *
 * <p>Names are local names (or {@code module:name}), resolved against the schema as the JSON_IETF
 * parser resolves unqualified member names. Leaf values are their RFC 7951 text (e.g.
 * {@code "193100000"} for a uint64, {@code "1.50"} for a decimal64, {@code "ENABLED"} or
 * {@code "openconfig-transport-types:PROT_OTU4"} for an enumeration or identityref) and are
 * converted with the schema's own type codecs. A list entry's identity comes from its key leaves
 * (as in JSON); the key map given to {@link #entry} only groups the entry's children.
 *
 * <p>What the content holds depends on the node the path names: a container's or list entry's
 * children; for a whole list, entries of that list only ({@link #entry} with the list's name); for
 * a leaf, its {@link #value}. Not thread-safe; build, hand over, then leave it alone.
 */
public final class NodeContent {
    /** Child containers by name, allocated on first use (most nodes have none or few). */
    private Map<String, NodeContent> containers;
    /** List entries by list name, then by key map, in insertion order (user-ordered lists keep it). */
    private Map<String, Map<Map<String, String>, NodeContent>> lists;
    private Map<String, String> leaves;
    private String value;

    /** Empty content (an empty container, list entry or list). */
    public NodeContent() {
    }

    /** The child container {@code name}, created empty on first use. */
    public NodeContent container(String name) {
        Objects.requireNonNull(name, "name");
        if (containers == null) {
            containers = new HashMap<>(4);
        }
        return containers.computeIfAbsent(name, n -> new NodeContent());
    }

    /**
     * The entry of child list {@code list} that {@code keys} groups, created empty on first use.
     * Its key leaves must be given as leaves of the entry (or, for the entry a path names, by the
     * path).
     */
    public NodeContent entry(String list, Map<String, String> keys) {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(keys, "keys");
        if (lists == null) {
            lists = new HashMap<>(4);
        }
        return lists.computeIfAbsent(list, n -> new LinkedHashMap<>(4))
                .computeIfAbsent(keys, k -> new NodeContent());
    }

    /** Sets leaf {@code name} to {@code text} (its RFC 7951 value); returns this content. */
    public NodeContent leaf(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (leaves == null) {
            leaves = new HashMap<>(8);
        }
        leaves.put(name, text);
        return this;
    }

    /** Sets the value of the leaf a path names (RFC 7951 text); returns this content. */
    public NodeContent value(String text) {
        this.value = Objects.requireNonNull(text, "text");
        return this;
    }

    /** Child containers by name (empty when none). */
    public Map<String, NodeContent> containers() {
        return containers == null ? Map.of() : containers;
    }

    /** List entries by list name, each list's entries in insertion order (empty when none). */
    public Map<String, Map<Map<String, String>, NodeContent>> lists() {
        return lists == null ? Map.of() : lists;
    }

    /** Leaf values by name (empty when none). */
    public Map<String, String> leaves() {
        return leaves == null ? Map.of() : leaves;
    }

    /** The leaf value for a path naming a leaf, or {@code null}. */
    public String value() {
        return value;
    }

    /** True when nothing was added. */
    public boolean isEmpty() {
        return containers().isEmpty() && lists().isEmpty() && leaves().isEmpty() && value == null;
    }

    @Override
    public String toString() {
        return "NodeContent[containers=" + containers() + ", lists=" + lists() + ", leaves=" + leaves()
                + (value == null ? "" : ", value=" + value) + "]";
    }
}
