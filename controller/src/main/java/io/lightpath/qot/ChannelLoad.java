package io.lightpath.qot;

/**
 * The WDM comb a channel under test shares each fiber with, as the GN model sees it: a uniform
 * load of identical channels on a fixed grid, all launched at the same power per channel.
 *
 * @param numChannels channels on the fiber including the channel under test (at least 1)
 * @param spacingGhz grid spacing between neighbouring channel centres, in GHz
 * @param baudRateGbd symbol rate of the other (interfering) channels, in GBd
 */
public record ChannelLoad(int numChannels, double spacingGhz, double baudRateGbd) {

  /** gnpy's default spectral information: 32 GBd channels on a 50 GHz grid. */
  public static final ChannelLoad GNPY_DEFAULT = new ChannelLoad(76, 50.0, 32.0);

  public ChannelLoad {
    if (numChannels < 1) {
      throw new IllegalArgumentException("numChannels must be at least 1, got " + numChannels);
    }
    if (!(spacingGhz > 0) || !(baudRateGbd > 0)) {
      throw new IllegalArgumentException(
          "spacingGhz and baudRateGbd must be positive, got " + spacingGhz + ", " + baudRateGbd);
    }
    if (baudRateGbd > spacingGhz) {
      throw new IllegalArgumentException(
          "interfering channels of " + baudRateGbd + " GBd overlap on a " + spacingGhz + " GHz grid");
    }
  }
}
