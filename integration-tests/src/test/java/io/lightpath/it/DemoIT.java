package io.lightpath.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.demo.DemoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code lightpath demo} end to end in this JVM: a controller on loopback, the six-site emulated
 * lab with real gNMI targets, everything driven through the gRPC API, a fiber cut through the
 * lab's LabAdmin service. Asserts the outcome from the demo's JSON report, not just its exit code.
 */
class DemoIT {

  @Test
  void demoProvisionsSurvivesTheCutAndRecovers() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("--output", "json", "--timeout-s", "20");

    String json = out.toString().strip();
    assertEquals(0, exit, "demo failed: " + json + err);
    // without --verbose the components' INFO lines stay off the terminal the narration is on
    assertFalse(org.slf4j.LoggerFactory.getLogger("io.lightpath.monitor.CarrierMonitor").isInfoEnabled());
    JsonNode report = new ObjectMapper().readTree(json.substring(json.lastIndexOf("\n{") + 1));
    assertTrue(report.get("ok").asBoolean());
    for (JsonNode step : report.get("steps")) {
      assertTrue(step.get("ok").asBoolean(), step.toString());
    }

    // before the cut: every service ACTIVE with every carrier up, the bundle's bounds held
    Map<String, JsonNode> provisioned = byId(report.get("provisioned"));
    assertEquals(Set.of("dci-protected", "dci-bundle", "metro-gorse-heath", "metro-juniper-kestrel"),
        provisioned.keySet());
    for (JsonNode s : provisioned.values()) {
      assertEquals("ACTIVE", s.get("state").asText(), s.toString());
      for (JsonNode ch : s.get("channels")) {
        assertTrue(ch.path("carrier_up").asBoolean(), s.toString());
        assertTrue(ch.get("path").get("margin_db").asDouble() > 0, ch.toString());
      }
    }
    assertEquals(2, provisioned.get("dci-protected").get("channels").size());
    JsonNode bundle = provisioned.get("dci-bundle").get("channels");
    assertEquals(2, bundle.size());
    double l0 = bundle.get(0).get("path").get("latency_us").asDouble();
    double l1 = bundle.get(1).get("path").get("latency_us").asDouble();
    assertTrue(Math.max(l0, l1) <= 600 && Math.abs(l0 - l1) <= 150, "latency " + l0 + ", " + l1);
    assertEquals("800ZRP-800G-PCS16QAM-131G", bundle.get(0).get("path").get("mode").get("id").asText());

    // after cutting gorse-heath: the 1+1 service survives on its protection leg
    Map<String, JsonNode> afterCut = byId(report.get("after_cut"));
    JsonNode prot = afterCut.get("dci-protected");
    assertEquals("DEGRADED", prot.get("state").asText());
    assertEquals(1, countCarrierUp(prot));
    assertEquals("PROTECTION", upChannel(prot).get("role").asText());
    // the unprotected service over the cut fiber lost its only carrier
    JsonNode cut = afterCut.get("metro-gorse-heath");
    assertTrue(Set.of("DEGRADED", "FAILED").contains(cut.get("state").asText()), cut.toString());
    assertEquals(0, countCarrierUp(cut));
    // the bundle lost one of two channels, the service away from the cut is untouched
    assertEquals(1, countCarrierUp(afterCut.get("dci-bundle")));
    assertEquals("ACTIVE", afterCut.get("metro-juniper-kestrel").get("state").asText());

    // the watch stream reported the changes as they happened
    boolean sawDegraded = false;
    for (JsonNode e : report.get("events")) {
      JsonNode s = e.get("service");
      sawDegraded |= s.get("name").asText().equals("services/dci-protected")
          && s.get("state").asText().equals("DEGRADED");
    }
    assertTrue(sawDegraded, "no DEGRADED event for dci-protected");

    // after the repair every service is ACTIVE again
    for (JsonNode s : report.get("recovered")) {
      assertEquals("ACTIVE", s.get("state").asText(), s.toString());
    }
    assertEquals(4, report.get("recovered").size());
  }

  private static Map<String, JsonNode> byId(JsonNode services) {
    Map<String, JsonNode> out = new HashMap<>();
    services.forEach(s -> out.put(s.get("name").asText().substring("services/".length()), s));
    return out;
  }

  private static int countCarrierUp(JsonNode service) {
    int n = 0;
    for (JsonNode ch : service.get("channels")) {
      n += ch.path("carrier_up").asBoolean() ? 1 : 0;
    }
    return n;
  }

  private static JsonNode upChannel(JsonNode service) {
    for (JsonNode ch : service.get("channels")) {
      if (ch.path("carrier_up").asBoolean()) {
        return ch;
      }
    }
    throw new AssertionError("no channel up: " + service);
  }
}
