package io.lightpath.southbound.emulator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabTopologyFileTest {
  private static LabTopology parse(String yaml) throws IOException {
    return LabTopologyFile.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void bundledLabsLoad() throws Exception {
    LabTopology tri = LabTopologyFile.readBundled("tri-site.yaml");
    assertEquals(6, tri.devices().size());
    LabTopology hexa = LabTopologyFile.readBundled("hexa-metro.yaml");
    assertTrue(hexa.devices().size() >= 16);
    assertEquals(3, hexa.devices().stream().map(DeviceSpec::role).distinct().count());
    assertEquals(1.0, hexa.device("juniper-roadm").orElseThrow().launchPowerDbm());
  }

  @Test
  void lossDefaultsFromLength() throws Exception {
    LabTopology t = parse("""
        devices:
          - {name: a, role: transponder, ports: [p]}
          - {name: b, role: TRANSPONDER, ports: [p]}
        fibers:
          - {name: f, a: "a:p", b: "b:p", lengthKm: 100}
        """);
    assertEquals(22.0, t.fiber("f").orElseThrow().lossDb(), 1e-9);
  }

  @Test
  void jsonIsAccepted() throws Exception {
    LabTopology t = parse("{\"name\": \"j\", \"devices\": [{\"name\": \"x\", \"role\": \"OCS\","
        + " \"ports\": [\"1\"]}], \"fibers\": []}");
    assertEquals("j", t.name());
  }

  @Test
  void errorsNameTheProblem() {
    var unknownPort = assertThrows(IOException.class, () -> parse("""
        devices: [{name: a, role: OCS, ports: [p1]}, {name: b, role: OCS, ports: [p1]}]
        fibers: [{name: f, a: "a:p9", b: "b:p1"}]
        """));
    assertTrue(unknownPort.getMessage().contains("unknown port a:p9"), unknownPort.getMessage());
    var twice = assertThrows(IOException.class, () -> parse("""
        devices: [{name: a, role: OCS, ports: [p1]}, {name: b, role: OCS, ports: [p1, p2]}]
        fibers: [{name: f, a: "a:p1", b: "b:p1"}, {name: g, a: "a:p1", b: "b:p2"}]
        """));
    assertTrue(twice.getMessage().contains("already carries fiber f"), twice.getMessage());
    var role = assertThrows(IOException.class,
        () -> parse("devices: [{name: a, role: AMPLIFIER, ports: [p1]}]"));
    assertTrue(role.getMessage().contains("role must be"), role.getMessage());
    assertThrows(IOException.class, () -> parse("devices: [{name: a, role: OCS, colour: red}]"));
    var dup = assertThrows(IOException.class, () -> parse("""
        devices: [{name: a, role: OCS, ports: [p1]}, {name: a, role: OCS, ports: [p1]}]
        """));
    assertTrue(dup.getMessage().contains("duplicate device"), dup.getMessage());
  }
}
