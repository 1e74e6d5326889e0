package io.lightpath.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SimCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonOutputOnBuiltinTopology() throws Exception {
    Run r = run("--topology", "builtin:mesh6", "--load", "20", "--wavelengths", "8",
        "--requests", "5000", "--warmup", "500", "--seeds", "3", "--policy", "ksp-ff",
        "--slot-demand", "1,2", "--output", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    double mean = j.get("blocking_mean").asDouble();
    assertTrue(mean > 0 && mean < 1, r.out());
    assertTrue(j.get("blocking_sd").asDouble() >= 0);
    assertTrue(j.get("requests_per_s").asDouble() > 0);
    assertEquals(3, j.get("blocking_per_seed").size());
    assertEquals("ksp-ff", j.get("policy").asText());
  }

  @Test
  void textOutput() {
    Run r = run("--topology", "builtin:ring6", "--load", "5", "--requests", "2000",
        "--seeds", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("blocking probability"), r.out());
    assertTrue(r.out().contains("requests/s"), r.out());
  }

  @Test
  void outputTableLikeEveryOtherCommandWithTextAsAHiddenAlias() {
    String[] base = {"--topology", "builtin:ring4", "--load", "2", "--requests", "500", "--warmup", "50",
        "--seeds", "1"};
    for (String format : new String[] {"table", "TABLE", "text"}) {
      String[] args = java.util.Arrays.copyOf(base, base.length + 2);
      args[base.length] = "--output";
      args[base.length + 1] = format;
      Run r = run(args);
      assertEquals(0, r.code(), format + ": " + r.err());
      assertTrue(r.out().startsWith("topology builtin:ring4:") && r.out().contains("blocking probability"),
          format + ": " + r.out());
    }
    Run json = run("--topology", "builtin:ring4", "--load", "2", "--requests", "500", "--warmup", "50",
        "--seeds", "1", "-o", "json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().startsWith("{\"blocking_mean\""), json.out());

    Run help = run("--help");
    String output = help.out().lines().filter(l -> l.contains("--output")).findFirst().orElseThrow();
    assertTrue(output.contains("table, json (default: table)"), output);
    assertTrue(!help.out().contains("text"), "text is a hidden alias: " + help.out());

    Run bad = run("--topology", "builtin:ring4", "--load", "2", "--output", "csv");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("expected one of [table, json] but was 'csv'"), bad.err());
  }

  @Test
  void badInputGetsAClearErrorAndExitCode2() {
    Run r = run("--topology", "builtin:mesh6", "--load", "5", "--policy", "nonsense");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown policy"), r.err());
    Run missing = run("--topology", "/nonexistent/topo.json", "--load", "5");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("error: sim:"), missing.err());
    Run tooSmall = run("--topology", "builtin:ring1", "--load", "5");
    assertEquals(2, tooSmall.code());
    assertTrue(tooSmall.err().contains("a ring needs at least 3 nodes"), tooSmall.err());
    assertEquals(1, tooSmall.err().strip().lines().count(), tooSmall.err());
  }

  /** Runs the calibration setting briefly on the shared NSFNET file when it is present. */
  @Test
  void nsfnetFromSharedTopologies() throws Exception {
    Path file = SharedDir.find().map(d -> d.resolve("topologies/nsfnet14_deeprmsa.json"))
        .filter(Files::isRegularFile).orElse(null);
    assumeTrue(file != null, "shared topologies not present");
    Run r = run("--topology", file.toString(), "--load", "240", "--requests", "20000",
        "--seeds", "2", "--policy", "ksp-ff", "--output", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(14, j.get("nodes").asInt());
    double mean = j.get("blocking_mean").asDouble();
    assertTrue(mean > 0.001 && mean < 0.03, "NSFNET KSP-FF at 240 Erlang: " + mean);
  }

  /** Finds /work/shared-style reference material: system property, ../shared or ../../shared. */
  static final class SharedDir {
    static java.util.Optional<Path> find() {
      String prop = System.getProperty("lightpath.shared");
      Stream<Path> candidates = Stream.of(
          prop == null ? null : Path.of(prop), Path.of("../shared"), Path.of("../../shared"));
      return candidates.filter(p -> p != null && Files.isDirectory(p)).findFirst();
    }
  }
}
