package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One subtree edit of a device change: replace the subtree at {@code path} with {@code value}, or delete it
 * when {@code value} is empty. Replace (not merge) is used so that the inverse edit restores the subtree
 * exactly.
 *
 * @param path absolute path of the subtree (a container or list entry)
 * @param value RFC 7951 JSON of the subtree, or empty to delete it
 */
public record ConfigEdit(Path path, Optional<JsonNode> value) {

    public ConfigEdit {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    public static ConfigEdit replace(Path path, JsonNode value) {
        return new ConfigEdit(path, Optional.of(value));
    }

    public static ConfigEdit delete(Path path) {
        return new ConfigEdit(path, Optional.empty());
    }

    /**
     * Whether {@code actual} (what the device reports at {@link #path}, empty = absent) shows this edit: absent for a
     * delete; for a replace every written leaf, and with {@code exact} nothing else (the device may add defaults
     * otherwise). Numbers compare numerically and module prefixes are ignored ({@link IetfJson#containsAll}).
     */
    public boolean shownBy(Optional<JsonNode> actual, boolean exact) {
        return value.isEmpty() ? actual.isEmpty()
                : actual.isPresent() && (exact ? IetfJson.equivalent(actual.get(), value.get())
                        : IetfJson.containsAll(actual.get(), value.get()));
    }

    @Override
    public String toString() {
        return (value.isPresent() ? "replace " : "delete ") + GnmiPaths.format(path);
    }
}
