package io.lightpath.qot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QotCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dir;
  static Path gnpyFile;

  @BeforeAll
  static void copyExample() throws IOException {
    gnpyFile = dir.resolve("three-site-network.json");
    try (InputStream in =
        QotCommandTest.class.getResourceAsStream("/io/lightpath/gnpy/three-site-network.json")) {
      Files.copy(in, gnpyFile);
    }
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new QotCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("--topology", gnpyFile.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void textOutputShowsRouteBreakdownAndTotals() {
    Run r = run(args("--from", "trx Alpha", "--to", "trx Beta"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("route: trx Alpha -> roadm Alpha -> roadm Beta -> trx Beta (155.0 km"),
        r.out());
    assertTrue(r.out().contains("fiber roadm Alpha-roadm Beta: roadm Alpha -> roadm Beta, 155.0 km, 2 spans"));
    assertTrue(r.out().contains("span 1: 80.0 km, loss 17.00 dB, gain 17.00 dB"), r.out());
    assertTrue(r.out().contains("node roadm Alpha: insertion loss 20.00 dB"), r.out());
    assertTrue(r.out().contains("GSNR (0.1nm):"), r.out());
    assertTrue(r.out().contains("fiber trx Alpha-roadm Alpha: trx Alpha -> roadm Alpha, 0.0 km, 1 spans: "
        + "OSNR ASE (0.1nm) inf dB, SNR NLI inf dB"), "add/drop patch cords add no noise: " + r.out());
    assertTrue(!r.out().contains("margin"), "no requirement, no margin");
  }

  @Test
  void jsonOutputAgreesWithTheEstimatorAndShortestRouteIsChosen() throws IOException {
    Run r = run(args("--from", "trx Alpha", "--to", "trx Gamma", "--output", "json"));
    assertEquals(0, r.exit(), r.err());
    JsonNode j = MAPPER.readTree(r.out());
    // direct Alpha-Gamma (80 km) beats Alpha-Beta-Gamma (155 + 90 km)
    assertEquals("[\"trx Alpha\",\"roadm Alpha\",\"roadm Gamma\",\"trx Gamma\"]",
        j.path("route").toString());
    assertEquals(80.0, j.path("length_km").asDouble(), 1e-9);
    JsonNode res = j.path("result");
    double gsnr = res.path("gsnr_db").asDouble();
    // GSNR (0.1 nm) = GSNR + 10·log10(32/12.5) = GSNR + 4.0824
    assertEquals(gsnr + 4.0824, res.path("gsnr_0p1nm_db").asDouble(), 1e-4);
    assertTrue(res.path("margin_db").isNull());
    assertTrue(res.path("ase_osnr_0p1nm_db").asDouble() > res.path("gsnr_0p1nm_db").asDouble());
    assertEquals(1, j.path("fibers").path(1).path("spans").size());
  }

  @Test
  void jsonKeysAreSnakeCaseLikeTheApisJson() throws IOException {
    Run r = run(args("--from", "trx Alpha", "--to", "trx Beta", "--mode", "400ZR-DP16QAM-60G",
        "--output", "json"));
    assertEquals(0, r.exit(), r.err());
    JsonNode j = MAPPER.readTree(r.out());
    assertTrue(j.isObject(), "one JSON object: " + r.out());
    List<String> keys = new ArrayList<>();
    collectKeys(j, "", keys);
    List<String> notSnake = keys.stream().distinct()
        .filter(k -> !k.substring(k.lastIndexOf('.') + 1).matches("[a-z][a-z0-9_]*")).toList();
    assertTrue(notSnake.isEmpty(), "keys not in snake_case: " + notSnake);
    // the names the API uses for the same quantities
    assertTrue(keys.containsAll(List.of(".length_km", ".channel.baud_rate_gbd", ".result.gsnr_db",
        ".result.margin_db", ".fibers.spans.noise_figure_db", ".nodes.insertion_loss_db")), keys.toString());
  }

  private static void collectKeys(JsonNode n, String prefix, List<String> keys) {
    if (n.isArray()) {
      n.forEach(e -> collectKeys(e, prefix, keys));
    } else if (n.isObject()) {
      n.fields().forEachRemaining(f -> {
        keys.add(prefix + "." + f.getKey());
        collectKeys(f.getValue(), prefix + "." + f.getKey(), keys);
      });
    }
  }

  @Test
  void outputTableLikeEveryOtherCommandWithTextAsAHiddenAlias() {
    String report = run(args("--from", "trx Alpha", "--to", "trx Beta")).out();
    for (String format : new String[] {"table", "text"}) {
      Run r = run(args("--from", "trx Alpha", "--to", "trx Beta", "--output", format));
      assertEquals(0, r.exit(), format + ": " + r.err());
      assertEquals(report, r.out(), format);
    }
    Run json = run(args("--from", "trx Alpha", "--to", "trx Beta", "-o", "json"));
    assertEquals(0, json.exit(), json.err());
    assertTrue(json.out().trim().startsWith("{"), json.out());
    Run help = run("--help");
    assertTrue(help.out().contains("table, json (default table)"), help.out());
    assertTrue(!help.out().contains("text"), "text is a hidden alias: " + help.out());
  }

  @Test
  void catalogModeSetsTheChannelAndMargin() throws IOException {
    Run r = run(args("--from", "trx Alpha", "--to", "trx Beta", "--mode", "400ZR-DP16QAM-60G",
        "--output", "json"));
    assertEquals(0, r.exit(), r.err());
    JsonNode j = MAPPER.readTree(r.out());
    assertEquals(59.84375, j.path("channel").path("baud_rate_gbd").asDouble(), 0);
    double gsnr = j.path("result").path("gsnr_db").asDouble();
    assertEquals(gsnr - 19.1989, j.path("result").path("margin_db").asDouble(), 1e-3);
  }

  @Test
  void higherLaunchPowerAndFewerChannelsChangeNli() throws IOException {
    double base = nli(run(args("--from", "roadm Alpha", "--to", "roadm Beta", "--output", "json")));
    double hot = nli(run(args("--from", "roadm Alpha", "--to", "roadm Beta", "--power-dbm", "3",
        "--output", "json")));
    double sparse = nli(run(args("--from", "roadm Alpha", "--to", "roadm Beta", "--channels", "10",
        "--output", "json")));
    // NLI power ∝ P³, so NLI SNR ∝ 1/P²: +3 dB launch → −6 dB SNR_NLI
    assertEquals(base - 6.0, hot, 1e-9);
    assertTrue(sparse > base);
  }

  private static double nli(Run r) throws IOException {
    assertEquals(0, r.exit(), r.err());
    return MAPPER.readTree(r.out()).path("result").path("nli_snr_db").asDouble();
  }

  @Test
  void linkListFilesAreSplitIntoEightyKmSpans() throws IOException {
    Path f = dir.resolve("links.json");
    Files.writeString(f, "{\"nodes\":[{\"id\":1,\"name\":\"West\"},{\"id\":2,\"name\":\"East\"}],"
        + "\"links\":[{\"id\":0,\"source\":1,\"target\":2,\"length_km\":1000}]}");
    Run r = run("--topology", f.toString(), "--from", "West", "--to", "2", "--output", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = MAPPER.readTree(r.out());
    assertEquals(13, j.path("fibers").path(0).path("spans").size()); // ceil(1000/80)
    assertEquals(1000.0 / 13, j.path("fibers").path(0).path("spans").path(0).path("length_km").asDouble(), 1e-9);
  }

  @Test
  void badInputIsAClearErrorWithExitCodeOne() throws IOException {
    Run unknown = run(args("--from", "trx Alpha", "--to", "trx Omega"));
    assertEquals(3, unknown.exit());
    assertTrue(unknown.err().contains("unknown node trx Omega"), unknown.err());

    Run ambiguous = run(args("--from", "Alpha", "--to", "trx Beta"));
    assertEquals(3, ambiguous.exit());
    assertTrue(ambiguous.err().contains("ambiguous"), ambiguous.err());

    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"something\": 1}");
    Run neither = run("--topology", junk.toString(), "--from", "a", "--to", "b");
    assertEquals(3, neither.exit());
    assertTrue(neither.err().contains("neither a gnpy network"), neither.err());

    Run missing = run("--topology", dir.resolve("absent.json").toString(), "--from", "a", "--to", "b");
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("cannot read"), missing.err());

    Run badMode = run(args("--from", "trx Alpha", "--to", "trx Beta", "--mode", "nope"));
    assertEquals(3, badMode.exit());
    assertTrue(badMode.err().contains("unknown transceiver mode nope"), badMode.err());

    Run usage = run("--from", "a");
    assertEquals(2, usage.exit(), "picocli reports a missing required option as a usage error");
  }
}
