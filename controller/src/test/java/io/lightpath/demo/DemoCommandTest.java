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
import java.util.List;
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
