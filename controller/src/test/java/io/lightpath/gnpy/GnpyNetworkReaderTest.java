package io.lightpath.gnpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Fiber;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.Topology;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class GnpyNetworkReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode example() throws IOException {
    try (InputStream in =
        GnpyNetworkReaderTest.class.getResourceAsStream("three-site-network.json")) {
      return MAPPER.readTree(in);
    }
  }

  private static GnpyImport read(String json) throws IOException {
    return new GnpyNetworkReader().read(MAPPER.readTree(json));
  }

  @Test
  void exampleCollapsesIntoSixNodesAndSixFiberPairs() throws IOException {
    GnpyImport imp = new GnpyNetworkReader().read(example());
    Topology t = imp.topology();
    assertEquals("Lightpath three-site example", imp.networkName());
    assertEquals(6, t.nodes().size());
    assertEquals(NodeKind.ROADM, t.node("roadm Alpha").kind());
    assertEquals(NodeKind.TRANSPONDER, t.node("trx Beta").kind());
    assertEquals("Gamma", t.node("roadm Gamma").siteId());
    // 3 add/drop pairs + Alpha-Beta pair + Beta-Gamma pair + one-way Alpha-Gamma
    assertEquals(6, t.fibers().size(), t.fibers().keySet().toString());
    assertTrue(imp.warnings().isEmpty(), imp.warnings().toString());
  }

  @Test
  void spansCarryLengthsLossesAndGnpyDefaults() throws IOException {
    Topology t = new GnpyNetworkReader().read(example()).topology();
    Fiber ab = t.fiber("roadm Alpha-roadm Beta");
    assertEquals(155.0, ab.lengthKm(), 1e-9);
    assertEquals(2, ab.spans().size());
    Span s1 = ab.spans().get(0);
    assertEquals(80.0, s1.lengthKm(), 1e-9);
    assertEquals(0.2, s1.attenuationDbPerKm(), 1e-12);
    assertEquals(1.0, s1.connectorLossDb(), 1e-12); // con_in 0.5 + con_out 0.5
    assertEquals(16.7, s1.dispersionPsPerNmKm(), 1e-9); // SSMF 1.67e-5 s/m/m
    assertEquals(1.27, s1.gammaPerWKm(), 1e-9); // SSMF 0.00127 1/W/m
    assertEquals(17.0, s1.amplifier().gainDb(), 1e-12);
    Span s2 = ab.spans().get(1);
    // no loss_coef, con_in, con_out in the file: 0.2 dB/km and 0 dB
    assertEquals(0.2, s2.attenuationDbPerKm(), 1e-12);
    assertEquals(0.0, s2.connectorLossDb(), 1e-12);
    // no gain_target: gain follows the span loss (0 = "exactly the loss") and the NF is taken at
    // 75 × 0.2 = 15 dB = std_medium_gain's gain_min, where gnpy's NF model gives nf_max = 10 dB
    assertEquals(0.0, s2.amplifier().gainDb(), 0);
    assertEquals(10.0, s2.amplifier().noiseFigureDb(), 1e-9);
    assertEquals(16.0 + 1.0 + 15.0, ab.lossDb(), 1e-9);
  }

  @Test
  void lengthsInMetresBoostersAndDesignedRoadmLoss() throws IOException {
    Topology t = new GnpyNetworkReader().read(example()).topology();
    Fiber bg = t.fiber("roadm Beta-roadm Gamma");
    assertEquals(90.0, bg.lengthKm(), 1e-9);
    assertEquals(1, bg.spans().size());
    assertEquals(0.22, bg.spans().get(0).attenuationDbPerKm(), 1e-12);
    // an explicit booster after roadm Beta: its gain is the ROADM's loss
    assertEquals(18.0, t.node("roadm Beta").insertionLossDb(), 1e-12);
    // no booster after roadm Alpha: gnpy would design one from -20 dBm to 0 dBm
    assertEquals(20.0, t.node("roadm Alpha").insertionLossDb(), 1e-12);
    assertEquals(0.0, t.node("trx Alpha").insertionLossDb(), 0);
    // add/drop chains have no fiber: zero-length fibers
    assertEquals(0.0, t.fiber("trx Alpha-roadm Alpha").lengthKm(), 0);
  }

  @Test
  void fusedFibersMergeIntoOneLengthWeightedSpan() throws IOException {
    Topology t = new GnpyNetworkReader().read(example()).topology();
    Fiber ag = t.fiber("roadm Alpha-roadm Gamma");
    assertEquals(1, ag.spans().size());
    Span s = ag.spans().get(0);
    assertEquals(80.0, s.lengthKm(), 1e-9);
    // (50 × 0.2 + 30 × 0.25) / 80 = 17.5 / 80
    assertEquals(0.21875, s.attenuationDbPerKm(), 1e-12);
    // (50 × 16.7 + 30 × 5.0) / 80 = 12.3125 ps/(nm·km), NZDF 0.5e-5 s/m/m
    assertEquals(12.3125, s.dispersionPsPerNmKm(), 1e-9);
    // (50 × 1.27 + 30 × 1.46) / 80 = 1.34125 1/(W·km)
    assertEquals(1.34125, s.gammaPerWKm(), 1e-9);
    assertEquals(0.3, s.connectorLossDb(), 1e-12);
  }

  @Test
  void edfaNoiseFigureFollowsGnpysTwoCoilModel() {
    GnpyEquipment.EdfaType medium = GnpyEquipment.defaults().edfaTypes().get("std_medium_gain");
    assertEquals(6.0, medium.noiseFigureDb(26), 1e-9); // nf_min at gain_flatmax
    assertEquals(10.0, medium.noiseFigureDb(15), 1e-9); // nf_max at gain_min
    assertEquals(12.0, medium.noiseFigureDb(13), 1e-9); // 2 dB input pad below gain_min
    double previous = Double.POSITIVE_INFINITY;
    for (double g = 15; g <= 26; g += 0.5) {
      double nf = medium.noiseFigureDb(g);
      assertTrue(nf <= previous, "NF falls as gain rises");
      previous = nf;
    }
    assertEquals(5.5, GnpyEquipment.defaults().edfaTypes().get("std_fixed_gain").noiseFigureDb(20),
        1e-12);
  }

  @Test
  void equipmentFileOverridesTypesAndPowers() throws IOException {
    JsonNode eqpt = MAPPER.readTree("{\"Edfa\":[{\"type_variety\":\"my_amp\",\"type_def\":"
        + "\"variable_gain\",\"gain_flatmax\":25,\"gain_min\":15,\"nf_min\":5,\"nf_max\":8}],"
        + "\"Fiber\":[{\"type_variety\":\"PSCF\",\"dispersion\":2.1e-5,\"effective_area\":125e-12}],"
        + "\"Roadm\":[{\"target_pch_out_db\":-18}],\"SI\":[{\"power_dbm\":1}]}");
    GnpyEquipment e = GnpyEquipment.fromJson(eqpt);
    assertEquals(5.0, e.edfaTypes().get("my_amp").noiseFigureDb(25), 1e-9);
    assertEquals(21.0, e.fiberTypes().get("PSCF").dispersionPsPerNmKm(), 1e-9);
    // γ = 2π·n2/(λ·A_eff) = 2π × 2.6e-20 / (1550e-9 × 125e-12) = 8.432e-4 1/(W·m)
    assertEquals(0.8432, e.fiberTypes().get("PSCF").gammaPerWKm(), 1e-4);
    assertEquals(-18.0, e.roadmTargetPchOutDbm(), 0);
    assertEquals(1.0, e.launchPowerDbm(), 0);
    assertTrue(e.edfaTypes().containsKey("std_medium_gain"), "defaults stay available");
  }

  @Test
  void danglingBranchingAndUnknownElementsAreClearErrors() {
    String dangling = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"},"
        + "{\"uid\":\"f1\",\"type\":\"Fiber\",\"params\":{\"length\":10}}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"f1\"}]}";
    GnpyFormatException e1 = assertThrows(GnpyFormatException.class, () -> read(dangling));
    assertTrue(e1.getMessage().contains("ends at f1"), e1.getMessage());

    String unknown = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"nowhere\"}]}";
    GnpyFormatException e2 = assertThrows(GnpyFormatException.class, () -> read(unknown));
    assertTrue(e2.getMessage().contains("nowhere"), e2.getMessage());

    String weird = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"},"
        + "{\"uid\":\"x\",\"type\":\"Multiband_amplifier\"},{\"uid\":\"r2\",\"type\":\"Roadm\"}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"x\"},{\"from_node\":\"x\",\"to_node\":\"r2\"}]}";
    GnpyFormatException e3 = assertThrows(GnpyFormatException.class, () -> read(weird));
    assertTrue(e3.getMessage().contains("Multiband_amplifier"), e3.getMessage());

    String noLength = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"},"
        + "{\"uid\":\"f\",\"type\":\"Fiber\",\"params\":{}},{\"uid\":\"r2\",\"type\":\"Roadm\"}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"f\"},{\"from_node\":\"f\",\"to_node\":\"r2\"}]}";
    assertThrows(GnpyFormatException.class, () -> read(noLength));
    assertThrows(GnpyFormatException.class, () -> read("{\"nodes\":[]}"));
  }

  @Test
  void fiberWithoutAmplifierAndUnusedElementsAreReported() throws IOException {
    String json = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"},"
        + "{\"uid\":\"f\",\"type\":\"Fiber\",\"params\":{\"length\":40}},"
        + "{\"uid\":\"r2\",\"type\":\"Roadm\"},{\"uid\":\"spare\",\"type\":\"Edfa\"}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"f\"},{\"from_node\":\"f\",\"to_node\":\"r2\"}]}";
    GnpyImport imp = read(json);
    Span s = imp.topology().fiber("r1-r2").spans().get(0);
    assertNull(s.amplifier(), "the estimator supplies the missing preamp");
    assertEquals(1, imp.warnings().size());
    assertTrue(imp.warnings().get(0).contains("spare"));
  }

  @Test
  void directionsOfDifferentLengthAreFlagged() throws IOException {
    String json = "{\"elements\":[{\"uid\":\"r1\",\"type\":\"Roadm\"},{\"uid\":\"r2\",\"type\":\"Roadm\"},"
        + "{\"uid\":\"east\",\"type\":\"Fiber\",\"params\":{\"length\":50}},"
        + "{\"uid\":\"west\",\"type\":\"Fiber\",\"params\":{\"length\":58}}],"
        + "\"connections\":[{\"from_node\":\"r1\",\"to_node\":\"east\"},{\"from_node\":\"east\",\"to_node\":\"r2\"},"
        + "{\"from_node\":\"r2\",\"to_node\":\"west\"},{\"from_node\":\"west\",\"to_node\":\"r1\"}]}";
    GnpyImport imp = read(json);
    assertEquals(1, imp.topology().fibers().size());
    assertEquals(50.0, imp.topology().fiber("r1-r2").lengthKm(), 0);
    assertEquals(1, imp.warnings().size(), imp.warnings().toString());
    assertTrue(imp.warnings().get(0).contains("58.0 km"), imp.warnings().get(0));
  }
}
