package io.lightpath.gnpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotParameters;
import io.lightpath.qot.QotReport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gnpy's simplest case end to end: Transceiver → Fiber → Edfa → Transceiver. */
class GnpyPointToPointQotTest {

  private static final String NETWORK = """
      {"network_name": "p2p",
       "elements": [
         {"uid": "west", "type": "Transceiver"},
         {"uid": "span", "type": "Fiber", "type_variety": "SSMF",
          "params": {"length": 80, "length_units": "km", "loss_coef": 0.2,
                     "con_in": 0.5, "con_out": 0.5}},
         {"uid": "amp", "type": "Edfa", "type_variety": "std_low_gain",
          "operational": {"gain_target": 17, "tilt_target": 0}},
         {"uid": "east", "type": "Transceiver"}],
       "connections": [
         {"from_node": "west", "to_node": "span"},
         {"from_node": "span", "to_node": "amp"},
         {"from_node": "amp", "to_node": "east"}]}
      """;

  @Test
  void gsnrOfOneSpanLinkMatchesHandArithmetic() throws IOException {
    Topology t = new GnpyNetworkReader().read(new ObjectMapper().readTree(NETWORK)).topology();
    Fiber f = t.fiber("west-east");

    // std_low_gain (gain 8–16 dB, NF 6.5–11 dB), gnpy's two-coil model:
    //   g1a_min = 8 − 8 − 5 = −5 dB, g1a_max = 16 − 5 = 11 dB
    //   nf2 = lin2db((4.4668 − 12.5893)/(1/12.589 − 1/0.31623)) = 4.2073 dB
    //   nf1 = lin2db(4.4668 − 2.6346/12.589) = 6.2916 dB
    //   nf2 is not within nf1 + (0.3, 2) → clipped to 6.5916 dB,
    //   g1a_max = lin2db(4.5620/(4.4668 − 4.2578)) = 13.3843 dB, δp = 16 − 13.3843 = 2.6157 dB
    //   at 17 dB: dg = 0, g1a = 17 − 2.6157 = 14.3843 dB
    //   NF = lin2db(4.2578 + 4.5620/27.451) = 6.4579 dB
    assertEquals(6.4579, f.spans().get(0).amplifier().noiseFigureDb(), 1e-4);

    // 0 dBm, 32 GBd among 76 × 50 GHz, γ 1.27, tx OSNR 40 dB, ν = 193.5 THz:
    //   ASE/P = 10^0.64579 × 1.282145e-19 × 10^1.7 × 32e9 / 1e-3 = 9.09665e-4
    //   NLI/P = 1.01094e-3 (GnModelTest's 76-channel sum, scaled by (1.27/1.3)²)
    //   tx    = 32/12.5 / 10^4 = 2.56e-4
    //   GSNR  = −10·log10(2.17661e-3) = 26.622 dB; in 0.1 nm 30.705 dB
    //   OSNR ASE (0.1 nm) = −10·log10(9.09665e-4) + 4.0824 = 34.494 dB
    TransceiverMode mode =
        new TransceiverMode("m", "T", 100, 32, "DP-QPSK", 50_000, 10, 40, -10, 0, 15);
    QotReport r = new GnQotEstimator(QotParameters.defaults())
        .report(List.of(f), List.of(t.node("west"), t.node("east")), mode);
    assertEquals(9.09665e-4, r.aseNsr(), 1e-8);
    assertEquals(1.01094e-3, r.nliNsr(), 1e-8);
    assertEquals(26.622, r.estimate().gsnrDb(), 1e-3);
    assertEquals(30.705, r.estimate().osnr0p1nmDb(), 1e-3);
    assertEquals(34.494, r.aseOsnr0p1nmDb(), 1e-3);
  }
}
