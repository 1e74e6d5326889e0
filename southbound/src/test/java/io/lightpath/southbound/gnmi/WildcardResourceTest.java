package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.proto.gnmi.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WildcardResourceTest {

    private static Optional<String> resource(String pattern, String path) {
        Path p = GnmiPaths.parse(pattern);
        Path q = GnmiPaths.parse(path);
        Optional<String> converted = ResilientSubscription.wildcardResource(GnmiPath.of(p), GnmiPath.of(q));
        assertEquals(converted, ResilientSubscription.wildcardResource(p, q), "both forms agree");
        return converted;
    }

    @Test
    void theWildcardKeysValueOfAMatchingLeaf() {
        String pattern = "/components/component[name=*]/optical-channel/state/carrier-present";
        assertEquals(Optional.of("och-1/1]x"),
                resource(pattern, "/components/component[name=och-1/1\\]x]/optical-channel/state/carrier-present"));
        assertEquals(Optional.empty(),
                resource(pattern, "/components/component[name=och-1]/optical-channel/state/oper-status"));
        assertEquals(Optional.empty(), resource(pattern, "/components/component[name=och-1]/optical-channel/state"));
        assertEquals(Optional.empty(),
                resource(pattern, "/components/component[id=och-1]/optical-channel/state/carrier-present"));
        assertEquals(Optional.empty(),
                resource(pattern, "/components/component/optical-channel/state/carrier-present"));
        assertEquals(Optional.empty(), resource("/a[k=1]/b[n=*]", "/a[k=2]/b[n=x]"), "fixed keys must be equal");
        assertEquals(Optional.of("x"), resource("/a[k=1]/b[n=*]", "/a[k=1]/b[n=x]"));
        assertEquals(Optional.empty(), resource("/a[k=1]/b", "/a[k=1]/b"), "no wildcard, no resource");
    }
}
