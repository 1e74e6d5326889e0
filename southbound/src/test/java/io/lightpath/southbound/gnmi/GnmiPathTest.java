package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import java.util.List;
import org.junit.jupiter.api.Test;

class GnmiPathTest {

    private static GnmiPath path(String text) {
        return GnmiPath.of(GnmiPaths.parse(text));
    }

    @Test
    void formatsInTheGnmiStringFormKeysSortedAndEscaped() {
        for (String text : List.of("/", "/a", "/components/component[name=och-1/1]/optical-channel/config/frequency",
                "/a[k=x\\]y\\\\z]/b", "/a[k=]/b[k=[=]", "/oc-wr:wavelength-router/x[index=7]")) {
            assertEquals(text, path(text).format(), text);
        }
        assertEquals("/l[a=1][b=2]/x", path("/l[b=2][a=1]/x").format());
        assertEquals("/l[a=1][b=2]/x", GnmiPaths.format(GnmiPaths.parse("/l[b=2][a=1]/x")));
    }

    @Test
    void keysWithSpecialCharactersSurviveFormatAndParse() {
        Path odd = GnmiPaths.builder().elem("a", "k", "x]y\\z/w[v=u").elem("b").build();
        GnmiPath converted = GnmiPath.of(odd);
        assertEquals("x]y\\z/w[v=u", converted.elem(0).keys().get(0).value());
        assertEquals("/a[k=x\\]y\\\\z/w[v=u]/b", converted.format());
        assertEquals(converted, GnmiPath.of(GnmiPaths.parse(converted.format())));
    }

    @Test
    void equalityIgnoresKeyOrderButNotKeysNamesOrValues() {
        Path ab = Path.newBuilder().addElem(PathElem.newBuilder().setName("l").putKey("a", "1").putKey("b", "2"))
                .build();
        Path ba = Path.newBuilder().addElem(PathElem.newBuilder().setName("l").putKey("b", "2").putKey("a", "1"))
                .build();
        assertEquals(GnmiPath.of(ab), GnmiPath.of(ba));
        assertEquals(GnmiPath.of(ab).hashCode(), GnmiPath.of(ba).hashCode());
        assertNotEquals(path("/l[a=1][b=3]"), path("/l[a=1][b=2]"));
        assertNotEquals(path("/l[a=1]"), path("/l[a=1][b=2]"));
        assertNotEquals(path("/m[a=1]"), path("/l[a=1]"));
        assertNotEquals(path("/l"), path("/l[a=1]"));
        assertNotEquals(path("/l/x"), path("/l"));
    }

    @Test
    void prefixAndPathJoinAndTargetIsNotPartOfThePath() {
        Path prefix = GnmiPaths.parse("/a/b[k=1]").toBuilder().setTarget("roadm-1").setOrigin("openconfig").build();
        GnmiPath joined = GnmiPath.of(prefix, GnmiPaths.parse("c/d"));
        assertEquals(path("/a/b[k=1]/c/d"), joined);
        assertEquals(joined, GnmiPath.of(prefix).append(GnmiPaths.parse("c/d")));
        assertEquals(path("/a/b[k=1]"), GnmiPath.of(prefix));
        assertSame(GnmiPath.ROOT, GnmiPath.of(Path.newBuilder().setTarget("t").build()));
        assertEquals("/", GnmiPath.ROOT.format());
    }

    @Test
    void startsWithComparesWholeElementsWithTheirKeys() {
        GnmiPath parent = path("/a/b[k=1]");
        assertTrue(path("/a/b[k=1]/c").startsWith(parent));
        assertTrue(parent.startsWith(parent));
        assertTrue(parent.startsWith(GnmiPath.ROOT));
        assertFalse(path("/a/b[k=2]/c").startsWith(parent));
        assertFalse(path("/a/b/c").startsWith(parent));
        assertFalse(path("/a/b[k=1][j=2]/c").startsWith(parent));
        assertFalse(path("/a").startsWith(parent));
        // a key value with '/' is one value, not a deeper path
        assertFalse(path("/a/b[k=1]/c").startsWith(path("/a/b[k=1/c]")));
    }

    @Test
    void matchedByAScopeWithWildcardKeys() {
        GnmiPath scope = path("/components/component[name=*]/optical-channel/config");
        assertTrue(path("/components/component[name=och-1/1]/optical-channel/config/frequency").matchedBy(scope));
        assertTrue(path("/components/component[name=*]/optical-channel/config").matchedBy(scope));
        assertFalse(path("/components/component[name=och-1]/optical-channel/state/frequency").matchedBy(scope));
        assertFalse(path("/components/component[name=och-1]/optical-channel").matchedBy(scope), "above the scope");
        assertFalse(path("/components/component[id=och-1]/optical-channel/config").matchedBy(scope));
        assertFalse(path("/components/component/optical-channel/config").matchedBy(scope));
        assertFalse(path("/components/component[name=a][x=b]/optical-channel/config").matchedBy(scope));

        GnmiPath fixed = path("/l[a=*][b=2]/x");
        assertTrue(path("/l[b=2][a=7]/x/y").matchedBy(fixed));
        assertFalse(path("/l[a=7][b=3]/x/y").matchedBy(fixed));
        assertFalse(path("/l[a=7][c=2]/x/y").matchedBy(fixed));
        assertTrue(path("/l[a=1][b=2]/x").matchedBy(path("/l[a=1][b=2]")), "no wildcard: equal values");
        assertFalse(path("/l[a=*][b=2]/x").matchedBy(path("/l[a=1][b=2]")), "* in the path is only a value");
    }
}
