package io.lightpath.qot;

import java.util.List;

/**
 * A QoT estimate with its breakdown, for operators comparing against gnpy. All SNRs are over the
 * channel's symbol rate unless the name says 0.1 nm.
 *
 * @param modeId the transceiver mode estimated
 * @param baudRateGbd its symbol rate, in GBd
 * @param launchPowerDbm launch power per channel, in dBm
 * @param fibers per-fiber noise, A to Z
 * @param nodes per-node noise, A to Z
 * @param txNsr the transmitter's own noise-to-signal ratio (linear)
 * @param estimate the resulting GSNR, OSNR in 0.1 nm and margin
 */
public record QotReport(
    String modeId,
    double baudRateGbd,
    double launchPowerDbm,
    List<FiberNoise> fibers,
    List<NodeNoise> nodes,
    double txNsr,
    QotEstimate estimate) {

  public QotReport {
    fibers = List.copyOf(fibers);
    nodes = List.copyOf(nodes);
  }

  /** Summed ASE noise-to-signal ratio of fibers and nodes (linear). */
  public double aseNsr() {
    return fibers.stream().mapToDouble(FiberNoise::aseNsr).sum()
        + nodes.stream().mapToDouble(NodeNoise::aseNsr).sum();
  }

  /** Summed NLI noise-to-signal ratio (linear). */
  public double nliNsr() {
    return fibers.stream().mapToDouble(FiberNoise::nliNsr).sum();
  }

  /** OSNR from line ASE only (no NLI, no transmitter), in 0.1 nm, in dB. */
  public double aseOsnr0p1nmDb() {
    return -GnModel.linearToDb(aseNsr()) + bandwidthToReferenceDb();
  }

  /** SNR from NLI only over the symbol rate, in dB. */
  public double nliSnrDb() {
    return -GnModel.linearToDb(nliNsr());
  }

  /** Path length, in km. */
  public double lengthKm() {
    return fibers.stream().mapToDouble(FiberNoise::lengthKm).sum();
  }

  private double bandwidthToReferenceDb() {
    return GnModel.linearToDb(baudRateGbd * 1e9 / GnModel.REFERENCE_BANDWIDTH_HZ);
  }
}
