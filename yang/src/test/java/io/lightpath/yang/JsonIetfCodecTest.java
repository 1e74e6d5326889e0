package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

class JsonIetfCodecTest {
    private final JsonIetfCodec codec = new JsonIetfCodec(YangSchema.bundled());

    @Test
    void opticalChannelConfigRoundTripsWithQualifiedTopLevelNames() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        String unqualified = """
                {"frequency": 193100000, "target-output-power": 1.5, "operational-mode": 4, "line-port": "port-1"}
                """;
        String encoded = codec.encode(path, codec.decode(path, unqualified));
        assertEquals(JsonParser.parseString(Payloads.OCH_CONFIG), JsonParser.parseString(encoded));
        assertEquals(JsonParser.parseString(encoded),
                JsonParser.parseString(codec.canonicalize(path, Payloads.OCH_CONFIG)));
    }

    @Test
    void leafValueIsAScalar() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config/frequency");
        NormalizedNode node = codec.decode(path, "\"191350000\"");
        assertEquals("191350000", ((LeafNode<?>) node).body().toString());
        assertEquals("\"191350000\"", codec.encode(path, node));
    }

    @Test
    void listEntryKeysMayBeOmittedAndAreFilledFromThePath() {
        YangPath path = YangPath.parse("/wavelength-router/media-channels/channel[index=7]");
        NormalizedNode node = codec.decode(path, """
                {"config": {"index": 7, "lower-frequency": "193075000", "upper-frequency": "193125000"}}
                """);
        assertTrue(node instanceof MapEntryNode);
        String json = codec.encode(path, node);
        assertEquals(7, JsonParser.parseString(json).getAsJsonObject()
                .get("openconfig-wavelength-router:index").getAsInt());
    }

    @Test
    void rootRoundTrip() {
        NormalizedNode root = codec.decode(YangPath.ROOT, Payloads.OCS_ROOT);
        String json = codec.encode(YangPath.ROOT, root);
        assertEquals(root, codec.decode(YangPath.ROOT, json));
        assertTrue(json.startsWith("{\"lightpath-optical-switch:optical-switch\":"), json);
    }

    @Test
    void unknownLeafIsRejectedWithPathAndName() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> codec.decode(path, "{\"frequncy\": 193100000}"));
        assertEquals(path.child("frequncy"), e.path());
        assertTrue(e.getMessage().contains("known here: [frequency, line-port, operational-mode, target-output-power]"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("/components/component[name=och-1]/optical-channel/config/frequncy: "),
                e.getMessage());
    }

    @Test
    void outOfRangeValueIsRejected() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> codec.decode(path, "{\"operational-mode\": 70000}"));
        assertEquals(path.child("operational-mode"), e.path());
        assertTrue(e.getMessage().contains("70000") && e.getMessage().contains("0..65535"), e.getMessage());
    }

    @Test
    void wrongTypeEnumAndIdentityAreRejected() {
        YangPath config = YangPath.parse("/terminal-device/logical-channels/channel[index=1]/config");
        assertThrows(YangValidationException.class, () -> codec.decode(config, "{\"admin-state\": \"ON\"}"));
        YangValidationException identity = assertThrows(YangValidationException.class,
                () -> codec.decode(config, "{\"rate-class\": \"openconfig-transport-types:TRIB_RATE_7G\"}"));
        assertTrue(identity.getMessage().contains("TRIB_RATE_7G"), identity.getMessage());
        YangValidationException wrongBase = assertThrows(YangValidationException.class,
                () -> codec.decode(config, "{\"rate-class\": \"openconfig-transport-types:PROT_OTN\"}"));
        assertEquals(config.child("rate-class").toString(), wrongBase.path().toString().replace(
                "/openconfig-terminal-device:", "/"));
        assertTrue(wrongBase.getMessage().contains("TRIBUTARY_RATE_CLASS_TYPE"), wrongBase.getMessage());
        YangPath frequency = YangPath.parse("/components/component[name=och-1]/optical-channel/config/frequency");
        assertThrows(YangValidationException.class, () -> codec.decode(frequency, "\"-5\""));
        assertThrows(YangValidationException.class, () -> codec.decode(frequency, "\"193.1THz\""));
    }

    @Test
    void keyInValueMustMatchKeyInPath() {
        YangPath path = YangPath.parse("/components/component[name=och-1]");
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> codec.decode(path, "{\"name\": \"och-2\", \"config\": {\"name\": \"och-2\"}}"));
        assertTrue(e.getMessage().contains("och-2") && e.getMessage().contains("och-1"), e.getMessage());
    }

    @Test
    void pathErrorsNameTheOffendingElement() {
        YangValidationException unknown = assertThrows(YangValidationException.class,
                () -> codec.toInstanceIdentifier(YangPath.parse("/components/component[name=x]/optical-chanel")));
        assertEquals(YangPath.parse("/components/component[name=x]/optical-chanel"), unknown.path());
        assertTrue(unknown.getMessage().contains("optical-channel"), "lists known children: " + unknown.getMessage());
        YangValidationException missingKey = assertThrows(YangValidationException.class,
                () -> codec.toInstanceIdentifier(YangPath.parse("/components/component/config")));
        assertTrue(missingKey.getMessage().contains("name"), missingKey.getMessage());
        YangValidationException badKey = assertThrows(YangValidationException.class,
                () -> codec.toInstanceIdentifier(YangPath.parse("/terminal-device/logical-channels/channel[index=abc]")));
        assertTrue(badKey.getMessage().contains("abc"), badKey.getMessage());
    }

    @Test
    void malformedJsonIsRejected() {
        YangPath path = YangPath.parse("/optical-switch/config");
        YangValidationException e = assertThrows(YangValidationException.class, () -> codec.decode(path, "{\"name\": "));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertThrows(YangValidationException.class, () -> codec.decode(path, "[1,2]"));
    }

    @Test
    void identifiersConvertBothWays() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config/frequency");
        YangPath back = codec.toYangPath(codec.toInstanceIdentifier(path));
        assertEquals("/openconfig-platform:components/component[name=och-1]"
                + "/openconfig-terminal-device:optical-channel/config/frequency", back.toString());
        assertEquals(codec.toInstanceIdentifier(path), codec.toInstanceIdentifier(back));
    }

    @Test
    void encodingANodeAtAPathThatDoesNotNameItFails() {
        YangPath config = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        NormalizedNode leaf = codec.decode(config.child("frequency"), "\"193100000\"");
        YangValidationException e = assertThrows(YangValidationException.class, () -> codec.encode(config, leaf));
        assertEquals(config, e.path());
        assertTrue(e.getMessage().contains("frequency") && e.getMessage().contains("container"), e.getMessage());
        NormalizedNode entry = codec.decode(YangPath.parse("/components/component[name=och-1]"),
                "{\"config\": {\"name\": \"och-1\"}}");
        assertThrows(YangValidationException.class,
                () -> codec.encode(YangPath.parse("/components/component[name=och-2]"), entry));
    }

    @Test
    void encodingFollowsSchemaOrderWhateverTheInputOrder() {
        YangPath path = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        String a = codec.canonicalize(path, "{\"line-port\": \"p\", \"frequency\": 1, \"operational-mode\": 2}");
        String b = codec.canonicalize(path, "{\"operational-mode\": 2, \"frequency\": 1, \"line-port\": \"p\"}");
        assertEquals(a, b);
        assertEquals("{\"openconfig-terminal-device:frequency\":\"1\",\"openconfig-terminal-device:operational-mode\":2,"
                + "\"openconfig-terminal-device:line-port\":\"p\"}", a);
    }

    @Test
    void decodeConfigRejectsStateNodes() {
        YangPath och = YangPath.parse("/components/component[name=och-1]/optical-channel");
        codec.decodeConfig(och, "{\"config\": {\"frequency\": \"193100000\"}}");
        YangValidationException e = assertThrows(YangValidationException.class, () -> codec.decodeConfig(och,
                "{\"config\": {\"frequency\": \"193100000\"}, \"state\": {\"frequency\": \"193100000\"}}"));
        assertTrue(e.path().toString().endsWith("optical-channel/state"), e.path().toString());
        assertTrue(codec.isConfiguration(och.child("config")));
        assertTrue(!codec.isConfiguration(och.child("state").child("output-power")));
        assertTrue(codec.isConfiguration(YangPath.ROOT));
    }
}
