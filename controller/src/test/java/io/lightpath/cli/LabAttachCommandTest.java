package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import org.junit.jupiter.api.Test;

/** {@code lab attach} wires a running lab into a running controller, ready for services. */
class LabAttachCommandTest extends ServerCliTest {

  @Test
  void attachedLabTakesAServiceAndASecondAttachLeavesTheDevicesAlone() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"))) {
      assertEquals(0, run("lab", "attach", "--bundled", "tri-site.yaml", "--admin", lab.adminAddress(),
          "--server", rs.target()), cli.err());
      assertTrue(cli.out().matches("topology \\S+ imported: \\d+ sites, \\d+ nodes, \\d+ fibers; "
          + "\\d+ devices registered\\s*"), cli.out());

      assertEquals(0, run("service", "create", "-a", "alder-tp1", "-z", "birch-tp1", "--rate", "400G",
          "--wait", "--server", rs.target()), cli.err() + cli.out());
      assertTrue(cli.out().contains("ACTIVE"), cli.out());

      assertEquals(0, run("lab", "attach", "--bundled", "tri-site.yaml", "--admin", lab.adminAddress(),
          "--server", rs.target()), cli.err());
      assertTrue(cli.out().contains("0 devices registered,"), cli.out());
      assertTrue(cli.out().contains("already registered"), cli.out());
    }
  }

  @Test
  void aLabFileOrABundledNameIsRequiredAndAnUnknownAdminIsOneLine() {
    assertEquals(2, run("lab", "attach", "--admin", "127.0.0.1:1", "--server", rs.target()));
    assertEquals(2, run("lab", "attach", "--bundled", "tri-site.yaml", "--topology", "x.yaml",
        "--admin", "127.0.0.1:1", "--server", rs.target()));
    int code = run("lab", "attach", "--bundled", "tri-site.yaml", "--admin", "127.0.0.1:1",
        "--timeout-s", "2", "--server", rs.target());
    assertTrue(code != 0, cli.out());
    assertEquals(1, cli.err().strip().lines().count(), cli.err());
  }
}
