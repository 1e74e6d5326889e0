package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.spi.MediaChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Media channels in openconfig-wavelength-router:
 * {@code /wavelength-router/media-channels/channel[index=N]} with {@code config/{index,lower-frequency,
 * upper-frequency,admin-status}}, {@code source/config/port-name} and {@code dest/config/port-name}.
 *
 * <p>The OpenConfig model has no leaf for a fixed per-channel attenuation value (only an
 * {@code attenuation-control-mode}); a non-zero {@link MediaChannel#attenuationDb()} is therefore refused with a
 * clear error instead of being silently dropped, and channels read back report 0 dB.
 */
final class WavelengthRouterMapping {

    static final String MODULE = "openconfig-wavelength-router";

    private WavelengthRouterMapping() {
    }

    /** Built once: messages are immutable, and a shared one keeps its memoized size and hash for every Set. */
    private static final Path CHANNELS = GnmiPaths.builder().elem("wavelength-router").elem("media-channels").build();

    static Path channels() {
        return CHANNELS;
    }

    static Path channel(int index) {
        return GnmiPaths.join(channels(), GnmiPaths.builder().elem("channel", "index", Integer.toString(index))
                .build());
    }

    static JsonNode encode(MediaChannel c) {
        if (c.attenuationDb() != 0.0) {
            throw new IllegalArgumentException("media channel " + c.index() + ": attenuationDb " + c.attenuationDb()
                    + " cannot be expressed in openconfig-wavelength-router (no attenuation value leaf)");
        }
        ObjectNode entry = IetfJson.object();
        entry.put(MODULE + ":index", c.index());
        ObjectNode config = entry.putObject(MODULE + ":config");
        config.put("index", c.index());
        config.set("lower-frequency", IetfJson.int64(c.lowerFrequencyMhz()));
        config.set("upper-frequency", IetfJson.int64(c.upperFrequencyMhz()));
        config.put("admin-status", "ENABLED");
        entry.putObject(MODULE + ":source").putObject("config").put("port-name", c.sourcePort());
        entry.putObject(MODULE + ":dest").putObject("config").put("port-name", c.destPort());
        return entry;
    }

    static MediaChannel decode(JsonNode entry) {
        JsonNode config = IetfJson.member(entry, "config")
                .orElseThrow(() -> new IllegalArgumentException("media channel without config: " + entry));
        int index = IetfJson.member(config, "index").or(() -> IetfJson.member(entry, "index"))
                .map(i -> IetfJson.decimal(i).intValueExact())
                .orElseThrow(() -> new IllegalArgumentException("media channel without index: " + entry));
        long lower = IetfJson.member(config, "lower-frequency").map(f -> IetfJson.decimal(f).longValueExact())
                .orElseThrow(() -> new IllegalArgumentException("media channel " + index + " without lower-frequency"));
        long upper = IetfJson.member(config, "upper-frequency").map(f -> IetfJson.decimal(f).longValueExact())
                .orElseThrow(() -> new IllegalArgumentException("media channel " + index + " without upper-frequency"));
        String source = IetfJson.at(entry, "source", "config", "port-name").map(JsonNode::asText)
                .orElseThrow(() -> new IllegalArgumentException("media channel " + index + " without source port"));
        String dest = IetfJson.at(entry, "dest", "config", "port-name").map(JsonNode::asText)
                .orElseThrow(() -> new IllegalArgumentException("media channel " + index + " without dest port"));
        return new MediaChannel(index, lower, upper, source, dest, 0.0);
    }

    static List<MediaChannel> decodeAll(Optional<JsonNode> channels) {
        List<MediaChannel> out = new ArrayList<>();
        channels.flatMap(c -> IetfJson.member(c, "channel")).ifPresent(list -> list.forEach(e -> out.add(decode(e))));
        out.sort(Comparator.comparingInt(MediaChannel::index));
        return out;
    }
}
