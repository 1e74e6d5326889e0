package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PayloadValidator} that runs the full (YANG) validation only for payloads with something it has not
 * seen valid before. A payload is reduced to
 *
 * <ul>
 *   <li>its <em>shape</em>: the target path with key values left out, then every member name, the nesting of
 *       objects and arrays, and the JSON kind of every value (number, string, boolean, null); and</li>
 *   <li>its <em>facts</em>: each key value of the path and each scalar value, with the schema position it sits at
 *       (member names from the path's template down, array positions left out) and its JSON kind and exact text.</li>
 * </ul>
 *
 * <p>A payload whose shape and facts were all part of payloads the delegate accepted is accepted without asking the
 * delegate; anything new (a new member, a new nesting, a value of another kind, a value not seen at that position)
 * sends the whole payload to the delegate, and only an accepted payload is remembered. This is exact for every
 * check the JSON_IETF codec makes per node (names, nesting, types, ranges, patterns, enumerations, identities):
 * each of those depends only on a node's position and its value. Not re-checked for a known shape are relations
 * between two values of one payload (e.g. a list key in the path agreeing with the key leaf in the body), which the
 * driver's mappings write from one variable, and which the device checks on commit anyway.
 *
 * <p>Why: the controller sends a few fixed payload templates filled with values from a small set (grid frequencies,
 * port names, indexes), and full validation of each one was a large share of the driver's CPU per change. Memory is
 * bounded: past {@link #MAX_FACTS} remembered facts the memory is dropped and refilled (re-validation only costs
 * time). Thread-safe.
 */
final class MemoizingPayloadValidator implements PayloadValidator {

    /** Remembered facts (and shapes) before the memory is dropped. */
    static final int MAX_FACTS = 100_000;

    private final PayloadValidator delegate;
    private final Set<String> shapes = ConcurrentHashMap.newKeySet();
    private final Set<String> facts = ConcurrentHashMap.newKeySet();

    MemoizingPayloadValidator(PayloadValidator delegate) {
        this.delegate = delegate;
    }

    @Override
    public void validate(Path path, JsonNode value) {
        StringBuilder shape = new StringBuilder();
        List<String> found = new ArrayList<>();
        StringBuilder position = new StringBuilder();
        for (GnmiPath.Elem elem : GnmiPath.of(path).elems()) { // keys sorted by name, each key map read once
            position.append('/').append(elem.name());
            shape.append('/').append(elem.name());
            for (GnmiPath.Key k : elem.keys()) {
                shape.append('[').append(k.name()).append(']');
                found.add(position + "[" + k.name() + "]=" + k.value());
            }
        }
        shape.append(' ');
        walk(value, position.toString(), shape, found);
        String shapeKey = shape.toString();
        if (shapes.contains(shapeKey) && facts.containsAll(found)) {
            return;
        }
        delegate.validate(path, value); // throws when invalid: nothing is remembered
        if (facts.size() + found.size() > MAX_FACTS || shapes.size() >= MAX_FACTS) {
            facts.clear();
            shapes.clear();
        }
        facts.addAll(found);
        shapes.add(shapeKey);
    }

    /** Appends {@code node}'s shape and collects its facts ({@code position} = schema position of the node). */
    private static void walk(JsonNode node, String position, StringBuilder shape, List<String> found) {
        if (node.isObject()) {
            shape.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                shape.append(e.getKey()).append(':');
                walk(e.getValue(), position + '/' + e.getKey(), shape, found);
                shape.append(',');
            }
            shape.append('}');
        } else if (node.isArray()) {
            shape.append('[');
            for (JsonNode element : node) {
                walk(element, position, shape, found);
                shape.append(',');
            }
            shape.append(']');
        } else {
            char kind = node.isNumber() ? 'n' : node.isTextual() ? 's' : node.isBoolean() ? 'b' : '0';
            shape.append(kind);
            // kind and text identify the JSON value (a number's text is its exact literal) without serialising it
            found.add(position + '=' + kind + node.asText());
        }
    }
}
