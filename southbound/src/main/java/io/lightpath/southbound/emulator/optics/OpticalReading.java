package io.lightpath.southbound.emulator.optics;

/**
 * What a transponder port receives.
 *
 * @param carrierPresent true when a carrier at the port's tuned frequency arrives
 * @param inputPowerDbm received power, dBm ({@link #DARK_POWER_DBM} when dark)
 * @param osnrDb OSNR at 12.5 GHz reference bandwidth, dB (0 when dark)
 * @param preFecBer bit error rate before FEC (0.5 when dark)
 * @param source {@code device:port} of the transmitter, or "" when dark
 */
public record OpticalReading(
    boolean carrierPresent, double inputPowerDbm, double osnrDb, double preFecBer, String source) {
  /** Power reported for a dark port, dBm. */
  public static final double DARK_POWER_DBM = -40.0;

  /** Loss of signal. */
  public static final OpticalReading DARK =
      new OpticalReading(false, DARK_POWER_DBM, 0.0, 0.5, "");
}
