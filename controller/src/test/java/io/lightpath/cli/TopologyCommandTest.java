package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topology import|show}. */
class TopologyCommandTest extends ServerCliTest {
  @TempDir Path dir;

  @Test
  void showGivesEachFibersLengthAndLoss() throws Exception {
    Path doc = dir.resolve("t.json");
    Files.writeString(doc, """
        {"nodes": [{"id": "a", "kind": "ROADM"}, {"id": "b", "kind": "ROADM"}],
         "fibers": [{"id": "a-b", "aNodeId": "a", "zNodeId": "b", "lengthKm": 80, "lossDb": 17.5,
                     "spans": [{"lengthKm": 80}]}]}
        """);
    assertEquals(0, run("topology", "import", doc.toString(), "--server", rs.target()), cli.err());
    assertEquals(0, run("topology", "show", "--server", rs.target()));
    String header = cli.out().lines().filter(l -> l.startsWith("FIBER")).findFirst().orElseThrow();
    assertTrue(header.matches("FIBER +A +Z +LENGTH_KM +LOSS_DB +SPANS +SRLGS\\s*"), header);
    String row = cli.out().lines().filter(l -> l.startsWith("a-b ")).findFirst().orElseThrow();
    assertTrue(row.matches("a-b +a +b +80\\.0 +17\\.5 +1\\s*"), row);
  }
}
