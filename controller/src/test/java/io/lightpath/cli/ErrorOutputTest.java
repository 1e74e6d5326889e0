package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
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
  void resourceExhaustedWithoutAPathReasonIsAConflict() {
    assertEquals(CliErrors.CONFLICT, CliErrors.exitCode(Status.Code.RESOURCE_EXHAUSTED));
  }
}
