package io.lightpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import io.lightpath.service.ServiceRepository;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code service create|get|list|delete}: --wait deadlines, reasons in tables, exit codes. */
class ServiceCommandTest {
  /** Longer than any --timeout-s below: a --wait that ignores its deadline fails, not hangs. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  private final CliRunner cli = new CliRunner();
  private ServiceCliServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ServiceCliServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private int run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--server";
    all[args.length + 1] = server.target();
    return cli.run(all);
  }

  private int create(String id, String... extra) {
    String[] base = {"service", "create", "-a", "ta", "-z", "tz", "--rate", "400G", "--id", id};
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(all);
  }

  private static String oneLine(String err) {
    assertEquals(1, err.trim().lines().count(), err);
    return err.trim();
  }

  @Test
  void createWaitStopsAtTheTimeoutNamingTheStateLeftIn() {
    server.provisioner.hang = true;
    long start = System.nanoTime();
    int exit = assertTimeoutPreemptively(GUARD, () -> create("s1", "--wait", "--timeout-s", "2"));
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(CliErrors.UNAVAILABLE, exit, cli.err());
    assertEquals("error: services/s1 still PROVISIONING after 2 s (--timeout-s)", oneLine(cli.err()));
    assertTrue(tookMs < 10_000, "took " + tookMs + " ms");
  }

  @Test
  void deleteWaitOnAStuckDeprovisioningStopsAtTheTimeoutWithTheReason() throws Exception {
    assertEquals(0, create("s1", "--wait"), cli.err());
    assertTrue(cli.out().contains("ACTIVE"), cli.out());
    server.provisioner.failDeprovision = true;

    int exit = assertTimeoutPreemptively(GUARD, () -> run("service", "delete", "s1", "--wait", "--timeout-s", "2"));
    assertEquals(CliErrors.UNAVAILABLE, exit, cli.err());
    assertEquals("error: services/s1 still DELETING after 2 s (--timeout-s): DEVICE_TIMEOUT: "
        + "device ta, step transponder-optical-channel: no answer", oneLine(cli.err()));

    // the same with --output json: the error as a JSON object on stdout, the service in it
    exit = assertTimeoutPreemptively(GUARD,
        () -> run("service", "delete", "s1", "--wait", "--timeout-s", "2", "-o", "json"));
    assertEquals(CliErrors.UNAVAILABLE, exit, cli.err());
    JsonNode error = new ObjectMapper().readTree(cli.out());
    assertEquals("DEADLINE_EXCEEDED", error.get("code").asText());
    assertEquals("WAIT_TIMEOUT", error.get("reason").asText());
    assertEquals(CliErrors.UNAVAILABLE, error.get("exit_code").asInt());
    assertEquals("DELETING", error.get("service").get("state").asText());
    assertEquals("DEVICE_TIMEOUT", error.get("service").get("state_reason").get("code").asText());

    // the table shows why it is stuck
    assertEquals(0, run("service", "list"));
    String row = cli.out().lines().filter(l -> l.startsWith("services/s1")).findFirst().orElseThrow();
    assertTrue(row.contains("DELETING") && row.contains("DEVICE_TIMEOUT: device ta"), row);
  }

  @Test
  void tablesShowTheReasonOfADegradedService() {
    assertEquals(0, create("s1", "--wait"), cli.err());
    // what the carrier monitor writes when a transponder loses the carrier: a message, no code
    server.injector.getInstance(ServiceRepository.class).update("s1", x -> x.withService(x.service().toBuilder()
        .setState(ServiceState.DEGRADED).setStateReason(StateReason.newBuilder()
            .setMessage("1 of 1 channel(s) without carrier; channel c0: LOS at tz")
            .setDevice("devices/tz").setStep("carrier")).build()));

    assertEquals(0, run("service", "get", "s1"));
    String row = cli.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(row.contains("DEGRADED") && row.endsWith("1 of 1 channel(s) without carrier; channel c0: LOS at tz"),
        cli.out());
    assertEquals(0, run("service", "list", "--state", "DEGRADED"));
    row = cli.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(row.endsWith("channel c0: LOS at tz"), cli.out());
  }

  @Test
  void channelTablesShowFrequencyInThzAndWidthInGhzLikeTheDemo() throws Exception {
    assertEquals(0, create("s1", "--wait", "--frequency-mhz", "193106250"), cli.err());
    // the same table under service create, service get and path compute
    for (String[] args : new String[][] {{"service", "get", "s1"},
        {"path", "compute", "-a", "ta", "-z", "tz", "--rate", "400G", "--frequency-mhz", "193200000"}}) {
      assertEquals(0, run(args), cli.err());
      String header = cli.out().lines().filter(l -> l.startsWith("CHANNEL")).findFirst().orElseThrow();
      assertTrue(header.contains(" FREQ_THZ ") && header.contains(" WIDTH_GHZ "), header);
      assertTrue(!header.contains("MHZ"), header);
    }
    assertEquals(0, run("service", "get", "s1"), cli.err());
    String row = cli.out().lines().filter(l -> l.contains("WORKING")).findFirst().orElse(cli.out());
    assertTrue(row.contains(" 193.10625 ") && row.contains(" 75.0 "), cli.out());
  }

  @Test
  void frequenciesAndWidthsAreExactInThzAndGhz() {
    assertEquals("193.10000", Output.thz(193_100_000));
    assertEquals("193.10625", Output.thz(193_106_250));
    assertEquals("191.36250", Output.thz(191_362_500));
    assertEquals("193.100001", Output.thz(193_100_001), "an off-grid value is not rounded");
    assertEquals("75.0", Output.ghz(75_000));
    assertEquals("37.5", Output.ghz(37_500));
    assertEquals("112.5", Output.ghz(112_500));
  }

  @Test
  void jsonKeepsFieldsAtTheirDefaultValue() throws Exception {
    assertEquals(0, create("s1", "--wait"), cli.err());
    // the carrier monitor's view of a transponder that lost the carrier: carrier_up false
    server.injector.getInstance(ServiceRepository.class).update("s1", x -> x.withService(x.service().toBuilder()
        .setState(ServiceState.DEGRADED)
        .setChannels(0, x.service().getChannels(0).toBuilder().setCarrierUp(false)).build()));

    assertEquals(0, run("service", "get", "s1", "-o", "json"), cli.err());
    JsonNode service = new ObjectMapper().readTree(cli.out());
    JsonNode channel = service.get("channels").get(0);
    assertTrue(channel.has("carrier_up"), "carrier_up missing: " + channel);
    assertTrue(channel.get("carrier_up").isBoolean() && !channel.get("carrier_up").asBoolean(), channel.toString());
    // other defaults too: an empty string, an empty list
    assertEquals("", service.get("display_name").asText(), service.toString());
    assertTrue(service.get("constraints").get("exclude_node_ids").isArray(), service.toString());

    assertEquals(0, run("service", "list", "-o", "json"), cli.err());
    JsonNode listed = new ObjectMapper().readTree(cli.out()).get("services").get(0).get("channels").get(0);
    assertTrue(listed.has("carrier_up"), listed.toString());
  }

  @Test
  void watchLinesCarryTheStateReason() throws Exception {
    assertEquals(0, create("s1", "--wait"), cli.err());
    server.injector.getInstance(ServiceRepository.class).update("s1", x -> x.withService(x.service().toBuilder()
        .setState(ServiceState.DEGRADED).setStateReason(StateReason.newBuilder()
            .setMessage("1 of 1 channel(s) without carrier; channel c0: LOS at tz")).build()));
    CliRunner watcher = new CliRunner();
    Thread t = new Thread(() -> watcher.run("service", "watch", "s1", "--from-revision", "1",
        "--server", server.target()));
    t.setDaemon(true); // the stream stays open; it ends with the server
    t.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!watcher.out().contains("DEGRADED") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String line = watcher.out().lines().filter(l -> l.contains("DEGRADED")).findFirst().orElseThrow();
    assertTrue(line.endsWith("services/s1 DEGRADED 1 of 1 channel(s) without carrier; channel c0: LOS at tz"), line);
  }

  @Test
  void everyNoPathReasonIsExitCode8OnCreateAndCompute() {
    String[][] noPath = {
        {"-a", "ta", "-z", "tn"}, // NO_ROUTE (FAILED_PRECONDITION)
        {"-a", "tx", "-z", "ty"}, // QOT_INFEASIBLE (FAILED_PRECONDITION)
        {"-a", "ta", "-z", "tz", "--max-latency-us", "10"}, // LATENCY_EXCEEDED (FAILED_PRECONDITION)
        {"-a", "ta", "-z", "tz", "--bundle", "3"}, // NO_TRANSCEIVER (RESOURCE_EXHAUSTED)
        {"-a", "ta", "-z", "nowhere"}, // CONSTRAINT_CONFLICT (FAILED_PRECONDITION, unknown node)
    };
    String[] reasons = {"NO_ROUTE", "QOT_INFEASIBLE", "LATENCY_EXCEEDED", "NO_TRANSCEIVER", "CONSTRAINT_CONFLICT"};
    for (int i = 0; i < noPath.length; i++) {
      String[] ends = noPath[i];
      String[] create = concat(new String[] {"service", "create", "--rate", "400G"}, ends);
      assertEquals(CliErrors.SERVICE_FAILED, run(create), String.join(" ", create) + ": " + cli.err());
      assertTrue(cli.err().contains("[" + reasons[i] + "]"), cli.err());
      String[] compute = concat(new String[] {"path", "compute", "--rate", "400G"}, ends);
      assertEquals(CliErrors.SERVICE_FAILED, run(compute), String.join(" ", compute) + ": " + cli.err());
      assertTrue((cli.out() + cli.err()).contains(reasons[i]), cli.out() + cli.err());
    }
  }

  @Test
  void aTakenPinnedSlotIsNoSpectrumExitCode8() {
    assertEquals(0, create("s1", "--frequency-mhz", "193100000"), cli.err());
    assertEquals(CliErrors.SERVICE_FAILED, create("s2", "--frequency-mhz", "193100000"));
    assertTrue(cli.err().startsWith("error: RESOURCE_EXHAUSTED [NO_SPECTRUM]"), cli.err());
  }

  @Test
  void maxSkewOrMinRoutesWithoutBundleIsAUsageError() {
    assertEquals(CliErrors.USAGE, create("s1", "--max-skew-us", "5"));
    assertEquals("error: --max-skew-us applies to a bundle: give --bundle N too", oneLine(cli.err()));
    assertEquals(CliErrors.USAGE, run("path", "compute", "-a", "ta", "-z", "tz", "--rate", "400G",
        "--min-routes", "2"));
    assertEquals("error: --min-routes applies to a bundle: give --bundle N too", oneLine(cli.err()));
    assertEquals(CliErrors.NOT_FOUND, run("service", "get", "s1"), "nothing was created");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
