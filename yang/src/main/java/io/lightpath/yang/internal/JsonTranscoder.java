package io.lightpath.yang.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.internal.bind.JsonTreeReader;
import com.google.gson.stream.JsonWriter;
import io.lightpath.yang.NodeContent;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.Ordering;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.impl.schema.SchemaOrderedNormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Converts between gNMI JSON_IETF values and yangtools normalized nodes.
 *
 * <p>A gNMI value is the <em>content</em> of the node its path names: for a container or list
 * entry an object of its children, for a leaf a scalar, for a whole list an array of entries, for
 * the root an object of module-qualified top-level nodes. yangtools' RFC 7951 codec reads and
 * writes a node <em>with</em> its member name, so this class wraps the value as
 * {@code {"module:name": value}} before parsing at the parent node, and unwraps after writing.
 */
public final class JsonTranscoder {
    private final JSONCodecFactory codecs;
    private final PathResolver resolver;

    private final SchemaChecks identities;
    private final ContentBuilder content;

    public JsonTranscoder(JSONCodecFactory codecs, PathResolver resolver) {
        this.codecs = codecs;
        this.resolver = resolver;
        this.identities = new SchemaChecks(resolver.contextOf(), resolver);
        this.content = new ContentBuilder(resolver.contextOf(), codecs, resolver, identities);
    }

    /**
     * Builds the node {@code value} describes for {@code target}, as {@link #decode} would from
     * the same value's JSON_IETF text (see {@link ContentBuilder}).
     */
    public NormalizedNode build(ResolvedPath target, NodeContent value) {
        return content.build(target, value);
    }

    /** Parses a gNMI JSON_IETF value for the node at {@code target}. */
    public NormalizedNode decode(ResolvedPath target, String json) {
        YangPath path = target.path();
        JsonElement value;
        try {
            value = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new YangValidationException(path, "malformed JSON: " + rootMessage(e), e);
        }
        if (target.kind() == ResolvedPath.TargetKind.ROOT) {
            if (!value.isJsonObject()) {
                throw new YangValidationException(path, "the root value must be a JSON object, got " + describe(value));
            }
            ContainerNode.Builder root = ImmutableNodes.newContainerBuilder();
            root.withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
            parse(target, ImmutableNormalizedNodeStreamWriter.from(root), value, value);
            ContainerNode result = root.build();
            identities.check(result, null, target.identifier());
            return result;
        }
        String member = target.moduleName() + ":" + target.qname().getLocalName();
        JsonElement wrapped = switch (target.kind()) {
            case LIST_ENTRY -> {
                if (!value.isJsonObject()) {
                    throw new YangValidationException(path, "a list entry value must be a JSON object, got "
                            + describe(value));
                }
                JsonArray array = new JsonArray();
                array.add(withKeys(target, value.getAsJsonObject()));
                yield array;
            }
            case CONTAINER -> {
                if (!value.isJsonObject()) {
                    throw new YangValidationException(path, "a container value must be a JSON object, got "
                            + describe(value));
                }
                yield value;
            }
            case LIST, LEAF_LIST -> {
                if (!value.isJsonArray()) {
                    throw new YangValidationException(path, "a list value must be a JSON array, got " + describe(value));
                }
                yield value;
            }
            default -> value;
        };
        JsonObject envelope = new JsonObject();
        envelope.add(member, wrapped);
        NormalizationResultHolder holder = new NormalizationResultHolder();
        parse(target, ImmutableNormalizedNodeStreamWriter.from(holder), envelope, value);
        NormalizedNode node = holder.getResult().data();
        if (target.kind() == ResolvedPath.TargetKind.LIST_ENTRY) {
            MapNode map = (MapNode) node;
            NodeIdentifierWithPredicates expected = (NodeIdentifierWithPredicates) target.identifier().getLastPathArgument();
            MapEntryNode entry = map.body().iterator().next();
            if (!entry.name().equals(expected)) {
                throw new YangValidationException(path, "keys in the value " + entry.name().asMap()
                        + " do not match the keys in the path " + expected.asMap());
            }
            identities.check(entry, target.statement(), target.identifier());
            return entry;
        }
        identities.check(node, target.statement(), target.identifier());
        return node;
    }

    /** Rejects state ({@code config false}) nodes in {@code data}, the node at {@code target}. */
    public void requireConfigOnly(ResolvedPath target, NormalizedNode data) {
        identities.checkConfigOnly(data, target.statement(), target.identifier());
    }

    /** Writes the node at {@code target} as a gNMI JSON_IETF value (compact, RFC 7951). */
    public String encode(ResolvedPath target, NormalizedNode data) {
        checkFits(target, data);
        if (target.kind() == ResolvedPath.TargetKind.ROOT) {
            JsonObject out = new JsonObject();
            for (DataContainerChild child : ((ContainerNode) data).body()) {
                JsonObject one = write(target, SchemaInferenceStack.of(resolver.contextOf()), child);
                one.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
            }
            return out.toString();
        }
        NormalizedNode toWrite = data;
        if (target.kind() == ResolvedPath.TargetKind.LIST_ENTRY) {
            toWrite = wrapEntry(target, (MapEntryNode) data);
        }
        JsonObject envelope = write(target, target.parentStack().copy(), toWrite);
        JsonElement value = envelope.entrySet().iterator().next().getValue();
        if (target.kind() == ResolvedPath.TargetKind.LIST_ENTRY) {
            value = value.getAsJsonArray().get(0);
        }
        if (value.isJsonObject()) {
            value = qualifyTopLevel(value.getAsJsonObject(), target.moduleName());
        }
        return value.toString();
    }

    /** The node must be the one the path names: same name, same list keys, right kind. */
    private static void checkFits(ResolvedPath target, NormalizedNode data) {
        boolean fits = switch (target.kind()) {
            case ROOT -> data instanceof ContainerNode c && c.name().getNodeType().equals(SchemaContext.NAME);
            case LIST_ENTRY -> data instanceof MapEntryNode && data.name().equals(target.identifier().getLastPathArgument());
            case LIST -> data instanceof MapNode && data.name().getNodeType().equals(target.qname());
            case CONTAINER -> data instanceof ContainerNode && data.name().getNodeType().equals(target.qname());
            case LEAF -> data instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafNode<?>
                    && data.name().getNodeType().equals(target.qname());
            case LEAF_LIST -> data instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode<?>
                    && data.name().getNodeType().equals(target.qname());
        };
        if (!fits) {
            throw new YangValidationException(target.path(), "cannot encode " + ErrorMessages.simplify(
                    data.name().toString()) + " (" + data.contract().getSimpleName() + ") at a path naming a "
                    + target.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    private JsonObject write(ResolvedPath target, SchemaInferenceStack parentStack, NormalizedNode node) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            NormalizedNodeStreamWriter stream = JSONNormalizedNodeStreamWriter.createExclusiveWriter(codecs,
                    parentStack.toInference(), null, json);
            // Schema order makes the text independent of the order in which the data was built.
            try (NormalizedNodeWriter writer = orderedWriter(stream, parentStack, node)) {
                writer.write(node);
            }
        } catch (IOException | RuntimeException e) {
            throw new YangValidationException(target.path(), "cannot encode as JSON_IETF: " + rootMessage(e), e);
        }
        return JsonParser.parseString(text.toString()).getAsJsonObject();
    }

    private static NormalizedNodeWriter orderedWriter(NormalizedNodeStreamWriter stream,
            SchemaInferenceStack parentStack, NormalizedNode node) {
        if (parentStack.isEmpty()) {
            return new SchemaOrderedNormalizedNodeWriter(stream, parentStack.modelContext());
        }
        SchemaInferenceStack nodeStack = parentStack.copy();
        nodeStack.enterDataTree(node.name().getNodeType());
        return new SchemaOrderedNormalizedNodeWriter(stream, nodeStack.modelContext(),
                nodeStack.toSchemaNodeIdentifier());
    }

    private void parse(ResolvedPath target, NormalizedNodeStreamWriter writer, JsonElement value,
            JsonElement original) {
        try (JsonParserStream parser = JsonParserStream.create(writer, codecs,
                target.parentStack().copy().toInference())) {
            // Read the already parsed tree: no second rendering and tokenizing of the text.
            parser.parse(new JsonTreeReader(value));
        } catch (IOException | RuntimeException e) {
            JsonErrorLocator.Problem problem = new JsonErrorLocator(codecs, resolver).locate(target, original)
                    .orElse(new JsonErrorLocator.Problem(target.path(), "value does not match the schema: "
                            + ErrorMessages.simplify(rootMessage(e))));
            throw new YangValidationException(problem.path(), problem.reason(), e);
        }
    }

    /** Adds list keys named in the path but absent from the value, so gNMI clients may omit them. */
    private static JsonObject withKeys(ResolvedPath target, JsonObject entry) {
        NodeIdentifierWithPredicates id = (NodeIdentifierWithPredicates) target.identifier().getLastPathArgument();
        Map<String, String> pathKeys = target.path().last().keys();
        JsonObject copy = entry.deepCopy();
        for (QName key : id.keySet()) {
            String local = key.getLocalName();
            boolean present = copy.has(local) || copy.has(target.moduleName() + ":" + local);
            if (!present) {
                copy.addProperty(local, pathKeys.get(local));
            }
        }
        return copy;
    }

    private static MapNode wrapEntry(ResolvedPath target, MapEntryNode entry) {
        NodeIdentifier listId = NodeIdentifier.create(target.qname());
        ListEffectiveStatement list = (ListEffectiveStatement) target.statement();
        boolean userOrdered = list.ordering() == Ordering.USER;
        if (list.findFirstEffectiveSubstatement(KeyEffectiveStatement.class).isEmpty()) {
            throw new IllegalStateException("keyless list " + target.qname());
        }
        if (userOrdered) {
            return ImmutableNodes.newUserMapBuilder().withNodeIdentifier(listId).withChild(entry).build();
        }
        return ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(listId).withChild(entry).build();
    }

    private static JsonObject qualifyTopLevel(JsonObject object, String module) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            String name = e.getKey().indexOf(':') < 0 ? module + ":" + e.getKey() : e.getKey();
            out.add(name, e.getValue());
        }
        return out;
    }

    private static String describe(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        return "the scalar " + value;
    }

    /** The innermost message, which names the offending node in yangtools' exceptions. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
