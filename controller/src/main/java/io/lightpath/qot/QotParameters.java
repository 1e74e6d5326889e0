package io.lightpath.qot;

/**
 * System-wide assumptions of the QoT estimate (what gnpy calls the spectral information and the
 * design rules).
 *
 * @param launchPowerDbm power per channel launched into every span (every amplifier, including
 *     the implicit one after an unamplified span, restores this level), in dBm
 * @param load the WDM comb sharing each fiber with the channel under test
 * @param centerFrequencyThz optical frequency used for the photon energy hν, in THz
 * @param defaultNoiseFigureDb noise figure of the amplifiers the model assumes where the topology
 *     names none: after an unamplified span and after a node's insertion loss, in dB
 */
public record QotParameters(
    double launchPowerDbm, ChannelLoad load, double centerFrequencyThz, double defaultNoiseFigureDb) {

  /** C-band centre (191.3–196.1 THz) used by default, in THz. */
  public static final double DEFAULT_CENTER_FREQUENCY_THZ = 193.5;

  /** A typical variable-gain EDFA noise figure, in dB. */
  public static final double DEFAULT_NOISE_FIGURE_DB = 5.5;

  public QotParameters {
    if (!Double.isFinite(launchPowerDbm)) {
      throw new IllegalArgumentException("launchPowerDbm must be finite");
    }
    if (load == null) {
      throw new IllegalArgumentException("load is required");
    }
    if (!(centerFrequencyThz > 0)) {
      throw new IllegalArgumentException("centerFrequencyThz must be positive");
    }
    if (!(defaultNoiseFigureDb >= 0)) {
      throw new IllegalArgumentException("defaultNoiseFigureDb must be at least 0 dB");
    }
  }

  /** 0 dBm per channel, gnpy's default load, 193.5 THz, 5.5 dB implicit amplifiers. */
  public static QotParameters defaults() {
    return new QotParameters(
        0.0, ChannelLoad.GNPY_DEFAULT, DEFAULT_CENTER_FREQUENCY_THZ, DEFAULT_NOISE_FIGURE_DB);
  }

  public QotParameters withLaunchPowerDbm(double powerDbm) {
    return new QotParameters(powerDbm, load, centerFrequencyThz, defaultNoiseFigureDb);
  }

  public QotParameters withLoad(ChannelLoad newLoad) {
    return new QotParameters(launchPowerDbm, newLoad, centerFrequencyThz, defaultNoiseFigureDb);
  }
}
