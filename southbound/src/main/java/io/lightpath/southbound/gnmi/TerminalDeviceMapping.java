package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.southbound.spi.OpticalChannelState;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the transponder data lives in openconfig-platform / openconfig-terminal-device, and how it is encoded.
 *
 * <p>Writes are leaf-level replaces under {@code /components/component[name=X]/optical-channel/config}, so
 * leaves this controller does not manage (e.g. {@code line-port}) are left alone and the inverse restores each
 * leaf exactly. The administrative state is that of the logical channel assigned to the optical channel
 * ({@code /terminal-device/logical-channels/channel[index=N]/config/admin-state}), as in OpenConfig; a device
 * without such an assignment keeps its laser on while a frequency is configured, i.e. is always enabled.
 */
final class TerminalDeviceMapping {

    static final String MODULE = "openconfig-terminal-device";

    private TerminalDeviceMapping() {
    }

    /** Built once: messages are immutable, and a shared one keeps its memoized size and hash for every Set. */
    private static final Path COMPONENTS = GnmiPaths.builder().elem("components").build();
    private static final Path LOGICAL_CHANNELS =
            GnmiPaths.builder().elem("terminal-device").elem("logical-channels").build();

    /** The component list ({@code /components}). */
    static Path components() {
        return COMPONENTS;
    }

    static Path component(String name) {
        return GnmiPaths.join(COMPONENTS, GnmiPaths.builder().elem("component", "name", name).build());
    }

    static Path opticalChannel(String name) {
        return GnmiPaths.join(component(name), GnmiPaths.builder().elem("optical-channel").build());
    }

    static Path configLeaf(String name, String leaf) {
        return GnmiPaths.join(opticalChannel(name), GnmiPaths.builder().elem("config").elem(leaf).build());
    }

    static Path config(String name) {
        return GnmiPaths.join(opticalChannel(name), GnmiPaths.builder().elem("config").build());
    }

    static Path logicalChannels() {
        return LOGICAL_CHANNELS;
    }

    static Path logicalChannelAdminState(long index) {
        return GnmiPaths.join(logicalChannels(), GnmiPaths.builder()
                .elem("channel", "index", Long.toString(index)).elem("config").elem("admin-state").build());
    }

    /**
     * Index of the logical channel whose assignment points at optical channel {@code component}, read from the
     * CONFIG tree of {@code /terminal-device/logical-channels}.
     */
    static Optional<Long> logicalChannelFor(Optional<JsonNode> logicalChannels, String component) {
        if (logicalChannels.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> list = IetfJson.member(logicalChannels.get(), "channel");
        if (list.isEmpty() || !list.get().isArray()) {
            return Optional.empty();
        }
        for (JsonNode channel : list.get()) {
            Optional<JsonNode> assignments = IetfJson.at(channel, "logical-channel-assignments", "assignment");
            if (assignments.isEmpty() || !assignments.get().isArray()) {
                continue;
            }
            for (JsonNode assignment : assignments.get()) {
                boolean optical = IetfJson.at(assignment, "config", "assignment-type")
                        .map(t -> IetfJson.identity(t).equals("OPTICAL_CHANNEL")).orElse(false);
                boolean ours = IetfJson.at(assignment, "config", "optical-channel")
                        .map(c -> c.asText().equals(component)).orElse(false);
                if (optical && ours) {
                    return IetfJson.member(channel, "index").map(i -> IetfJson.decimal(i).longValueExact());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the optical channel is administratively enabled: the admin-state of the logical channel assigned to
     * it, or enabled when none is assigned (the laser is then on while a frequency is configured).
     */
    static boolean adminEnabled(Optional<JsonNode> logicalChannels, String component) {
        Optional<Long> index = logicalChannelFor(logicalChannels, component);
        if (index.isEmpty()) {
            return true;
        }
        for (JsonNode channel : logicalChannels.flatMap(l -> IetfJson.member(l, "channel")).orElseThrow()) {
            boolean match = IetfJson.member(channel, "index")
                    .map(i -> IetfJson.decimal(i).longValueExact() == index.get()).orElse(false);
            if (match) {
                return IetfJson.at(channel, "config", "admin-state")
                        .map(s -> IetfJson.identity(s).equals("ENABLED")).orElse(true);
            }
        }
        return true;
    }

    /** Decodes component state (type STATE of {@code /components/component[name=X]}). */
    static OpticalChannelState state(String name, JsonNode component) {
        OperStatus oper = IetfJson.at(component, "state", "oper-status")
                .map(s -> switch (IetfJson.identity(s)) {
                    case "ACTIVE", "UP" -> OperStatus.UP;
                    case "INACTIVE", "DISABLED", "DOWN" -> OperStatus.DOWN;
                    default -> OperStatus.UNKNOWN;
                })
                .orElse(OperStatus.UNKNOWN);
        Optional<JsonNode> och = IetfJson.at(component, "optical-channel", "state");
        long frequency = och.flatMap(s -> IetfJson.member(s, "frequency"))
                .map(f -> IetfJson.decimal(f).longValueExact()).orElse(0L);
        boolean los = och.flatMap(s -> IetfJson.member(s, "carrier-present"))
                .map(c -> !c.asBoolean(true)).orElse(false);
        return new OpticalChannelState(name, oper, frequency,
                instant(och, "output-power"), instant(och, "input-power"), instant(och, "osnr"),
                instant(och, "pre-fec-ber"), los);
    }

    private static OptionalDouble instant(Optional<JsonNode> state, String container) {
        return state.flatMap(s -> IetfJson.at(s, container, "instant"))
                .map(v -> OptionalDouble.of(IetfJson.decimal(v).doubleValue()))
                .orElse(OptionalDouble.empty());
    }
}
