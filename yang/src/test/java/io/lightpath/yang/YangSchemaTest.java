package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YangSchemaTest {

    @Test
    void bundledSchemaHasOurModulesWithUpstreamIdentity() {
        YangSchema schema = YangSchema.bundled();
        Map<String, ModuleInfo> byName = schema.modules().stream()
                .collect(Collectors.toMap(ModuleInfo::name, m -> m));
        ModuleInfo td = byName.get("openconfig-terminal-device");
        assertEquals("http://openconfig.net/yang/terminal-device", td.namespace());
        assertEquals("oc-opt-term", td.prefix());
        assertEquals("2026-01-14", td.revision().orElseThrow());
        assertEquals("1.12.0", td.version().orElseThrow());
        assertEquals("http://openconfig.net/yang/platform", byName.get("openconfig-platform").namespace());
        assertEquals("http://openconfig.net/yang/wavelength-router",
                byName.get("openconfig-wavelength-router").namespace());
        ModuleInfo ocs = byName.get("lightpath-optical-switch");
        assertEquals("urn:lightpath:yang:optical-switch", ocs.namespace());
        assertEquals("lp-ocs", ocs.prefix());
        assertTrue(byName.containsKey("openconfig-extensions"));
        assertEquals(9, schema.modules().size());
    }

    @Test
    void bundledSchemaIsParsedOnce() {
        assertSame(YangSchema.bundled(), YangSchema.bundled());
        assertSame(YangSchema.bundled().modelContext(), YangSchema.bundled().modelContext());
    }
}
