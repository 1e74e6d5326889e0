package io.lightpath.southbound.gnmi;

import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gNMI path's elements as our own immutable value: names and keys, keys sorted by name, so equal paths are equal
 * records whatever order their keys came in (as {@link PathElem#equals} compares key maps). Origin and target are
 * not part of it.
 *
 * <p>Why not the protobuf {@link Path}: in protobuf-java 4.x every key accessor of a {@link PathElem}
 * ({@code getKeyCount}, {@code getKeyMap}, {@code getKeyOrDefault}, and {@code equals}) builds a fresh empty
 * {@code MapField} and map views when the element has no keys, and a new unmodifiable view otherwise. The config
 * mirror compares, formats and assembles every streamed leaf's path several times, and that was about a third of
 * the controller's allocation. A streamed path is converted once ({@link #of(Path, Path)}: one key map access per
 * element) and everything after works on this form.
 *
 * @param elems the elements, root first
 */
record GnmiPath(List<Elem> elems) {

    /** The scope key value that matches any value ({@link #matchedBy}). */
    static final String WILDCARD = "*";

    /**
     * One path element.
     *
     * @param name element name, with its module prefix if it had one
     * @param keys list keys sorted by name; empty for a container or leaf
     */
    record Elem(String name, List<Key> keys) {
        Elem {
            Objects.requireNonNull(name, "name");
            keys = List.copyOf(keys);
        }
    }

    /** One list key. */
    record Key(String name, String value) {
        Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    static final GnmiPath ROOT = new GnmiPath(List.of());

    GnmiPath {
        elems = List.copyOf(elems);
    }

    /** The elements of {@code path}. */
    static GnmiPath of(Path path) {
        return of(Path.getDefaultInstance(), path);
    }

    /** The elements of {@code prefix} followed by those of {@code path} (the gNMI rule for {@code prefix} fields). */
    static GnmiPath of(Path prefix, Path path) {
        int n = prefix.getElemCount() + path.getElemCount();
        if (n == 0) {
            return ROOT;
        }
        Elem[] out = new Elem[n];
        int i = 0;
        for (int k = 0; k < prefix.getElemCount(); k++) {
            out[i++] = elem(prefix.getElem(k));
        }
        for (int k = 0; k < path.getElemCount(); k++) {
            out[i++] = elem(path.getElem(k));
        }
        return new GnmiPath(List.of(out)); // copyOf in the constructor keeps this list
    }

    /** The elements of this path followed by those of {@code path}. */
    GnmiPath append(Path path) {
        if (path.getElemCount() == 0) {
            return this;
        }
        Elem[] out = elems.toArray(new Elem[elems.size() + path.getElemCount()]);
        for (int k = 0; k < path.getElemCount(); k++) {
            out[elems.size() + k] = elem(path.getElem(k));
        }
        return new GnmiPath(List.of(out));
    }

    /** Converts one element, reading its key map once (each read of it allocates; see the class comment). */
    private static Elem elem(PathElem e) {
        Map<String, String> keys = e.getKeyMap();
        if (keys.isEmpty()) {
            return new Elem(e.getName(), List.of());
        }
        if (keys.size() == 1) {
            Map.Entry<String, String> k = keys.entrySet().iterator().next();
            return new Elem(e.getName(), List.of(new Key(k.getKey(), k.getValue())));
        }
        Key[] sorted = new Key[keys.size()];
        int i = 0;
        for (Map.Entry<String, String> k : keys.entrySet()) {
            sorted[i++] = new Key(k.getKey(), k.getValue());
        }
        Arrays.sort(sorted, (a, b) -> a.name().compareTo(b.name()));
        return new Elem(e.getName(), List.of(sorted));
    }

    int size() {
        return elems.size();
    }

    Elem elem(int i) {
        return elems.get(i);
    }

    /** Whether this path equals {@code ancestor} or lies below it. */
    boolean startsWith(GnmiPath ancestor) {
        int n = ancestor.size();
        if (size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!elems.get(i).equals(ancestor.elems.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this path lies at or below {@code scope}, whose key values {@code *} match any value: the first
     * elements have the scope's names and exactly its key names, with equal values where the scope's is not
     * {@code *}.
     */
    boolean matchedBy(GnmiPath scope) {
        int n = scope.size();
        if (size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Elem s = scope.elems.get(i);
            Elem p = elems.get(i);
            if (!s.name().equals(p.name()) || s.keys().size() != p.keys().size()) {
                return false;
            }
            // both sorted by name and of one size: the same names are at the same positions
            for (int k = 0; k < s.keys().size(); k++) {
                Key sk = s.keys().get(k);
                Key pk = p.keys().get(k);
                if (!sk.name().equals(pk.name()) || !(WILDCARD.equals(sk.value()) || sk.value().equals(pk.value()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The string form, exactly as {@link GnmiPaths#format} writes the same path. */
    String format() {
        if (elems.isEmpty()) {
            return "/";
        }
        // indexed loops: this runs for every streamed leaf, and the lists' iterators were a visible allocation
        StringBuilder out = new StringBuilder(24 * elems.size());
        for (int i = 0; i < elems.size(); i++) {
            Elem elem = elems.get(i);
            out.append('/').append(elem.name());
            List<Key> keys = elem.keys();
            for (int k = 0; k < keys.size(); k++) {
                Key key = keys.get(k);
                out.append('[').append(key.name()).append('=');
                appendEscaped(out, key.value());
                out.append(']');
            }
        }
        return out.toString();
    }

    /** Appends a key value with '\' and ']' escaped by '\'. */
    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    @Override
    public String toString() {
        return format();
    }
}
