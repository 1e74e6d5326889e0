package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optics rules, driven through gNMI Sets on real sockets and read back through gNMI Get. */
class OpticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long F = 193_100_000L;

  private static JsonNode ochState(GnmiTestClient tp) throws Exception {
    return JSON.readTree(tp.getJson("/components/component[name=line1]/optical-channel/state"));
  }

  /** Lights alder-tp1 <-> birch-tp1 over the alder-birch span of the tri-site lab. */
  private static void provisionAlderBirch(EmulatedLab lab, long alderMhz, long birchMhz)
      throws Exception {
    try (GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"))) {
      ar.mediaChannel(1, F - 25_000, F + 25_000, "add1", "east");
      ar.mediaChannel(2, F - 25_000, F + 25_000, "east", "add1");
      br.mediaChannel(1, F - 25_000, F + 25_000, "west", "add1");
      br.mediaChannel(2, F - 25_000, F + 25_000, "add1", "west");
      a.tune("line1", alderMhz);
      b.tune("line1", birchMhz);
    }
  }

  @Test
  void tunedEndsThroughMediaChannelsCarryTraffic() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
        GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"))) {
      assertFalse(ochState(b).get("carrier-present").asBoolean());
      provisionAlderBirch(lab, F, F);
      JsonNode rx = ochState(b);
      assertTrue(rx.get("carrier-present").asBoolean());
      // 0 dBm launch, 0.5 dB drop patch after the birch ROADM relaunches at 0 dBm.
      assertEquals(-0.5, rx.get("input-power").get("instant").asDouble(), 1e-9);
      double osnr = rx.get("osnr").get("instant").asDouble();
      assertTrue(osnr > 30 && osnr < 40, "OSNR " + osnr);
      assertTrue(rx.get("pre-fec-ber").get("instant").asDouble() < 1e-3);
      assertTrue(ochState(a).get("carrier-present").asBoolean());
      assertEquals("alder-tp1:line1",
          lab.network().opticalState().get(new PortRef("birch-tp1", "line1")).source());
    }
  }

  @Test
  void wrongFrequencyIsLossOfSignal() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
        GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"))) {
      provisionAlderBirch(lab, F, F + 50_000);
      assertFalse(ochState(a).get("carrier-present").asBoolean());
      JsonNode rx = ochState(b);
      assertFalse(rx.get("carrier-present").asBoolean());
      assertEquals(OpticalReading.DARK_POWER_DBM, rx.get("input-power").get("instant").asDouble());
      // Retuning birch to alder's frequency brings both ends up.
      b.tune("line1", F);
      assertTrue(ochState(a).get("carrier-present").asBoolean());
      assertTrue(ochState(b).get("carrier-present").asBoolean());
    }
  }

  @Test
  void passbandMustCoverTheWholeSignal() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"))) {
      provisionAlderBirch(lab, F, F);
      assertTrue(ochState(b).get("carrier-present").asBoolean());
      // 193.1 THz ± 18.75 GHz no longer fits in a passband ending 10 GHz above the centre.
      ar.update("/wavelength-router/media-channels/channel[index=1]/config/upper-frequency",
          "\"" + (F + 10_000) + "\"");
      assertFalse(ochState(b).get("carrier-present").asBoolean());
    }
  }

  @Test
  void cutFiberIsLossOfSignalAndRepairRestores() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"))) {
      provisionAlderBirch(lab, F, F);
      lab.network().cutFiber("alder-birch");
      assertFalse(ochState(b).get("carrier-present").asBoolean());
      lab.network().repairFiber("alder-birch");
      assertTrue(ochState(b).get("carrier-present").asBoolean());
      assertThrows(IllegalArgumentException.class, () -> lab.network().cutFiber("no-such-fiber"));
    }
  }

  @Test
  void longerPathLowersOsnr() throws Exception {
    // alder -> cedar directly (70 km, 16.5 dB) versus alder -> birch -> cedar (60 + 80 km).
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
        GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient c = new GnmiTestClient(lab.endpoint("cedar-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"));
        GnmiTestClient cr = new GnmiTestClient(lab.endpoint("cedar-roadm"))) {
      a.tune("line1", F);
      c.tune("line1", F);
      ar.mediaChannel(1, F - 25_000, F + 25_000, "add1", "west");
      cr.mediaChannel(1, F - 25_000, F + 25_000, "east", "add1");
      double direct = ochState(c).get("osnr").get("instant").asDouble();
      ar.delete("/wavelength-router/media-channels/channel[index=1]");
      cr.delete("/wavelength-router/media-channels/channel[index=1]");
      ar.mediaChannel(1, F - 25_000, F + 25_000, "add1", "east");
      br.mediaChannel(1, F - 25_000, F + 25_000, "west", "east");
      cr.mediaChannel(1, F - 25_000, F + 25_000, "west", "add1");
      double viaBirch = ochState(c).get("osnr").get("instant").asDouble();
      assertTrue(ochState(c).get("carrier-present").asBoolean());
      assertTrue(viaBirch < direct, viaBirch + " < " + direct);
    }
  }

  /** tx-a:line1 - ocs:p1 ... ocs:p2 - tx-b:line1, ocs:p3 - tx-c:line1. */
  static LabTopology ocsTriangle() {
    return new LabTopology("ocs", List.of(
        DeviceSpec.of("tx-a", DeviceRole.TRANSPONDER, "", List.of("line1")),
        DeviceSpec.of("tx-b", DeviceRole.TRANSPONDER, "", List.of("line1")),
        DeviceSpec.of("tx-c", DeviceRole.TRANSPONDER, "", List.of("line1")),
        DeviceSpec.of("ocs", DeviceRole.OCS, "", List.of("p1", "p2", "p3", "p4"))),
        List.of(
            new FiberSpec("a", PortRef.parse("tx-a:line1"), PortRef.parse("ocs:p1"), 1, 0.5),
            new FiberSpec("b", PortRef.parse("tx-b:line1"), PortRef.parse("ocs:p2"), 1, 0.5),
            new FiberSpec("c", PortRef.parse("tx-c:line1"), PortRef.parse("ocs:p3"), 1, 0.5)));
  }

  @Test
  void crossConnectJoinsTransponders() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(ocsTriangle());
        GnmiTestClient a = new GnmiTestClient(lab.endpoint("tx-a"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("tx-b"));
        GnmiTestClient c = new GnmiTestClient(lab.endpoint("tx-c"));
        GnmiTestClient ocs = new GnmiTestClient(lab.endpoint("ocs"))) {
      a.tune("line1", F);
      b.tune("line1", F);
      c.tune("line1", F);
      assertFalse(ochState(b).get("carrier-present").asBoolean(), "no cross-connect yet");
      ocs.crossConnect("p1", "p2");
      assertTrue(ochState(a).get("carrier-present").asBoolean());
      assertTrue(ochState(b).get("carrier-present").asBoolean());
      // 0 dBm - 0.5 - 1.0 (OCS) - 0.5
      assertEquals(-2.0, ochState(b).get("input-power").get("instant").asDouble(), 1e-9);
      assertFalse(ochState(c).get("carrier-present").asBoolean());
      JsonNode p1 = JSON.readTree(ocs.getJson("/optical-switch/ports/port[name=p1]/state"));
      assertEquals("UP", p1.get("oper-status").asText());
      assertEquals(-0.5, p1.get("input-power").get("instant").asDouble(), 1e-9);
      // p1 also emits tx-b's carrier: 0 - 0.5 - 1.0 dB.
      assertEquals(-1.5, p1.get("output-power").get("instant").asDouble(), 1e-9);

      // Disabling the logical channel turns tx-a's laser off.
      a.update("/terminal-device/logical-channels/channel[index=1]/config/admin-state", "\"DISABLED\"");
      assertFalse(ochState(b).get("carrier-present").asBoolean());
      a.update("/terminal-device/logical-channels/channel[index=1]/config/admin-state", "\"ENABLED\"");
      assertTrue(ochState(b).get("carrier-present").asBoolean());

      var e = assertThrows(StatusRuntimeException.class, () -> ocs.crossConnect("p3", "p2"));
      assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().contains("already in use"), e.getMessage());

      ocs.delete("/optical-switch/cross-connects/cross-connect[input-port=p1]");
      assertFalse(ochState(b).get("carrier-present").asBoolean(), "missing cross-connect");
      ocs.crossConnect("p3", "p2");
      assertTrue(ochState(c).get("carrier-present").asBoolean());
      assertFalse(ochState(a).get("carrier-present").asBoolean());
    }
  }

  @Test
  void unknownOcsPortIsInvalid() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(ocsTriangle());
        GnmiTestClient ocs = new GnmiTestClient(lab.endpoint("ocs"))) {
      var e = assertThrows(StatusRuntimeException.class, () -> ocs.crossConnect("p1", "p9"));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }
  }

  @Test
  void hexaMetroLightsAcrossOcsAndThreeRoadmHops() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"))) {
      long lo = F - 25_000;
      long hi = F + 25_000;
      try (GnmiTestClient fernOcs = new GnmiTestClient(lab.endpoint("fern-ocs"));
          GnmiTestClient irisOcs = new GnmiTestClient(lab.endpoint("iris-ocs"));
          GnmiTestClient fern = new GnmiTestClient(lab.endpoint("fern-roadm"));
          GnmiTestClient gorse = new GnmiTestClient(lab.endpoint("gorse-roadm"));
          GnmiTestClient heath = new GnmiTestClient(lab.endpoint("heath-roadm"));
          GnmiTestClient iris = new GnmiTestClient(lab.endpoint("iris-roadm"));
          GnmiTestClient a = new GnmiTestClient(lab.endpoint("fern-tp1"));
          GnmiTestClient z = new GnmiTestClient(lab.endpoint("iris-tp1"))) {
        fernOcs.crossConnect("p1", "p5");
        irisOcs.crossConnect("p1", "p5");
        fern.mediaChannel(1, lo, hi, "add1", "east");
        fern.mediaChannel(2, lo, hi, "east", "add1");
        gorse.mediaChannel(1, lo, hi, "west", "east");
        gorse.mediaChannel(2, lo, hi, "east", "west");
        heath.mediaChannel(1, lo, hi, "west", "east");
        heath.mediaChannel(2, lo, hi, "east", "west");
        iris.mediaChannel(1, lo, hi, "west", "add1");
        iris.mediaChannel(2, lo, hi, "add1", "west");
        a.tune("line1", F);
        z.tune("line1", F);
        JsonNode rx = ochState(z);
        assertTrue(rx.get("carrier-present").asBoolean());
        assertTrue(ochState(a).get("carrier-present").asBoolean());
        // Relaunched at 0 dBm by iris-roadm, then 0.3 + 1.0 (OCS) + 0.3 dB.
        assertEquals(-1.6, rx.get("input-power").get("instant").asDouble(), 1e-9);
        assertEquals("fern-tp1:line1", lab.network().opticalState()
            .get(new PortRef("iris-tp1", "line1")).source());
        lab.network().cutFiber("gorse-heath");
        assertFalse(ochState(z).get("carrier-present").asBoolean());
        assertFalse(ochState(a).get("carrier-present").asBoolean());
      }
    }
  }
}
