package io.lightpath.model;

/**
 * An optical amplifier at the end of a span.
 *
 * @param id identifier, may be empty
 * @param gainDb gain in dB; 0 means "compensates the preceding span's loss exactly"
 * @param noiseFigureDb noise figure in dB
 * @param channelPowerDbm launch power per channel at the output, in dBm
 */
public record Amplifier(String id, double gainDb, double noiseFigureDb, double channelPowerDbm) {}
