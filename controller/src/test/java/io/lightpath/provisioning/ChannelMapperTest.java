package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel-to-device mapping, without devices. */
class ChannelMapperTest {
  private static final Topology HEXA = topology("hexa-metro.yaml");
  private final ChannelMapper mapper = new ChannelMapper(ProvisioningConfig.defaults());

  @Test
  void mapsEveryNodeOfTheRouteWithItsFibersPorts() {
    ProvisioningPlan plan = mapper.plan(HEXA, List.of(HexaMetroProvisioningTest.VIA_OCS));
    long lo = 193_075_000;
    long hi = 193_125_000;
    OpticalChannelConfig tune = new OpticalChannelConfig("line1", 193_100_000, 0.0, 1, true);
    assertEquals(List.of(
        new DeviceOp.TuneTransponder("fern-tp1", tune),
        new DeviceOp.ConnectPorts("fern-ocs", new CrossConnect("p1", "p5")),
        new DeviceOp.OpenMediaChannel("fern-roadm", lo, hi, "add1", "east"),
        new DeviceOp.OpenMediaChannel("fern-roadm", lo, hi, "east", "add1"),
        new DeviceOp.OpenMediaChannel("gorse-roadm", lo, hi, "west", "east"),
        new DeviceOp.OpenMediaChannel("gorse-roadm", lo, hi, "east", "west"),
        new DeviceOp.OpenMediaChannel("heath-roadm", lo, hi, "west", "east"),
        new DeviceOp.OpenMediaChannel("heath-roadm", lo, hi, "east", "west"),
        new DeviceOp.OpenMediaChannel("iris-roadm", lo, hi, "west", "add1"),
        new DeviceOp.OpenMediaChannel("iris-roadm", lo, hi, "add1", "west"),
        new DeviceOp.ConnectPorts("iris-ocs", new CrossConnect("p5", "p1")),
        new DeviceOp.TuneTransponder("iris-tp1", tune)), plan.ops());
    assertEquals(List.of(new ProvisioningPlan.ChannelEnds("fern-tp1", "line1", "iris-tp1", "line1")),
        plan.ends());
    assertEquals(List.of("fern-ocs", "fern-roadm", "gorse-roadm", "heath-roadm", "iris-roadm",
        "iris-ocs"), List.copyOf(plan.lineStage().keySet()));
    assertEquals(List.of("fern-tp1", "iris-tp1"), List.copyOf(plan.transponderStage().keySet()));
  }

  @Test
  void launchPowerIsClampedToTheModeAndTheModeCodeComesFromTheTable() {
    ProvisioningConfig config = new ProvisioningConfig(ProvisioningConfig.defaults().verifyDeadline(),
        ProvisioningConfig.defaults().pollInterval(), 9.0, Map.of(LabHarness.MODE.id(), 4711), 1,
        ProvisioningConfig.defaults().grid());
    ProvisioningPlan plan = new ChannelMapper(config).plan(HEXA, List.of(HexaMetroProvisioningTest.GORSE_HEATH));
    DeviceOp.TuneTransponder tp = (DeviceOp.TuneTransponder) plan.ops().get(0);
    assertEquals(LabHarness.MODE.maxTxPowerDbm(), tp.config().targetOutputPowerDbm());
    assertEquals(4711, tp.config().operationalMode());
  }

  @Test
  void badRoutesAreRefusedNamingTheNode() {
    assertRefused("transponder fern-tp1 in the middle", LabHarness.channel(193_100_000,
        "fern-tp2", "fern-tp2-l1", "fern-ocs", "fern-tp1-l1", "fern-tp1", "fern-tp1-l2", "fern-ocs",
        "fern-tp2-l1", "fern-tp2"));
    assertRefused("route ends at gorse-roadm", LabHarness.channel(193_100_000,
        "gorse-roadm", "gorse-heath", "heath-roadm", "heath-tp1-add", "heath-tp1"));
    assertRefused("unknown fiber nope", LabHarness.channel(193_100_000,
        "gorse-tp1", "nope", "gorse-roadm"));
    assertRefused("does not end at node heath-roadm", LabHarness.channel(193_100_000,
        "gorse-tp1", "gorse-tp1-add", "heath-roadm"));
    assertRefused("route ends at heath-roadm", LabHarness.channel(193_100_000,
        "gorse-tp1", "gorse-tp1-add", "gorse-roadm", "gorse-heath", "heath-roadm"));
  }

  private void assertRefused(String expected, ComputedChannel channel) {
    ProvisioningException e =
        assertThrows(ProvisioningException.class, () -> mapper.plan(HEXA, List.of(channel)));
    assertEquals(ProvisioningException.Kind.REJECTED, e.kind());
    assertEquals(ChannelMapper.STEP, e.step());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static Topology topology(String lab) {
    try {
      return LabBridge.topology(LabTopologyFile.readBundled(lab), "CFP2-DCO");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
