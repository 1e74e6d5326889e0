package io.lightpath.yang;

import io.lightpath.yang.internal.ResolvedPath;
import java.util.Objects;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * gNMI JSON_IETF (RFC 7951) encoding and decoding of the value at a {@link YangPath}, checked
 * against a {@link YangSchema}. Thread-safe and cheap to create.
 *
 * <p>The JSON is the value <em>of</em> the node the path names, as in gNMI
 * {@code TypedValue.json_ietf_val}: an object of children for a container or list entry, a scalar
 * for a leaf, an array for a whole list or leaf-list, and an object of module-qualified top-level
 * nodes for the root. Top-level member names of an encoded object are always module-qualified
 * ({@code "openconfig-terminal-device:frequency"}); decoding accepts qualified and unqualified
 * names, and list keys may be omitted from a list entry value because the path carries them.
 * 64-bit integers and decimal64 values are JSON strings, as RFC 7951 requires.
 *
 * <p>Decoding checks everything that one value can violate on its own: node names, types,
 * ranges, patterns, enumerations, identities and list keys. Constraints that span the datastore
 * (mandatory leaves, leafrefs, unique) are checked by {@link ConfigDatastore} on commit.
 */
public final class JsonIetfCodec {
    private final YangSchema schema;

    public JsonIetfCodec(YangSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** The schema this codec checks against. */
    public YangSchema schema() {
        return schema;
    }

    /**
     * Parses a JSON_IETF value for the node at {@code path}.
     *
     * @return the yangtools node: a {@code MapEntryNode} for a list entry, a {@code LeafNode} for
     *     a leaf, a root {@code ContainerNode} for the root path, and so on
     * @throws YangValidationException if the path names no schema node or the value does not match it
     */
    public NormalizedNode decode(YangPath path, String json) {
        Objects.requireNonNull(json, "json");
        return schema.transcoder().decode(resolve(path), json);
    }

    /**
     * Like {@link #decode} but also rejects state ({@code config false}) nodes: what a device
     * must accept in a gNMI Set, even when it keeps state in an OPERATIONAL datastore.
     *
     * @throws YangValidationException at the first state node, or as {@link #decode}
     */
    public NormalizedNode decodeConfig(YangPath path, String json) {
        Objects.requireNonNull(json, "json");
        ResolvedPath resolved = resolve(path);
        NormalizedNode node = schema.transcoder().decode(resolved, json);
        schema.transcoder().requireConfigOnly(resolved, node);
        return node;
    }

    /**
     * Whether the node at {@code path} is configuration ({@code config true}); the root is.
     *
     * @throws YangValidationException if the path names no schema node
     */
    public boolean isConfiguration(YangPath path) {
        ResolvedPath resolved = resolve(path);
        return !(resolved.statement() instanceof org.opendaylight.yangtools.yang.model.api.DataSchemaNode node)
                || node.effectiveConfig().orElse(Boolean.TRUE);
    }

    /**
     * Writes {@code data}, the node at {@code path}, as a compact JSON_IETF value.
     *
     * @throws YangValidationException if the path names no schema node or the data does not fit it
     */
    public String encode(YangPath path, NormalizedNode data) {
        Objects.requireNonNull(data, "data");
        return schema.transcoder().encode(resolve(path), data);
    }

    /**
     * Decodes and re-encodes a value: checks it against the schema and returns it in canonical
     * form (qualified top-level names, RFC 7951 number formats, keys filled in).
     *
     * @throws YangValidationException if the value does not match the schema
     */
    public String canonicalize(YangPath path, String json) {
        ResolvedPath resolved = resolve(path);
        return schema.transcoder().encode(resolved, schema.transcoder().decode(resolved, json));
    }

    /**
     * The yangtools identifier of a path.
     *
     * @throws YangValidationException if the path names no schema node
     */
    public YangInstanceIdentifier toInstanceIdentifier(YangPath path) {
        return resolve(path).identifier();
    }

    /** The path of a yangtools identifier, with module qualifiers where the module changes. */
    public YangPath toYangPath(YangInstanceIdentifier identifier) {
        return schema.resolver().toPath(identifier);
    }

    ResolvedPath resolve(YangPath path) {
        return schema.resolver().resolve(Objects.requireNonNull(path, "path"));
    }
}
