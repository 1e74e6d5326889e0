package io.lightpath.southbound.gnmi;

import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conversion between gNMI {@link Path} messages and their string form
 * ({@code /components/component[name=och-1/1]/optical-channel/config}), following the gNMI path conventions:
 * key values may contain '/', and ']' or '\' inside a key value are escaped with '\'.
 */
public final class GnmiPaths {

    private GnmiPaths() {
    }

    /** Parses a path string. The leading '/' is optional; "/" is the root. */
    public static Path parse(String text) {
        Path.Builder path = Path.newBuilder();
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '/') {
            i++;
        }
        while (i < n) {
            StringBuilder name = new StringBuilder();
            while (i < n && text.charAt(i) != '/' && text.charAt(i) != '[') {
                name.append(text.charAt(i++));
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty path element at offset " + i + " in " + text);
            }
            PathElem.Builder elem = PathElem.newBuilder().setName(name.toString());
            while (i < n && text.charAt(i) == '[') {
                int eq = text.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("key without '=' in " + text);
                }
                String key = text.substring(i + 1, eq);
                StringBuilder value = new StringBuilder();
                i = eq + 1;
                while (i < n && text.charAt(i) != ']') {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated key in " + text);
                }
                i++; // ']'
                elem.putKey(key, value.toString());
            }
            path.addElem(elem);
            if (i < n) {
                if (text.charAt(i) != '/') {
                    throw new IllegalArgumentException("expected '/' at offset " + i + " in " + text);
                }
                i++;
            }
        }
        return path.build();
    }

    /**
     * Formats a path; keys are sorted by name so equal paths format equally. Goes through {@link GnmiPath}, which
     * reads each element's key map once (every protobuf key accessor allocates).
     */
    public static String format(Path path) {
        return GnmiPath.of(path).format();
    }

    /** Concatenates a prefix and a path (the gNMI rule for {@code prefix} fields). */
    public static Path join(Path prefix, Path path) {
        if (prefix.getElemCount() == 0) {
            return path;
        }
        return prefix.toBuilder().addAllElem(path.getElemList()).build();
    }

    /** Whether {@code path} equals {@code ancestor} or lies below it. */
    public static boolean startsWith(Path path, Path ancestor) {
        if (path.getElemCount() < ancestor.getElemCount()) {
            return false;
        }
        for (int i = 0; i < ancestor.getElemCount(); i++) {
            if (!path.getElem(i).equals(ancestor.getElem(i))) {
                return false;
            }
        }
        return true;
    }

    /** Builds paths element by element. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent path builder. */
    public static final class Builder {
        private final List<PathElem> elems = new ArrayList<>();

        public Builder elem(String name) {
            elems.add(PathElem.newBuilder().setName(name).build());
            return this;
        }

        public Builder elem(String name, String key, String value) {
            elems.add(PathElem.newBuilder().setName(name).putKey(key, value).build());
            return this;
        }

        public Builder elem(String name, Map<String, String> keys) {
            elems.add(PathElem.newBuilder().setName(name).putAllKey(keys).build());
            return this;
        }

        public Path build() {
            return Path.newBuilder().addAllElem(elems).build();
        }
    }
}
