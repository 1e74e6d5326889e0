package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lightpath bench} on a small synthetic network: it creates, measures and restarts. */
class BenchCommandTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void syntheticRunCreatesEveryServiceAndRestartKeepsThem() {
    String[] r = run("--nodes", "16", "--services", "24", "--clients", "3", "--restart");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("states {ACTIVE=24}"), r[1]);
    assertTrue(r[1].contains("create -> ACTIVE: p50 "), r[1]);
    assertTrue(r[1].contains("(24 ACTIVE)"), r[1]);
    assertTrue(r[1].contains("24 services ACTIVE after restart"), r[1]);
    assertTrue(r[1].contains("no devices; provisioning is a no-op"), r[1]);
  }

  @Test
  void labInItsOwnProcessProvisionsEveryServiceAndSplitsTheCpu() {
    // 9 warm-up services in rounds of 6 (the lab's capacity): the measured 6 only fit if every
    // warm-up service was deleted and released its ports and spectrum
    // two JVM options in one argument: the child only starts if they are passed apart
    // --lab-shared-port: the child serves the 9 devices on one port, and each is still reached
    String[] r = run("--sites", "3", "--services", "6", "--clients", "2", "--lab-process",
        "--lab-java-opts", "-Xmx256m -XX:+UseSerialGC", "--lab-yang-validation", "false",
        "--warmup", "9", "--lab-shared-port");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("9 emulated devices on 1 gNMI port (in a separate JVM)"), r[1]);
    assertTrue(r[1].contains("warm-up: 9 services created ({ACTIVE=9}) and deleted"), r[1]);
    assertTrue(r[1].contains("JIT: this JVM compiled for "), r[1]);
    assertTrue(r[1].contains("(in a separate JVM)"), r[1]);
    assertTrue(r[1].contains("states {ACTIVE=6}"), r[1]);
    assertTrue(r[1].contains("CPU: controller process "), r[1]);
    assertTrue(r[1].contains("CPU: lab process "), r[1]);
  }

  @Test
  void labInThisJvmCountsTheRoundTripsOfAService() {
    // one client, after a warm-up has loaded the line inventories and logical-channel caches and
    // the drivers' config mirrors have synced: a service between neighbouring sites costs each of
    // its 2 ROADMs and 2 transponders 1 Set and no Get (priors and verification come from the
    // devices' config streams). The only Gets left are the carrier verifier's direct state reads,
    // made when a transponder's state stream has not reported yet; the bench counts those too.
    String[] r = run("--sites", "3", "--services", "6", "--clients", "1",
        "--lab-yang-validation", "false", "--warmup", "6");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("9 emulated devices on 9 gNMI ports;"), r[1]);
    assertTrue(r[1].contains("states {ACTIVE=6}"), r[1]);
    assertOnlySetsAndCarrierReads(r[1], 6);
  }

  @Test
  void labInThisJvmOnOneSharedPortProvisionsEveryService() {
    // every device behind one port, told apart by prefix.target: every service still goes ACTIVE
    // (its Sets reached the right devices, and each device's config stream its own mirror) at
    // the round trips of one port each
    String[] r = run("--sites", "3", "--services", "6", "--clients", "1",
        "--lab-yang-validation", "false", "--warmup", "6", "--lab-shared-port");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("9 emulated devices on 1 gNMI port;"), r[1]);
    assertTrue(r[1].contains("states {ACTIVE=6}"), r[1]);
    assertOnlySetsAndCarrierReads(r[1], 6);
  }

  /** 4 Sets per service, and no Get but the carrier verifier's direct reads of the measured run. */
  private static void assertOnlySetsAndCarrierReads(String out, int services) {
    java.util.regex.Matcher gnmi = java.util.regex.Pattern
        .compile("gNMI: the lab answered ([0-9.]+) Get and 4.00 Set requests per service")
        .matcher(out);
    assertTrue(gnmi.find(), out);
    java.util.regex.Matcher direct = java.util.regex.Pattern.compile("(\\d+) direct carrier reads")
        .matcher(out);
    long carrierReads = direct.find() ? Long.parseLong(direct.group(1)) : 0;
    assertEquals(carrierReads, Math.round(Double.parseDouble(gnmi.group(1)) * services), out);
  }

  @Test
  void rejectsNonPositiveCounts() {
    String[] r = run("--nodes", "16", "--clients", "0");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--clients and --services must be at least 1"), r[2]);
  }

  @Test
  void syntheticNetworkHasTheAdvertisedSize() {
    SyntheticNetwork net = new SyntheticNetwork(1000);
    assertEquals(1000, net.nodeCount());
    assertEquals(1000, net.topology().getNodesCount());
    // every service joins two distinct transponder nodes
    for (int i = 0; i < 2_000; i++) {
      var s = net.service(i);
      assertTrue(!s.getAEnd().getNodeId().equals(s.getZEnd().getNodeId()), s.toString());
    }
  }
}
