package io.lightpath.yang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data path into a YANG datastore, independent of gNMI protos and of yangtools: a list of
 * {@link Element}s, each a node name with an optional module qualifier and the list keys when the
 * node is a list entry.
 *
 * <p>String form (the gNMI path convention, also used by {@link #toString()}):
 * <pre>
 *   /components/component[name=och-1]/optical-channel/config
 *   /openconfig-platform:components/component[name=Ethernet1/1]/state/type
 *   /wavelength-router/media-channels/channel[index=7]/config/lower-frequency
 *   /port-spectrum-power-profiles/.../distribution[lower-frequency=191000000][upper-frequency=191050000]
 * </pre>
 * The root is {@code "/"} (no elements). A module qualifier is the YANG module name (not its
 * prefix); it is only needed where a local name is ambiguous, but is always accepted. Key values
 * may contain {@code /}; {@code ]} and {@code \} inside a key value are escaped with {@code \}.
 *
 * @param elements the steps from the root, outermost first (unmodifiable)
 */
public record YangPath(List<Element> elements) {

    /** The datastore root. */
    public static final YangPath ROOT = new YangPath(List.of());

    public YangPath {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }

    /**
     * One step of a path.
     *
     * @param module module name qualifying {@code name}, or {@code null} when unqualified
     * @param name the node's local name
     * @param keys list key values by key leaf local name, in key order; empty for non-list nodes
     *     and for a whole list (unmodifiable)
     */
    public record Element(String module, String name, Map<String, String> keys) {
        public Element {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.indexOf('[') >= 0 || name.indexOf('/') >= 0) {
                throw new IllegalArgumentException("invalid path element name '" + name + "'");
            }
            if (module != null && module.isEmpty()) {
                throw new IllegalArgumentException("empty module qualifier for '" + name + "'");
            }
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(keys, "keys")));
        }

        /** An unqualified element without keys. */
        public static Element of(String name) {
            return new Element(null, name, Map.of());
        }

        /** An unqualified list entry element with a single key. */
        public static Element of(String name, String keyName, String keyValue) {
            return new Element(null, name, Map.of(keyName, keyValue));
        }

        /** The module qualifier, if any. */
        public Optional<String> moduleName() {
            return Optional.ofNullable(module);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (module != null) {
                sb.append(module).append(':');
            }
            sb.append(name);
            keys.forEach((k, v) -> sb.append('[').append(k).append('=').append(escape(v)).append(']'));
            return sb.toString();
        }
    }

    /**
     * Parses the string form described in the class comment.
     *
     * @throws IllegalArgumentException with the offending position when the text is malformed
     */
    public static YangPath parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty() || s.equals("/")) {
            return ROOT;
        }
        List<Element> out = new ArrayList<>();
        int i = s.charAt(0) == '/' ? 1 : 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && s.charAt(i) != '/' && s.charAt(i) != '[') {
                i++;
            }
            String qualified = s.substring(start, i);
            if (qualified.isEmpty()) {
                throw new IllegalArgumentException("empty path element at offset " + start + " in '" + text + "'");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            while (i < s.length() && s.charAt(i) == '[') {
                int eq = s.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("key without '=' at offset " + i + " in '" + text + "'");
                }
                String key = s.substring(i + 1, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 1;
                boolean closed = false;
                while (j < s.length()) {
                    char c = s.charAt(j);
                    if (c == '\\' && j + 1 < s.length()) {
                        value.append(s.charAt(j + 1));
                        j += 2;
                    } else if (c == ']') {
                        closed = true;
                        j++;
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated key '" + key + "' at offset " + i + " in '" + text + "'");
                }
                if (key.isEmpty() || keys.put(key, value.toString()) != null) {
                    throw new IllegalArgumentException("empty or repeated key '" + key + "' at offset " + i + " in '" + text + "'");
                }
                i = j;
            }
            if (i < s.length()) {
                if (s.charAt(i) != '/') {
                    throw new IllegalArgumentException("expected '/' at offset " + i + " in '" + text + "'");
                }
                i++;
                if (i == s.length()) {
                    throw new IllegalArgumentException("trailing '/' in '" + text + "'");
                }
            }
            int colon = qualified.indexOf(':');
            String module = colon < 0 ? null : qualified.substring(0, colon);
            String name = colon < 0 ? qualified : qualified.substring(colon + 1);
            out.add(new Element(module, name, keys));
        }
        return new YangPath(out);
    }

    /** Convenience for {@code parse(text)}. */
    public static YangPath of(String text) {
        return parse(text);
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return elements.isEmpty();
    }

    /** Number of elements. */
    public int size() {
        return elements.size();
    }

    /** The last element. @throws IllegalStateException at the root */
    public Element last() {
        if (elements.isEmpty()) {
            throw new IllegalStateException("the root path has no last element");
        }
        return elements.get(elements.size() - 1);
    }

    /** This path with one more element. */
    public YangPath child(Element element) {
        List<Element> list = new ArrayList<>(elements);
        list.add(Objects.requireNonNull(element, "element"));
        return new YangPath(list);
    }

    /** This path with one more unqualified, unkeyed element. */
    public YangPath child(String name) {
        return child(Element.of(name));
    }

    /** The path without its last element (the root stays the root). */
    public YangPath parent() {
        return elements.isEmpty() ? this : new YangPath(elements.subList(0, elements.size() - 1));
    }

    /** Whether {@code other} equals this path or lies below it (module qualifiers ignored). */
    public boolean contains(YangPath other) {
        if (other.elements.size() < elements.size()) {
            return false;
        }
        for (int i = 0; i < elements.size(); i++) {
            Element a = elements.get(i);
            Element b = other.elements.get(i);
            if (!a.name().equals(b.name()) || !a.keys().equals(b.keys())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (elements.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            sb.append('/').append(e);
        }
        return sb.toString();
    }

    private static String escape(String value) {
        if (value.indexOf(']') < 0 && value.indexOf('\\') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("]", "\\]");
    }
}
