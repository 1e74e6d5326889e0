package io.lightpath.model;

/**
 * One operational mode of a coherent transceiver type, from the catalog (data, not code).
 *
 * @param id unique mode id, such as "400ZR-DP16QAM-60G"
 * @param type transceiver type it belongs to (inventory is counted per type), such as "400ZR"
 * @param lineRateGbps client line rate in Gb/s (100, 200, 400, 800)
 * @param baudRateGbd symbol rate in GBd
 * @param modulation modulation format, such as "DP-16QAM"
 * @param widthMhz channel width it needs, in MHz (a multiple of 12,500)
 * @param requiredGsnrDb GSNR the receiver needs over the signal bandwidth, in dB
 * @param txOsnrDb transmitter OSNR in 0.1 nm, in dB
 * @param minTxPowerDbm lowest transmit power, in dBm
 * @param maxTxPowerDbm highest transmit power, in dBm
 * @param powerW electrical power draw of one transceiver in this mode, in W
 */
public record TransceiverMode(
    String id,
    String type,
    int lineRateGbps,
    double baudRateGbd,
    String modulation,
    long widthMhz,
    double requiredGsnrDb,
    double txOsnrDb,
    double minTxPowerDbm,
    double maxTxPowerDbm,
    double powerW) {}
