package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors: one human line on stderr, the whole error as JSON with --output json, no Java noise. */
class ErrorOutputTest extends ServerCliTest {
  /** A fiber with three problems: unknown node, negative length, unknown SRLG. */
  private static final String BAD_TOPOLOGY = """
      {"nodes": [{"id": "a", "kind": "ROADM", "ports": [{"id": "line-1"}]}],
       "fibers": [{"id": "a-c", "a_node_id": "a", "z_node_id": "c", "length_km": -1, "srlg_ids": ["duct-9"]}]}
      """;

  @TempDir Path dir;

  private static String oneLine(String err) {
    assertEquals(1, err.trim().lines().count(), err);
    return err.trim();
  }

  @Test
  void jsonOutputCarriesEveryFieldViolationThatTheLinePromises() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), BAD_TOPOLOGY);
    assertEquals(CliErrors.INVALID, run("topology", "import", bad.toString(), "--server", rs.target()));
    assertTrue(oneLine(cli.err()).endsWith("— 3 problems, see --output json"), cli.err());
    assertEquals("", cli.out());

    assertEquals(CliErrors.INVALID, run("topology", "import", bad.toString(), "-o", "json", "--server", rs.target()));
    assertTrue(oneLine(cli.err()).startsWith("error: INVALID_ARGUMENT [INVALID_FIELD]: "), cli.err());
    JsonNode error = new ObjectMapper().readTree(cli.out());
    assertEquals("INVALID_ARGUMENT", error.get("code").asText());
    assertEquals("INVALID_FIELD", error.get("reason").asText());
    assertEquals(CliErrors.INVALID, error.get("exit_code").asInt());
    assertTrue(error.get("message").asText().contains("(and 2 more)"), error.toString());
    List<String> fields = new ArrayList<>();
    error.get("field_violations").forEach(v -> {
      fields.add(v.get("field").asText());
      assertTrue(!v.get("description").asText().isEmpty(), v.toString());
    });
    assertEquals(List.of("document.fibers[0].z_node_id", "document.fibers[0].length_km",
        "document.fibers[0].srlg_ids"), fields);
  }

  @Test
  void jsonOutputCarriesErrorInfoMetadata() throws Exception {
    assertEquals(CliErrors.NOT_FOUND, run("device", "get", "nope", "-o", "json", "--server", rs.target()));
    JsonNode error = new ObjectMapper().readTree(cli.out());
    assertEquals("RESOURCE_NOT_FOUND", error.get("reason").asText());
    assertEquals("devices/nope", error.get("metadata").get("resource").asText());
  }

  @Test
  void picocliUsageErrorsAreJsonTooWhenJsonIsAskedFor() throws Exception {
    for (String[] json : new String[][] {{"-o", "json"}, {"--output=json"}, {"--output", "JSON"}}) {
      List<String> args = new ArrayList<>(List.of("device", "list", "--bogus", "--server", rs.target()));
      args.addAll(List.of(json));
      assertEquals(CliErrors.USAGE, run(args.toArray(String[]::new)));
      JsonNode error = new ObjectMapper().readTree(cli.out());
      assertEquals("USAGE", error.get("code").asText(), cli.out());
      assertEquals(CliErrors.USAGE, error.get("exit_code").asInt());
      assertTrue(error.get("message").asText().contains("--bogus"), cli.out());
      assertTrue(cli.err().contains("--bogus"), "the line and usage stay on stderr: " + cli.err());
    }
    // a proto enum's meaningless value is a usage error like any other
    assertEquals(CliErrors.USAGE, run("service", "list", "--state", "UNRECOGNIZED", "-o", "json",
        "--server", rs.target()));
    assertTrue(new ObjectMapper().readTree(cli.out()).get("message").asText().contains("UNRECOGNIZED"),
        cli.out());
    // without JSON asked for, stdout stays empty
    assertEquals(CliErrors.USAGE, run("device", "list", "--bogus", "--server", rs.target()));
    assertEquals("", cli.out().trim());
  }

  @Test
  void aMissingFileIsOneUsageLine() {
    Path missing = dir.resolve("nonexistent.json");
    assertEquals(CliErrors.USAGE, run("topology", "import", missing.toString(), "--server", rs.target()));
    assertEquals("error: cannot read " + missing + ": no such file", oneLine(cli.err()));
  }

  @Test
  void aPortOutOfRangeIsOneUsageLine() {
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--port", "70000"));
    assertEquals("error: --port must be 0 to 65535, got 70000", oneLine(cli.err()));
    assertEquals(CliErrors.USAGE, run("serve", "--in-memory", "--metrics-port", "65536"));
    assertEquals("error: --metrics-port must be -1 (off) or 0 to 65535, got 65536", oneLine(cli.err()));
  }

  @Test
  void aDataDirectoryInUseIsOneLineSayingSo() throws Exception {
    try (MvStateStore held = MvStateStore.open(dir, java.time.Clock.systemUTC(), 1000)) {
      assertEquals(CliErrors.FAILED, run("serve", "--data-dir", dir.toString(), "--port", "0",
          "--metrics-port", "-1"));
      String line = oneLine(cli.err());
      assertTrue(line.startsWith("error: state store file " + dir.resolve(MvStateStore.FILE_NAME)
          + " is in use by another process"), line);
    }
  }

  @Test
  void anUnresolvableServerIsOneLineWithoutGrpcWarnings() {
    List<LogRecord> grpcLogs = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          grpcLogs.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger grpc = Logger.getLogger("io.grpc");
    grpc.addHandler(capture);
    try {
      assertEquals(CliErrors.UNAVAILABLE, run("status", "--server", "nohost.invalid:1", "--timeout-s", "10"));
    } finally {
      grpc.removeHandler(capture);
    }
    assertTrue(oneLine(cli.err()).startsWith("error: UNAVAILABLE"), cli.err());
    assertEquals(List.of(), grpcLogs.stream().map(LogRecord::getMessage).toList());
  }

  @Test
  void resourceExhaustedWithoutAPathReasonIsAConflict() {
    assertEquals(CliErrors.CONFLICT, CliErrors.exitCode(Status.Code.RESOURCE_EXHAUSTED));
  }
}
