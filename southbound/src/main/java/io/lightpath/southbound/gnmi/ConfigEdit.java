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

    @Override
    public String toString() {
        return (value.isPresent() ? "replace " : "delete ") + GnmiPaths.format(path);
    }
}
