package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YangPathTest {

    @Test
    void parsesElementsKeysAndModules() {
        YangPath p = YangPath.parse("/openconfig-platform:components/component[name=Ethernet1/1]/config");
        assertEquals(3, p.size());
        assertEquals("openconfig-platform", p.elements().get(0).module());
        assertEquals(Map.of("name", "Ethernet1/1"), p.elements().get(1).keys());
        assertEquals("config", p.last().name());
        assertEquals("/openconfig-platform:components/component[name=Ethernet1/1]/config", p.toString());
    }

    @Test
    void multipleKeysKeepTheirOrderAndEscapesRoundTrip() {
        YangPath p = YangPath.parse("/a/b[lower-frequency=1][upper-frequency=2]/c[name=x\\]y\\\\z]");
        assertEquals(List.of("lower-frequency", "upper-frequency"), List.copyOf(p.elements().get(1).keys().keySet()));
        assertEquals("x]y\\z", p.last().keys().get("name"));
        assertEquals(p, YangPath.parse(p.toString()));
    }

    @Test
    void rootAndNavigation() {
        assertTrue(YangPath.parse("/").isRoot());
        assertTrue(YangPath.parse("").isRoot());
        YangPath p = YangPath.ROOT.child("optical-switch").child(YangPath.Element.of("port", "name", "1"));
        assertEquals("/optical-switch/port[name=1]", p.toString());
        assertEquals("/optical-switch", p.parent().toString());
        assertTrue(p.parent().contains(p));
        assertFalse(p.contains(p.parent()));
    }

    @Test
    void malformedPathsAreRejectedWithPosition() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> YangPath.parse("/a//b")).getMessage()
                .contains("offset"));
        assertThrows(IllegalArgumentException.class, () -> YangPath.parse("/a[name=x"));
        assertThrows(IllegalArgumentException.class, () -> YangPath.parse("/a[name]"));
        assertThrows(IllegalArgumentException.class, () -> YangPath.parse("/a/"));
        assertThrows(IllegalArgumentException.class, () -> YangPath.parse("/a[k=1][k=2]"));
    }
}
