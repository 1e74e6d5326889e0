package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.cli.OutputFormat;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ChannelRole;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lightpath demo}'s JSON report. */
class DemoCommandTest {

  @Test
  void outputTableLikeEveryOtherCommandWithTextAsAHiddenAlias() {
    for (String[] args : new String[][] {{"--output", "table"}, {"-o", "TABLE"}, {"--output", "text"}}) {
      DemoCommand demo = new DemoCommand();
      new CommandLine(demo).parseArgs(args);
      assertEquals(OutputFormat.table, demo.output, String.join(" ", args));
    }
    DemoCommand defaulted = new DemoCommand();
    new CommandLine(defaulted).parseArgs();
    assertEquals(OutputFormat.table, defaulted.output);
    DemoCommand json = new DemoCommand();
    new CommandLine(json).parseArgs("-o", "json");
    assertEquals(OutputFormat.json, json.output);

    StringWriter help = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(help));
    assertEquals(0, cli.execute("--help"));
    String text = help.toString().replaceAll("\\s+", " ");
    assertTrue(text.contains("Output format: table, json (default: table)"), text);
    assertTrue(!text.contains("text"), "text is a hidden alias: " + text);
  }

  @Test
  void jsonStepsAreTheNarratedStepsFromStepZero() throws Exception {
    // a small generated lab without the demo's sites: the run stops at "provision services", which
    // is enough to hold the narrated steps against the report's
    StringWriter narration = new StringWriter();
    DemoReport report = DemoCommand.run(new BenchLab(3, 1).topology(), new PrintWriter(narration),
        Duration.ofSeconds(10));

    Pattern line = Pattern.compile("^\\[(\\d+)\\] (.{32}) (ok|FAILED) .*");
    List<String> narrated = new ArrayList<>();
    for (String l : narration.toString().lines().toList()) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        assertEquals(narrated.size(), Integer.parseInt(m.group(1)), "numbered in order: " + narration);
        narrated.add(m.group(2).strip() + " " + m.group(3));
      }
    }
    JsonNode steps = new ObjectMapper().readTree(DemoCommand.json(report)).get("steps");
    List<String> inJson = new ArrayList<>();
    steps.forEach(s -> inJson.add(s.get("name").asText() + " " + (s.get("ok").asBoolean() ? "ok" : "FAILED")));
    assertEquals(narrated, inJson, narration.toString());
    assertEquals("start lab and controller", steps.get(0).get("name").asText());
    assertTrue(steps.get(0).get("ok").asBoolean());
    assertTrue(steps.get(0).get("detail").asText().startsWith("controller 127.0.0.1:"), steps.get(0).toString());
    assertTrue(steps.size() >= 4, "got as far as the watch: " + narration);
  }

  @Test
  void jsonServicesKeepFieldsAtTheirDefaultValue() throws Exception {
    Service cut = Service.newBuilder().setName("services/metro").setState(ServiceState.DEGRADED)
        .addChannels(Channel.newBuilder().setId("w").setRole(ChannelRole.WORKING).setCarrierUp(false))
        .build();
    DemoReport report = new DemoReport(false, List.of(), List.of(), List.of(cut), List.of(), List.of(),
        List.of());

    JsonNode channel = new ObjectMapper().readTree(DemoCommand.json(report))
        .get("after_cut").get(0).get("channels").get(0);
    assertTrue(channel.has("carrier_up"), "carrier_up missing: " + channel);
    assertEquals(false, channel.get("carrier_up").booleanValue(), channel.toString());
  }
}
