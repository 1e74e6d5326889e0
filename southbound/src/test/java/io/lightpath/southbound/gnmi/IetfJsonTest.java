package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.lightpath.proto.gnmi.TypedValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IetfJsonTest {

    private static JsonNode json(String s) {
        return InTestTargetContractTest.json(s);
    }

    @Test
    void rfc7951EncodesSixtyFourBitAndDecimalValuesAsStrings() {
        assertEquals("\"193100000\"", IetfJson.int64(193_100_000L).toString());
        assertEquals("\"-1.50\"", IetfJson.decimal64(-1.5, 2).toString());
        assertEquals("\"0.12\"", IetfJson.decimal64(0.125, 2).toString()); // half-even rounding
    }

    @Test
    void comparisonIgnoresNumberRepresentationAndModulePrefixes() {
        JsonNode written = json("{\"m:config\": {\"frequency\": \"193100000\", \"mode\": 1, \"state\": \"m:ENABLED\"}}");
        JsonNode read = json("{\"config\": {\"frequency\": 193100000, \"mode\": \"1\", \"state\": \"ENABLED\","
                + " \"extra\": true}}");
        assertTrue(IetfJson.containsAll(read, written));
        assertFalse(IetfJson.equivalent(read, written));
        assertFalse(IetfJson.containsAll(json("{\"config\": {\"frequency\": 193100001}}"), written));
    }

    @Test
    void scalarsCompareAsNumbersOnlyWhenBothAreNumbers() {
        assertTrue(IetfJson.equivalent(json("\"-1.50\""), json("-1.5")));
        assertTrue(IetfJson.equivalent(json("\" 2.0\""), json("\"2\"")));
        assertTrue(IetfJson.equivalent(json("\"1e3\""), json("1000")));
        assertFalse(IetfJson.equivalent(json("\"1.5\""), json("\"1.50x\"")));
        assertTrue(IetfJson.equivalent(json("\"oc-opt-types:PROT_OTN\""), json("\"PROT_OTN\"")));
        assertFalse(IetfJson.equivalent(json("\"PROT_OTN\""), json("\"PROT_ETH\"")));
        assertFalse(IetfJson.equivalent(json("\"line1\""), json("1")));
    }

    @Test
    void notJsonIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> IetfJson.parse(ByteString.copyFromUtf8("{\"a\": ")));
        assertThrows(IllegalArgumentException.class, () -> IetfJson.decimal(json("\"abc\"")));
    }

    @Test
    void toBytesIsTheUtf8OfTheJsonText() throws Exception {
        JsonNode tree = json("{\"name\": \"port-\u00e9\\\"1\\\\\", \"f\": \"193100000\", \"n\": 1.5, \"l\": [true, null]}");
        ByteString bytes = IetfJson.toBytes(tree);
        assertEquals(ByteString.copyFromUtf8(IetfJson.MAPPER.writeValueAsString(tree)), bytes);
        assertEquals(tree, IetfJson.parse(bytes));
        assertEquals("port-\u00e9\"1\\", IetfJson.parse(bytes).get("name").asText());
    }

    @Test
    void updatesAtDescendantPathsAssembleIntoOneTree() {
        String state = "/components/component[name=x]/optical-channel/state";
        JsonNode tree = TypedValues.assemble(path(state), List.of(
                Map.entry(path(state + "/frequency"), TypedValue.newBuilder().setUintVal(193_100_000L).build()),
                Map.entry(path(state + "/output-power/instant"), TypedValue.newBuilder().setDoubleVal(1.25).build()),
                Map.entry(path("/elsewhere"), TypedValue.newBuilder().setBoolVal(true).build())))
                .orElseThrow();
        assertEquals(193_100_000L, IetfJson.member(tree, "frequency").orElseThrow().asLong());
        assertEquals(1.25, IetfJson.at(tree, "output-power", "instant").orElseThrow().asDouble());
        assertFalse(tree.has("elsewhere"));
    }

    private static GnmiPath path(String text) {
        return GnmiPath.of(GnmiPaths.parse(text));
    }
}
