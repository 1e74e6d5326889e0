package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeContent} edits must give exactly the data the same value's JSON_IETF text gives, and
 * be rejected wherever the text is.
 */
class NodeContentTest {
    private static final YangPath OCH = YangPath.parse("/components/component[name=och-1]/optical-channel");
    private static final YangPath OCH_CONFIG = OCH.child("config");
    private static final YangPath CHANNELS = YangPath.parse("/terminal-device/logical-channels/channel");
    private static final YangPath CHANNEL_100 = YangPath.parse("/terminal-device/logical-channels/channel[index=100]");
    private static final YangPath MEDIA_7 = YangPath.parse("/wavelength-router/media-channels/channel[index=7]");

    private static ConfigDatastore transponder() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.TRANSPONDER_ROOT).commit();
        return ds;
    }

    private static ConfigDatastore roadm() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.ROADM_ROOT).commit();
        return ds;
    }

    /** Applies the edit as JSON to one store and as content to another and compares the results. */
    private static void assertSameAsJson(ConfigDatastore viaJson, ConfigDatastore viaContent,
            Consumer<ConfigDatastore.Transaction> json, Consumer<ConfigDatastore.Transaction> content) {
        ConfigDatastore.Transaction a = viaJson.newTransaction();
        json.accept(a);
        a.commit();
        ConfigDatastore.Transaction b = viaContent.newTransaction();
        content.accept(b);
        b.commit();
        assertEquals(viaJson.read(YangPath.ROOT).orElseThrow(), viaContent.read(YangPath.ROOT).orElseThrow());
        assertEquals(viaJson.snapshot(), viaContent.snapshot());
    }

    @Test
    void containerMergeAndReplaceMatchJson() {
        ConfigDatastore json = transponder();
        ConfigDatastore content = transponder();
        assertSameAsJson(json, content,
                tx -> tx.merge(OCH_CONFIG, "{\"frequency\": \"192000000\", \"target-output-power\": \"-2.25\"}"),
                tx -> tx.merge(OCH_CONFIG, new NodeContent().leaf("frequency", "192000000")
                        .leaf("target-output-power", "-2.25")));
        assertSameAsJson(json, content,
                tx -> tx.replace(OCH, "{\"config\": {\"frequency\": \"191000000\", \"operational-mode\": 7,"
                        + " \"line-port\": \"port-1\"}}"),
                tx -> {
                    NodeContent och = new NodeContent();
                    och.container("config").leaf("frequency", "191000000").leaf("operational-mode", "7")
                            .leaf("line-port", "port-1");
                    tx.replace(OCH, och);
                });
        assertEquals("\"191000000\"", content.read(OCH_CONFIG.child("frequency")).orElseThrow());
    }

    @Test
    void listEntriesWithIdentitiesEnumsAndDecimalsMatchJson() {
        ConfigDatastore json = transponder();
        ConfigDatastore content = transponder();
        YangPath channel200 = YangPath.parse("/terminal-device/logical-channels/channel[index=200]");
        assertSameAsJson(json, content,
                tx -> tx.replace(channel200, "{\"index\": 200, \"config\": {\"index\": 200, \"admin-state\": \"DISABLED\","
                        + " \"rate-class\": \"openconfig-transport-types:TRIB_RATE_100G\"},"
                        + " \"logical-channel-assignments\": {\"assignment\": [{\"index\": 1, \"config\": {\"index\": 1,"
                        + " \"assignment-type\": \"OPTICAL_CHANNEL\", \"optical-channel\": \"och-1\","
                        + " \"allocation\": \"100.000\"}}]}}"),
                tx -> {
                    // The entry's own key leaf comes from the path, as JSON values may omit it.
                    NodeContent channel = new NodeContent();
                    channel.container("config").leaf("index", "200").leaf("admin-state", "DISABLED")
                            .leaf("rate-class", "openconfig-transport-types:TRIB_RATE_100G");
                    channel.container("logical-channel-assignments").entry("assignment", Map.of("index", "1"))
                            .leaf("index", "1")
                            .container("config").leaf("index", "1").leaf("assignment-type", "OPTICAL_CHANNEL")
                            .leaf("optical-channel", "och-1").leaf("allocation", "100.000");
                    tx.replace(channel200, channel);
                });
    }

    @Test
    void wholeListAndLeafTargetsMatchJson() {
        ConfigDatastore json = roadm();
        ConfigDatastore content = roadm();
        YangPath distribution = MEDIA_7.child("spectrum-power-profile").child("distribution");
        assertSameAsJson(json, content,
                tx -> tx.replace(distribution, "[{\"lower-frequency\": \"193075000\", \"upper-frequency\": \"193100000\","
                        + " \"config\": {\"lower-frequency\": \"193075000\", \"upper-frequency\": \"193100000\","
                        + " \"target-power\": \"-4.00\"}}]")
                        .replace(MEDIA_7.child("config").child("name"), "\"svc-43\""),
                tx -> {
                    NodeContent list = new NodeContent();
                    list.entry("distribution", Map.of("lower-frequency", "193075000", "upper-frequency", "193100000"))
                            .leaf("lower-frequency", "193075000").leaf("upper-frequency", "193100000")
                            .container("config").leaf("lower-frequency", "193075000")
                            .leaf("upper-frequency", "193100000").leaf("target-power", "-4.00");
                    tx.replace(distribution, list)
                            .replace(MEDIA_7.child("config").child("name"), new NodeContent().value("svc-43"));
                });
    }

    /** Asserts that the JSON form and the content form of the same bad value are both rejected. */
    private static YangValidationException assertBothRejected(YangPath path, String json, NodeContent content) {
        ConfigDatastore ds = transponder();
        ConfigDatastore.Snapshot before = ds.snapshot();
        assertThrows(YangValidationException.class, () -> ds.newTransaction().merge(path, json).commit());
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> ds.newTransaction().merge(path, content).commit());
        assertEquals(before, ds.snapshot());
        return e;
    }

    @Test
    void badTypeIsRejectedNamingTheLeaf() {
        YangValidationException e = assertBothRejected(OCH_CONFIG, "{\"frequency\": \"lots\"}",
                new NodeContent().leaf("frequency", "lots"));
        assertEquals(OCH_CONFIG.child("frequency"), e.path());
        assertTrue(e.getMessage().contains("invalid value 'lots' for leaf 'frequency'"), e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        YangValidationException e = assertBothRejected(OCH_CONFIG, "{\"operational-mode\": 70000}",
                new NodeContent().leaf("operational-mode", "70000"));
        assertEquals(OCH_CONFIG.child("operational-mode"), e.path());
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
        // decimal64 with fraction-digits 2 takes no third digit.
        assertBothRejected(OCH_CONFIG, "{\"target-output-power\": \"1.555\"}",
                new NodeContent().leaf("target-output-power", "1.555"));
        assertBothRejected(OCH_CONFIG, "{\"frequency\": \"-1\"}", new NodeContent().leaf("frequency", "-1"));
    }

    @Test
    void unknownAndWrongBaseIdentitiesAreRejected() {
        YangPath config = CHANNEL_100.child("config");
        YangValidationException unknown = assertBothRejected(config,
                "{\"rate-class\": \"openconfig-transport-types:NO_SUCH_RATE\"}",
                new NodeContent().leaf("rate-class", "openconfig-transport-types:NO_SUCH_RATE"));
        assertEquals(config.child("rate-class"), unknown.path());
        // PROT_OTN exists but is a protocol, not a rate class: only the base check catches it.
        YangValidationException wrongBase = assertBothRejected(config,
                "{\"rate-class\": \"openconfig-transport-types:PROT_OTN\"}",
                new NodeContent().leaf("rate-class", "openconfig-transport-types:PROT_OTN"));
        assertTrue(wrongBase.getMessage().contains("is not derived from"), wrongBase.getMessage());
        assertBothRejected(config, "{\"admin-state\": \"SOMETIMES\"}", new NodeContent().leaf("admin-state", "SOMETIMES"));
    }

    @Test
    void listEntryWithoutItsKeyLeafIsRejected() {
        NodeContent channels = new NodeContent();
        channels.entry("channel", Map.of("index", "300")).container("config").leaf("index", "300");
        YangValidationException e = assertBothRejected(YangPath.parse("/terminal-device/logical-channels"),
                "{\"channel\": [{\"config\": {\"index\": 300}}]}", channels);
        assertTrue(e.getMessage().contains("lacks its key leaf 'index'"), e.getMessage());
        assertEquals(YangPath.parse("/terminal-device/logical-channels/channel[index=300]"), e.path());
    }

    @Test
    void keysContradictingThePathAreRejected() {
        NodeContent channel = new NodeContent().leaf("index", "101");
        YangValidationException e = assertBothRejected(CHANNEL_100, "{\"index\": 101}", channel);
        assertTrue(e.getMessage().contains("do not match the keys in the path"), e.getMessage());
    }

    @Test
    void danglingLeafrefIsRejected() {
        YangValidationException e = assertBothRejected(OCH_CONFIG, "{\"line-port\": \"port-9\"}",
                new NodeContent().leaf("line-port", "port-9"));
        assertTrue(e.getMessage().contains("port-9"), e.getMessage());
    }

    @Test
    void unknownNodesAndWrongKindsAreRejected() {
        YangValidationException unknown = assertBothRejected(OCH_CONFIG, "{\"colour\": \"blue\"}",
                new NodeContent().leaf("colour", "blue"));
        assertEquals(OCH_CONFIG.child("colour"), unknown.path());
        assertTrue(unknown.getMessage().contains("unknown node 'colour'"), unknown.getMessage());
        NodeContent leafAsContainer = new NodeContent();
        leafAsContainer.container("frequency");
        YangValidationException kind = assertBothRejected(OCH_CONFIG, "{\"frequency\": {}}", leafAsContainer);
        assertTrue(kind.getMessage().contains("'frequency' is a leaf, not a container"), kind.getMessage());
        assertBothRejected(CHANNELS, "[{\"index\": 5, \"bogus\": 1}]",
                contentOf(c -> c.entry("channel", Map.of("index", "5")).leaf("index", "5").leaf("bogus", "1")));
    }

    @Test
    void stateNodesAreRejectedInAConfigurationStore() {
        assertBothRejected(OCH, "{\"state\": {\"frequency\": \"193100000\"}}",
                contentOf(c -> c.container("state").leaf("frequency", "193100000")));
    }

    private static NodeContent contentOf(Consumer<NodeContent> fill) {
        NodeContent c = new NodeContent();
        fill.accept(c);
        return c;
    }
}
