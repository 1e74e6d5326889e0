package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code device reconcile}: table, JSON and errors, against a real server. */
class DeviceReconcileCommandTest extends ServerCliTest {

  @Test
  void anUnreachableDeviceIsATableRowAndAJsonFinding() {
    // nothing listens on port 1: the device cannot be read
    assertEquals(0, run("device", "add", "roadm-x", "--address", "127.0.0.1:1", "--role", "roadm",
        "--insecure-plaintext", "--server", rs.target()));
    assertEquals(0, run("device", "reconcile", "--dry-run", "roadm-x", "--server", rs.target()));
    String table = cli.out();
    assertTrue(table.startsWith("DEVICE"), table);
    assertTrue(table.contains("devices/roadm-x") && table.contains("UNREACHABLE") && table.contains("REPORTED"), table);
    assertTrue(table.contains("1 device(s) checked, 1 finding(s) (dry run: nothing changed)"), table);

    assertEquals(0, run("device", "reconcile", "-o", "json", "--server", rs.target()));
    assertTrue(cli.out().startsWith("{\"findings\":[{\"device\":\"devices/roadm-x\",\"kind\":\"FINDING_KIND_UNREACHABLE\""),
        cli.out());
  }

  @Test
  void noDevicesNoFindings() {
    assertEquals(0, run("device", "reconcile", "--server", rs.target()));
    assertEquals("0 device(s) checked, 0 finding(s)", cli.out().trim());
  }

  @Test
  void anUnknownDeviceIsNotFound() {
    assertEquals(CliErrors.NOT_FOUND, run("device", "reconcile", "nowhere", "--server", rs.target()));
    assertEquals("error: NOT_FOUND [RESOURCE_NOT_FOUND]: devices/nowhere not found", cli.err().trim());
  }

  @Test
  void serveTakesTheReconcilePolicyAndInterval() {
    CommandLine.ParseResult parsed = Main.commandLine()
        .parseArgs("serve", "--reconcile", "report", "--reconcile-interval-s", "0");
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(io.lightpath.reconcile.ReconcilePolicy.REPORT, serve.reconcile);
    assertEquals(0, serve.reconcileIntervalS);
    ServeCommand defaults = (ServeCommand) Main.commandLine().parseArgs("serve").subcommand()
        .commandSpec().userObject();
    assertEquals(io.lightpath.reconcile.ReconcilePolicy.CORRECT, defaults.reconcile);
    assertEquals(300, defaults.reconcileIntervalS);

    assertEquals(CliErrors.USAGE, run("serve", "--reconcile", "sometimes"));
    assertTrue(cli.err().contains("--reconcile"), cli.err());
    assertEquals(0, run("device", "reconcile", "--help"));
    assertTrue(cli.out().contains("--dry-run"), cli.out());
  }
}
