package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@link CrossConnectConfig} over gNMI and lightpath-optical-switch. */
final class GnmiOpticalSwitch extends GnmiBehaviour implements CrossConnectConfig {

    GnmiOpticalSwitch(GnmiSession session) {
        super(session);
    }

    @Override
    public CompletableFuture<AppliedChange> connect(CrossConnect connect) {
        return connectAll(List.of(connect));
    }

    @Override
    public CompletableFuture<AppliedChange> connectAll(List<CrossConnect> connects) {
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        List<ConfigEdit> edits = new ArrayList<>();
        for (CrossConnect c : connects) {
            if (!inputs.add(c.inputPort()) || !outputs.add(c.outputPort())) {
                return CompletableFuture.failedFuture(new DeviceException(deviceId(),
                        DeviceException.Kind.INVALID_REQUEST, "cross-connect batch uses port twice: " + c));
            }
            edits.add(ConfigEdit.replace(OpticalSwitchMapping.crossConnect(c.inputPort()),
                    OpticalSwitchMapping.encode(c)));
        }
        String description = connects.size() == 1
                ? "cross-connect " + connects.get(0).inputPort() + " -> " + connects.get(0).outputPort()
                : connects.size() + " cross-connects";
        return session.apply(description, edits);
    }

    @Override
    public CompletableFuture<AppliedChange> disconnect(String inputPort) {
        return session.apply("disconnect " + inputPort,
                List.of(ConfigEdit.delete(OpticalSwitchMapping.crossConnect(inputPort))));
    }

    @Override
    public CompletableFuture<List<CrossConnect>> readCrossConnects() {
        return session.readConfig(OpticalSwitchMapping.crossConnects())
                .thenApply(c -> decode("cross-connects", () -> OpticalSwitchMapping.decodeAll(c)));
    }
}
