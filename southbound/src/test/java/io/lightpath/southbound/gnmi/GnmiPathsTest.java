package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.gnmi.Path;
import org.junit.jupiter.api.Test;

class GnmiPathsTest {

    @Test
    void keysMayContainSlashesAndEscapedBrackets() {
        Path p = GnmiPaths.parse("/components/component[name=och-1/1]/optical-channel/config/frequency");
        assertEquals(5, p.getElemCount());
        assertEquals("och-1/1", p.getElem(1).getKeyOrThrow("name"));
        Path odd = GnmiPaths.builder().elem("a", "k", "x]y\\z").elem("b").build();
        assertEquals(odd, GnmiPaths.parse(GnmiPaths.format(odd)));
    }

    @Test
    void formatSortsKeysSoEqualPathsFormatEqually() {
        Path p = GnmiPaths.parse("/l[b=2][a=1]/x");
        assertEquals("/l[a=1][b=2]/x", GnmiPaths.format(p));
        assertEquals("/", GnmiPaths.format(GnmiPaths.parse("/")));
    }

    @Test
    void prefixRelations() {
        Path parent = GnmiPaths.parse("/a/b[k=1]");
        assertTrue(GnmiPaths.startsWith(GnmiPaths.parse("/a/b[k=1]/c"), parent));
        assertFalse(GnmiPaths.startsWith(GnmiPaths.parse("/a/b[k=2]/c"), parent));
        assertEquals(GnmiPaths.parse("/a/b[k=1]/c"), GnmiPaths.join(parent, GnmiPaths.parse("c")));
    }

    @Test
    void malformedPathsAreRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> GnmiPaths.parse("/a[k=1"));
        assertThrows(IllegalArgumentException.class, () -> GnmiPaths.parse("/a[k]"));
        assertThrows(IllegalArgumentException.class, () -> GnmiPaths.parse("/a//b"));
    }
}
