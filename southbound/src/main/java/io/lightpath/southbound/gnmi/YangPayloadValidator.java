package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import io.lightpath.yang.JsonIetfCodec;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangSchema;
import io.lightpath.yang.YangValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates payloads with the yang module's JSON_IETF codec: node names, types, ranges, enumerations,
 * identities and list keys of the value at the target path. Datastore-wide constraints (leafrefs, mandatory,
 * unique) are the device's to check on commit.
 *
 * <p>{@link #validate} asks the codec only about payloads with a shape or a value it has not accepted before
 * ({@link MemoizingPayloadValidator}): the driver's payloads are a few templates over a small set of values, so
 * after warm-up almost every Set is checked from memory. {@link #validateFully} always runs the codec.
 * Thread-safe.
 */
public final class YangPayloadValidator implements PayloadValidator {

    private final JsonIetfCodec codec;
    private final PayloadValidator memo;

    public YangPayloadValidator(YangSchema schema) {
        this.codec = new JsonIetfCodec(schema);
        this.memo = new MemoizingPayloadValidator(this::validateFully);
    }

    /** A validator for Lightpath's bundled modules (OpenConfig subset and lightpath-optical-switch). */
    public static YangPayloadValidator bundled() {
        return new YangPayloadValidator(YangSchema.bundled());
    }

    @Override
    public void validate(Path path, JsonNode value) {
        memo.validate(path, value);
    }

    /** Validates with the codec, remembering nothing. */
    public void validateFully(Path path, JsonNode value) {
        YangPath yangPath = toYangPath(path);
        String json;
        try {
            json = IetfJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise payload for " + yangPath, e);
        }
        try {
            codec.decode(yangPath, json);
        } catch (YangValidationException e) {
            throw new IllegalArgumentException("payload for " + yangPath + " violates the schema: " + e.getMessage(),
                    e);
        }
    }

    static YangPath toYangPath(Path path) {
        List<YangPath.Element> elements = new ArrayList<>();
        for (PathElem elem : path.getElemList()) {
            String name = elem.getName();
            int colon = name.indexOf(':');
            String module = colon < 0 ? null : name.substring(0, colon);
            elements.add(new YangPath.Element(module, colon < 0 ? name : name.substring(colon + 1), elem.getKeyMap()));
        }
        return new YangPath(elements);
    }
}
