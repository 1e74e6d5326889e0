package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.TransponderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link TransponderConfig} and {@link OpticalStateReader} over gNMI and openconfig-terminal-device. */
final class GnmiTransponder extends GnmiBehaviour implements TransponderConfig, OpticalStateReader {

    GnmiTransponder(GnmiSession session) {
        super(session);
    }

    /**
     * Logical channel index assigned to each optical channel, read once from {@code /terminal-device/logical-channels}
     * and reused: the assignment is static configuration, and reading the whole list for every change would cost a
     * full Get per provision. Dropped by {@link #forgetLogicalChannels()} when a change finds it stale.
     */
    private volatile CompletableFuture<Optional<JsonNode>> logicalChannels;

    CompletableFuture<Optional<Long>> logicalChannelOf(String component) {
        CompletableFuture<Optional<JsonNode>> cached = logicalChannels;
        if (cached == null || cached.isCompletedExceptionally()) {
            cached = session.readConfig(TerminalDeviceMapping.logicalChannels());
            logicalChannels = cached;
        }
        return cached.thenApply(l -> decode("logical channels", () -> TerminalDeviceMapping.logicalChannelFor(l,
                component)));
    }

    void forgetLogicalChannels() {
        logicalChannels = null;
    }

    static String describe(OpticalChannelConfig config) {
        return "optical channel " + config.componentName() + " -> " + config.frequencyMhz() + " MHz, "
                + config.targetOutputPowerDbm() + " dBm, mode " + config.operationalMode()
                + (config.adminEnabled() ? ", enabled" : ", disabled");
    }

    /** The edits that tune {@code config}; fails when it asks to disable a channel without a logical channel. */
    List<ConfigEdit> tuneEdits(OpticalChannelConfig config, Optional<Long> carrier) {
        String name = config.componentName();
        List<ConfigEdit> edits = new ArrayList<>();
        edits.add(ConfigEdit.replace(TerminalDeviceMapping.configLeaf(name, "frequency"),
                IetfJson.int64(config.frequencyMhz())));
        edits.add(ConfigEdit.replace(TerminalDeviceMapping.configLeaf(name, "target-output-power"),
                IetfJson.decimal64(config.targetOutputPowerDbm(), 2)));
        edits.add(ConfigEdit.replace(TerminalDeviceMapping.configLeaf(name, "operational-mode"),
                IntNode.valueOf(config.operationalMode())));
        if (carrier.isPresent()) {
            edits.add(ConfigEdit.replace(TerminalDeviceMapping.logicalChannelAdminState(carrier.get()),
                    TextNode.valueOf(config.adminEnabled() ? "ENABLED" : "DISABLED")));
        } else if (!config.adminEnabled()) {
            throw new DeviceException(deviceId(), DeviceException.Kind.INVALID_REQUEST, describe(config)
                    + ": no logical channel is assigned to " + name + ", so it cannot be disabled");
        }
        return edits;
    }

    /**
     * The edits that return an optical channel to its unconfigured state: frequency, target-output-power and
     * operational-mode deleted (the emulated and OpenConfig transponders keep the laser dark without a frequency),
     * the assigned logical channel DISABLED.
     */
    static List<ConfigEdit> resetEdits(String name, Optional<Long> carrier) {
        List<ConfigEdit> edits = new ArrayList<>();
        for (String leaf : List.of("frequency", "target-output-power", "operational-mode")) {
            edits.add(ConfigEdit.delete(TerminalDeviceMapping.configLeaf(name, leaf)));
        }
        carrier.ifPresent(c -> edits.add(ConfigEdit.replace(TerminalDeviceMapping.logicalChannelAdminState(c),
                TextNode.valueOf("DISABLED"))));
        return edits;
    }

    @Override
    public CompletableFuture<AppliedChange> configureOpticalChannel(OpticalChannelConfig config) {
        String description = describe(config);
        return logicalChannelOf(config.componentName()).thenCompose(carrier -> {
            List<ConfigEdit> edits;
            try {
                edits = tuneEdits(config, carrier);
            } catch (DeviceException e) {
                return CompletableFuture.failedFuture(e);
            }
            return session.apply(description, edits);
        });
    }

    @Override
    public CompletableFuture<OpticalChannelConfig> readOpticalChannel(String componentName) {
        CompletableFuture<Optional<JsonNode>> config = session.readConfig(TerminalDeviceMapping.config(componentName));
        CompletableFuture<Optional<JsonNode>> logical = session.readConfig(TerminalDeviceMapping.logicalChannels());
        return config.thenCombine(logical, (c, l) -> {
            JsonNode node = c.orElseThrow(() -> notFound("optical channel " + componentName));
            return decode("optical channel " + componentName, () -> {
                long frequency = IetfJson.member(node, "frequency").map(f -> IetfJson.decimal(f).longValueExact())
                        .orElseThrow(() -> new IllegalArgumentException("no frequency configured"));
                double power = IetfJson.member(node, "target-output-power")
                        .map(p -> IetfJson.decimal(p).doubleValue()).orElse(0.0);
                int mode = IetfJson.member(node, "operational-mode").map(m -> IetfJson.decimal(m).intValueExact())
                        .orElse(0);
                boolean enabled = TerminalDeviceMapping.adminEnabled(l, componentName);
                return new OpticalChannelConfig(componentName, frequency, power, mode, enabled);
            });
        });
    }

    @Override
    public CompletableFuture<List<OpticalChannelConfig>> readOpticalChannels() {
        CompletableFuture<Optional<JsonNode>> components = session.readConfig(TerminalDeviceMapping.components());
        CompletableFuture<Optional<JsonNode>> logical = session.readConfig(TerminalDeviceMapping.logicalChannels());
        return components.thenCombine(logical, (c, l) -> decode("optical channels", () -> {
            List<OpticalChannelConfig> out = new ArrayList<>();
            JsonNode list = c.flatMap(n -> IetfJson.member(n, "component")).orElse(null);
            if (list != null && list.isArray()) {
                for (JsonNode entry : list) {
                    String name = IetfJson.member(entry, "name").map(JsonNode::asText).orElse("");
                    Optional<JsonNode> och = IetfJson.at(entry, "optical-channel", "config");
                    Optional<Long> frequency = och.flatMap(o -> IetfJson.member(o, "frequency"))
                            .map(f -> IetfJson.decimal(f).longValueExact());
                    if (name.isEmpty() || frequency.isEmpty() || frequency.get() == 0) {
                        continue; // not a tuned optical channel
                    }
                    double power = och.flatMap(o -> IetfJson.member(o, "target-output-power"))
                            .map(p -> IetfJson.decimal(p).doubleValue()).orElse(0.0);
                    int mode = och.flatMap(o -> IetfJson.member(o, "operational-mode"))
                            .map(m -> IetfJson.decimal(m).intValueExact()).orElse(0);
                    out.add(new OpticalChannelConfig(name, frequency.get(), power, mode,
                            TerminalDeviceMapping.adminEnabled(l, name)));
                }
            }
            out.sort(java.util.Comparator.comparing(OpticalChannelConfig::componentName));
            return out;
        }));
    }

    @Override
    public CompletableFuture<OpticalChannelState> readOpticalChannelState(String componentName) {
        return session.read(TerminalDeviceMapping.component(componentName), GetRequest.DataType.STATE)
                .thenApply(state -> {
                    JsonNode node = state.orElseThrow(() -> notFound("component " + componentName));
                    return decode("state of " + componentName, () -> TerminalDeviceMapping.state(componentName, node));
                });
    }
}
