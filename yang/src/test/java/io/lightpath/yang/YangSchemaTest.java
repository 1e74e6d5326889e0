package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import io.lightpath.yang.internal.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void directorySchemaIsParsedOncePerDirectory(@TempDir Path dir) throws IOException {
        for (String file : SchemaLoader.BUNDLED_FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("yang/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        YangSchema schema = YangSchema.fromDirectory(dir);
        assertEquals(YangSchema.bundled().modules(), schema.modules());
        assertSame(schema, YangSchema.fromDirectory(dir.resolve(".")));
    }

    @Test
    void brokenOrEmptyDirectoriesFailClearly(@TempDir Path dir) throws IOException {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> YangSchema.fromDirectory(dir));
        assertTrue(empty.getMessage().contains("no *.yang files"), empty.getMessage());
        Files.writeString(dir.resolve("broken.yang"), "module broken { namespace \"urn:x\"; prefix b; import missing { prefix m; } }");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> YangSchema.fromDirectory(dir.resolve("./")));
        assertTrue(broken.getMessage().contains("missing"), broken.getMessage());
    }
}
