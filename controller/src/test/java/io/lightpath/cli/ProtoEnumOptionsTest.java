package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ProtocolMessageEnum;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.TopologyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/** Options typed with proto enums list and take only meaningful values (no *_UNSPECIFIED, UNRECOGNIZED). */
class ProtoEnumOptionsTest {
  /** Nothing listens here: a command that got past parsing would fail with exit 6, not 2. */
  private static final String NOWHERE = "127.0.0.1:1";

  private final CliRunner cli = new CliRunner();

  @Test
  void everyProtoEnumOptionOffersOnlyMeaningfulValues() {
    List<String> found = new ArrayList<>();
    walk(Main.commandLine(), found);
    assertTrue(found.containsAll(List.of("device add --protocol", "topology import --format",
        "service list --state")), found.toString());
  }

  private static void walk(CommandLine cmd, List<String> found) {
    for (ArgSpec a : cmd.getCommandSpec().args()) {
      boolean protoEnum = Arrays.stream(a.auxiliaryTypes())
          .anyMatch(t -> t.isEnum() && ProtocolMessageEnum.class.isAssignableFrom(t));
      if (protoEnum) {
        String where = cmd.getCommandSpec().qualifiedName().replaceFirst("^lightpath ", "") + " "
            + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel());
        List<String> candidates = new ArrayList<>();
        a.completionCandidates().forEach(candidates::add);
        assertFalse(candidates.isEmpty(), where);
        assertTrue(candidates.stream().noneMatch(c -> c.equals("UNRECOGNIZED") || c.endsWith("UNSPECIFIED")),
            where + " offers " + candidates);
        found.add(where);
      }
    }
    cmd.getSubcommands().values().forEach(c -> walk(c, found));
  }

  @Test
  void helpListsTheMeaningfulValues() {
    assertEquals(0, cli.run("device", "add", "--help"));
    assertTrue(cli.out().contains("GNMI, NETCONF (default: GNMI)"), cli.out());
    assertEquals(0, cli.run("topology", "import", "--help"));
    assertTrue(cli.out().replaceAll("\\s+", " ").contains("LIGHTPATH_JSON, LIGHTPATH_YAML, GNPY_JSON"), cli.out());
    assertEquals(0, cli.run("service", "list", "--help"));
    assertTrue(cli.out().replaceAll("\\s+", " ").contains(
        "PENDING, PROVISIONING, ACTIVE, DEGRADED, FAILED, DELETING, DELETED"), cli.out());
    for (String[] help : new String[][] {{"device", "add", "--help"}, {"topology", "import", "--help"},
        {"service", "list", "--help"}}) {
      cli.run(help);
      assertFalse(cli.out().contains("UNSPECIFIED") || cli.out().contains("UNRECOGNIZED"), cli.out());
    }
  }

  @Test
  void unspecifiedAndUnrecognizedAreUsageErrors(@TempDir Path dir) throws Exception {
    Path doc = Files.writeString(dir.resolve("t.json"), "{}");
    String[][] bad = {
        {"device", "add", "x", "--address", "a:1", "--role", "roadm", "--protocol", "UNRECOGNIZED"},
        {"device", "add", "x", "--address", "a:1", "--role", "roadm", "--protocol", "device_protocol_unspecified"},
        {"service", "list", "--state", "SERVICE_STATE_UNSPECIFIED"},
        {"service", "list", "--state", "ACTIVE,UNRECOGNIZED"},
        {"topology", "import", doc.toString(), "--format", "TOPOLOGY_FORMAT_UNSPECIFIED"},
        {"topology", "import", doc.toString(), "--format", "UNRECOGNIZED"},
    };
    for (String[] args : bad) {
      String[] all = Arrays.copyOf(args, args.length + 2);
      all[args.length] = "--server";
      all[args.length + 1] = NOWHERE;
      assertEquals(CliErrors.USAGE, cli.run(all), String.join(" ", args) + ": " + cli.err());
      String first = cli.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("Invalid value for option '--"), first);
      assertTrue(first.contains("expected one of ["), first);
      assertFalse(first.contains("UNSPECIFIED]") || first.contains(", UNRECOGNIZED"), first);
    }
    cli.run("device", "add", "x", "--address", "a:1", "--role", "roadm", "--protocol", "SNMP");
    assertTrue(cli.err().startsWith("Invalid value for option '--protocol': expected one of [GNMI, NETCONF]"
        + " (case-insensitive) but was 'SNMP'"), cli.err());
  }

  @Test
  void meaningfulValuesAreAcceptedInAnyCase() {
    ParseResult device = Main.commandLine().parseArgs("device", "add", "x", "--address", "a:1", "--role",
        "roadm", "--protocol", "netconf");
    assertEquals(DeviceProtocol.NETCONF, device.subcommand().subcommand().matchedOptionValue("--protocol", null));
    ParseResult defaulted = Main.commandLine().parseArgs("device", "add", "x", "--address", "a:1", "--role",
        "roadm");
    assertEquals(DeviceProtocol.GNMI, defaulted.subcommand().subcommand().commandSpec()
        .findOption("--protocol").getValue());
    ParseResult list = Main.commandLine().parseArgs("service", "list", "--state", "active,FAILED");
    assertEquals(List.of(ServiceState.ACTIVE, ServiceState.FAILED),
        list.subcommand().subcommand().matchedOptionValue("--state", null));
    ParseResult imp = Main.commandLine().parseArgs("topology", "import", "f.json", "--format", "gnpy_json");
    assertEquals(TopologyFormat.GNPY_JSON, imp.subcommand().subcommand().matchedOptionValue("--format", null));
  }
}
