package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.spi.CrossConnect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Cross-connects in lightpath-optical-switch:
 * {@code /optical-switch/cross-connects/cross-connect[input-port=P]/config/{input-port,output-port}}.
 *
 * <p>A bulk change writes many list entries in one SetRequest (atomic per gNMI), rather than a
 * {@code reconfigurations} entry, so that its inverse is again a plain list edit that restores the exact prior
 * entries.
 */
final class OpticalSwitchMapping {

    static final String MODULE = "lightpath-optical-switch";

    private OpticalSwitchMapping() {
    }

    /** Built once: messages are immutable, and a shared one keeps its memoized size and hash for every Set. */
    private static final Path CROSS_CONNECTS =
            GnmiPaths.builder().elem("optical-switch").elem("cross-connects").build();

    static Path crossConnects() {
        return CROSS_CONNECTS;
    }

    static Path crossConnect(String inputPort) {
        return GnmiPaths.join(crossConnects(), GnmiPaths.builder().elem("cross-connect", "input-port", inputPort)
                .build());
    }

    static Path port(String name) {
        return GnmiPaths.builder().elem("optical-switch").elem("ports").elem("port", "name", name).build();
    }

    static JsonNode encode(CrossConnect c) {
        ObjectNode entry = IetfJson.object();
        entry.put(MODULE + ":input-port", c.inputPort());
        ObjectNode config = entry.putObject(MODULE + ":config");
        config.put("input-port", c.inputPort());
        config.put("output-port", c.outputPort());
        return entry;
    }

    static CrossConnect decode(JsonNode entry) {
        String in = IetfJson.at(entry, "config", "input-port").or(() -> IetfJson.member(entry, "input-port"))
                .map(JsonNode::asText)
                .orElseThrow(() -> new IllegalArgumentException("cross-connect without input-port: " + entry));
        String out = IetfJson.at(entry, "config", "output-port").map(JsonNode::asText)
                .orElseThrow(() -> new IllegalArgumentException("cross-connect " + in + " without output-port"));
        return new CrossConnect(in, out);
    }

    static List<CrossConnect> decodeAll(Optional<JsonNode> crossConnects) {
        List<CrossConnect> out = new ArrayList<>();
        crossConnects.flatMap(c -> IetfJson.member(c, "cross-connect"))
                .ifPresent(list -> list.forEach(e -> out.add(decode(e))));
        out.sort(Comparator.comparing(CrossConnect::inputPort));
        return out;
    }
}
