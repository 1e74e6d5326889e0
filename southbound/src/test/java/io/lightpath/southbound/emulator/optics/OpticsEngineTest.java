package io.lightpath.southbound.emulator.optics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The optics rules as a pure function: no sockets, no datastore. */
class OpticsEngineTest {
  private static final long F = 193_100_000L;

  /** a:line1 — r1 (in → out) — span — r2 (in → out) — b:line1. */
  private static LabTopology chain(double spanLossDb) {
    return new LabTopology("chain", List.of(
        DeviceSpec.of("a", DeviceRole.TRANSPONDER, "", List.of("line1")),
        DeviceSpec.of("r1", DeviceRole.ROADM, "", List.of("in", "out")),
        DeviceSpec.of("r2", DeviceRole.ROADM, "", List.of("in", "out")),
        DeviceSpec.of("b", DeviceRole.TRANSPONDER, "", List.of("line1"))),
        List.of(
            new FiberSpec("fa", PortRef.parse("a:line1"), PortRef.parse("r1:in"), 0, 0.5),
            new FiberSpec("span", PortRef.parse("r1:out"), PortRef.parse("r2:in"), 80, spanLossDb),
            new FiberSpec("fb", PortRef.parse("r2:out"), PortRef.parse("b:line1"), 0, 0.5)));
  }

  private static Map<String, OpticalView> views(long txMhz, long rxMhz) {
    OpticalView.Roadm pass = new OpticalView.Roadm(List.of(
        new OpticalView.MediaChannel(1, F - 25_000, F + 25_000, "in", "out", true)));
    return Map.of(
        "a", new OpticalView.Transponder(Map.of("line1", new OpticalView.Tuning(txMhz, 0.0))),
        "b", new OpticalView.Transponder(Map.of("line1", new OpticalView.Tuning(rxMhz, 0.0))),
        "r1", pass,
        "r2", pass);
  }

  private static OpticalReading rxAtB(LabTopology t, Map<String, OpticalView> v, Set<String> cut) {
    return OpticsEngine.compute(t, v::get, cut).get("b").receivers().get("line1");
  }

  @Test
  void carrierArrivesWithBudgetedPowerAndOsnr() {
    OpticalReading r = rxAtB(chain(17.6), views(F, F), Set.of());
    assertTrue(r.carrierPresent());
    assertEquals("a:line1", r.source());
    assertEquals(-0.5, r.inputPowerDbm(), 1e-9);
    // Amplifier inputs -0.5 and -17.6 dBm with NF 5.5 dB, transmitter OSNR 40 dB.
    double nsr = Math.pow(10, -4.0) + Math.pow(10, -(58 - 0.5 - 5.5) / 10)
        + Math.pow(10, -(58 - 17.6 - 5.5) / 10);
    assertEquals(Math.round(-10 * Math.log10(nsr) * 100) / 100.0, r.osnrDb(), 1e-9);
  }

  @Test
  void moreLossMeansLowerOsnrAndHigherBer() {
    OpticalReading good = rxAtB(chain(10), views(F, F), Set.of());
    OpticalReading poor = rxAtB(chain(28), views(F, F), Set.of());
    assertTrue(poor.carrierPresent());
    assertTrue(poor.osnrDb() < good.osnrDb());
    assertTrue(poor.preFecBer() >= good.preFecBer());
  }

  @Test
  void powerBelowSensitivityIsDark() {
    assertFalse(rxAtB(chain(31), views(F, F), Set.of()).carrierPresent());
  }

  @Test
  void mistunedReceiverAndCutSpanAreDark() {
    assertFalse(rxAtB(chain(10), views(F, F + 6_250), Set.of()).carrierPresent());
    assertFalse(rxAtB(chain(10), views(F, F), Set.of("span")).carrierPresent());
  }

  @Test
  void berFollowsQpskFormula() {
    assertEquals(0.5 * LinkBudget.erfc(Math.sqrt(100 * 12.5 / 32 / 2)), LinkBudget.preFecBer(20), 1e-15);
    assertEquals(1.0, LinkBudget.erfc(0), 1e-7);
    assertEquals(0.0, LinkBudget.preFecBer(40));
    assertTrue(LinkBudget.preFecBer(12) > LinkBudget.preFecBer(15));
    assertTrue(LinkBudget.preFecBer(15) > 0);
  }

  @Test
  void loopsEndDark() {
    // An OCS whose two cross-connected ports are joined by a fiber: light would circle forever.
    LabTopology loop = new LabTopology("loop", List.of(
        DeviceSpec.of("a", DeviceRole.TRANSPONDER, "", List.of("line1")),
        DeviceSpec.of("o", DeviceRole.OCS, "", List.of("p1", "p2", "p3"))),
        List.of(
            new FiberSpec("fa", PortRef.parse("a:line1"), PortRef.parse("o:p1"), 0, 0.1),
            new FiberSpec("back", PortRef.parse("o:p2"), PortRef.parse("o:p3"), 0, 0.1)));
    Map<String, OpticalView> v = Map.of(
        "a", new OpticalView.Transponder(Map.of("line1", new OpticalView.Tuning(F, 0.0))),
        "o", new OpticalView.Ocs(Map.of("p2", "p3", "p3", "p2")));
    Map<String, DeviceOptics> out = OpticsEngine.compute(loop, v::get, Set.of());
    assertFalse(out.get("a").receivers().get("line1").carrierPresent());
  }
}
