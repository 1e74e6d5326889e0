package io.lightpath.qot;

/**
 * Physical-layer estimate for one channel over one path.
 *
 * @param gsnrDb generalized SNR (ASE + nonlinear interference + transceiver) over the signal
 *     bandwidth (the symbol rate), in dB
 * @param osnr0p1nmDb the same noise expressed as OSNR in a 0.1 nm (12.5 GHz) reference bandwidth,
 *     in dB
 * @param marginDb gsnrDb minus the mode's required GSNR, in dB
 */
public record QotEstimate(double gsnrDb, double osnr0p1nmDb, double marginDb) {}
