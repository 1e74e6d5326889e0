package io.lightpath.qot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The closed-form expressions against arithmetic written out by hand. */
class GnModelTest {

  private static final double NU_HZ = 193.5e12;

  @Test
  void aseOfOneSpanMatchesHandArithmetic() {
    // P_ASE = NF·h·ν·G·B
    //   NF = 10^(5/10) = 3.16228, G = 10^(16/10) = 39.8107
    //   h·ν = 6.62607015e-34 J·s × 193.5e12 Hz = 1.282145e-19 J
    //   B = 32e9 Hz
    //   P_ASE = 3.16228 × 1.282145e-19 × 39.8107 × 32e9 = 5.16520e-7 W
    // SNR_ASE at 0 dBm = 1e-3 / 5.16520e-7 = 1936.03 = 32.869 dB (over 32 GHz)
    // OSNR in 0.1 nm = 32.869 + 10·log10(32/12.5) = 32.869 + 4.082 = 36.952 dB
    //   (the rule of thumb 58 + P − NF − L = 58 + 0 − 5 − 16 = 37 dB agrees)
    double ase = GnModel.asePowerW(5.0, 16.0, NU_HZ, 32e9);
    assertEquals(5.16520e-7, ase, 1e-11);
    double snrDb = GnModel.linearToDb(1e-3 / ase);
    assertEquals(32.869, snrDb, 1e-3);
    double osnrDb = GnModel.linearToDb(1e-3 / GnModel.asePowerW(5.0, 16.0, NU_HZ, 12.5e9));
    assertEquals(36.952, osnrDb, 1e-3);
  }

  @Test
  void fiberConstantsMatchHandArithmetic() {
    // α = 0.2 dB/km / (10·log10 e) = 0.2 / 4.342945 = 0.0460517 1/km = 4.60517e-5 1/m
    assertEquals(4.60517e-5, GnModel.alphaPerM(0.2), 1e-10);
    // L_eff = (1 − e^(−αL))/α, αL = 3.684136 → (1 − 0.025119)/4.60517e-5 = 21169.27 m
    assertEquals(21169.27, GnModel.effectiveLengthM(4.60517019e-5, 80e3), 0.01);
    // λ = c/ν = 299792458 / 193.5e12 = 1.549315e-6 m
    // |β2| = D·λ²/(2πc) = 16.7e-6 s/m² × 2.400377e-12 m² / 1.883652e9 m/s = 2.12812e-26 s²/m
    assertEquals(2.12812e-26, GnModel.beta2AbsS2PerM(16.7, NU_HZ), 1e-30);
  }

  @Test
  void nliOfASingleChannelMatchesHandArithmetic() {
    // One 32 GBd channel at 1 mW on 80 km of α = 0.2 dB/km, D = 16.7, γ = 1.3 1/(W·km):
    //   L_a = 1/α = 21714.72 m, L_eff = 21169.27 m, |β2| = 2.12812e-26 s²/m
    //   scale = L_eff²/(2π|β2|L_a) = 4.48138e8 / 2.90355e-21 = 1.54341e29
    //   ψ_ii = scale · asinh(π²/2 · L_a·|β2|·B²) = scale · asinh(2.33517) = scale · 1.58421
    //   G = P/B = 1e-3/32e9 = 3.125e-14 W/Hz
    //   P_NLI = B·(16/27)·γ²·G³·ψ_ii
    //         = 32e9 × 0.592593 × (1.3e-3)² × 3.05176e-41 × 2.44509e29 = 2.39133e-7 W
    // SNR_NLI = 1e-3 / 2.39133e-7 = 36.214 dB
    ChannelLoad single = new ChannelLoad(1, 50, 32);
    double nli = GnModel.nliPowerW(80, 0.2, 16.7, 1.3, 1e-3, 32e9, 50e9, single, NU_HZ);
    assertEquals(2.39133e-7, nli, 1e-11);
    assertEquals(36.214, GnModel.linearToDb(1e-3 / nli), 1e-3);
  }

  @Test
  void nliOfThreeChannelsAddsTwiceWeightedCrossPhaseTerms() {
    // Two neighbours at Δf = ±50 GHz, each B_j = 32 GBd:
    //   x = π²·L_a·|β2|·B_i = 1.459484e-10 s
    //   ψ_ij = scale · ½·[asinh(x·66e9) − asinh(x·34e9)] = scale · ½·(2.96098 − 2.30501)
    //        = scale · 0.327988 (per neighbour)
    //   P_NLI = B·(16/27)·γ²·G³·[ψ_ii + 2·2·ψ_ij] = 2.39133e-7 × (1.58421 + 4 × 0.327988)/1.58421
    //         = 4.37169e-7 W  → SNR_NLI = 33.594 dB
    ChannelLoad three = new ChannelLoad(3, 50, 32);
    double nli = GnModel.nliPowerW(80, 0.2, 16.7, 1.3, 1e-3, 32e9, 50e9, three, NU_HZ);
    assertEquals(4.37169e-7, nli, 1e-11);
    assertEquals(33.594, GnModel.linearToDb(1e-3 / nli), 1e-3);
  }

  @Test
  void nliScalesWithTheCubeOfPower() {
    ChannelLoad load = ChannelLoad.GNPY_DEFAULT;
    double p1 = GnModel.nliPowerW(80, 0.2, 16.7, 1.27, 1e-3, 32e9, 50e9, load, NU_HZ);
    double p2 = GnModel.nliPowerW(80, 0.2, 16.7, 1.27, 2e-3, 32e9, 50e9, load, NU_HZ);
    assertEquals(8.0, p2 / p1, 1e-9);
  }

  @Test
  void moreChannelsMeanMoreNli() {
    double previous = 0;
    for (int n = 1; n <= 96; n += 5) {
      double nli =
          GnModel.nliPowerW(80, 0.2, 16.7, 1.27, 1e-3, 32e9, 50e9, new ChannelLoad(n, 50, 32), NU_HZ);
      assertTrue(nli > previous, "NLI must grow with the load, n=" + n);
      previous = nli;
    }
  }

  @Test
  void zeroDispersionIsRejectedNotDividedBy() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GnModel.nliPowerW(80, 0.2, 0, 1.3, 1e-3, 32e9, 50e9, ChannelLoad.GNPY_DEFAULT, NU_HZ));
  }

  @Test
  void asinhIsOddAndMatchesDefinition() {
    for (double v : new double[] {-1e6, -3.5, -1e-9, 0, 1e-9, 0.7, 42, 1e8}) {
      assertEquals(-GnModel.asinh(v), GnModel.asinh(-v), 0.0);
      assertEquals(v, Math.sinh(GnModel.asinh(v)), Math.abs(v) * 1e-12 + 1e-15);
    }
  }
}
