package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link MediaChannelConfig} over gNMI and openconfig-wavelength-router. */
final class GnmiRoadm extends GnmiBehaviour implements MediaChannelConfig {

    GnmiRoadm(GnmiSession session) {
        super(session);
    }

    @Override
    public CompletableFuture<AppliedChange> configureMediaChannel(MediaChannel channel) {
        String description = "media channel " + channel.index() + " " + channel.lowerFrequencyMhz() + ".."
                + channel.upperFrequencyMhz() + " MHz " + channel.sourcePort() + " -> " + channel.destPort();
        return encodeThen(description, () -> session.apply(description, List.of(ConfigEdit.replace(
                WavelengthRouterMapping.channel(channel.index()), WavelengthRouterMapping.encode(channel)))));
    }

    @Override
    public CompletableFuture<AppliedChange> removeMediaChannel(int index) {
        return session.apply("remove media channel " + index,
                List.of(ConfigEdit.delete(WavelengthRouterMapping.channel(index))));
    }

    @Override
    public CompletableFuture<List<MediaChannel>> readMediaChannels() {
        return session.readConfig(WavelengthRouterMapping.channels())
                .thenApply(c -> decode("media channels", () -> WavelengthRouterMapping.decodeAll(c)));
    }
}
