package io.lightpath.reconcile;

import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.List;

/**
 * The controller-managed configuration read from one device; the lists of capabilities the
 * device does not have are empty.
 *
 * @param mediaChannels ROADM media channels
 * @param crossConnects OCS cross-connects
 * @param opticalChannels transponder optical channels that have a frequency configured
 */
record ActualConfig(List<MediaChannel> mediaChannels, List<CrossConnect> crossConnects,
    List<OpticalChannelConfig> opticalChannels) {
  ActualConfig {
    mediaChannels = List.copyOf(mediaChannels);
    crossConnects = List.copyOf(crossConnects);
    opticalChannels = List.copyOf(opticalChannels);
  }

  static ActualConfig roadm(List<MediaChannel> channels) {
    return new ActualConfig(channels, List.of(), List.of());
  }

  static ActualConfig ocs(List<CrossConnect> connects) {
    return new ActualConfig(List.of(), connects, List.of());
  }

  static ActualConfig transponder(List<OpticalChannelConfig> channels) {
    return new ActualConfig(List.of(), List.of(), channels);
  }
}
