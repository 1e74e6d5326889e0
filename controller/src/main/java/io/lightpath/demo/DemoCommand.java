package io.lightpath.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import io.lightpath.cli.Output;
import io.lightpath.cli.OutputFormat;
import io.lightpath.proto.v1.Service;
import io.lightpath.southbound.emulator.topology.LabTopology;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightpath demo}: a whole controller and a six-site emulated lab in one process, driven
 * through the public gRPC API. Exit code 0 when every step worked and every service ended as
 * expected, 1 otherwise.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start a controller and a six-site emulated lab (OCS, ROADMs, transponders) on loopback, "
            + "import the lab's topology and register its devices through the gRPC API, provision a 1+1 "
            + "service, an 800G bundle with latency and skew bounds and two metro services, then cut a "
            + "fiber through the lab's fault service, show what happened to each service, repair it and "
            + "see them recover. Exit code 0 when everything behaved as expected, 1 otherwise.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, defaultValue = "table", converter = OutputFormat.Converter.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}): table narrates the run"
          + " with tables, json prints one document at the end.")
  OutputFormat output;

  @Option(names = "--timeout-s", defaultValue = "20",
      description = "Longest wait of each waiting step, in seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  /** Runs the command outside {@code bin/lightpath} (for example from an IDE). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new DemoCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Option(names = "--verbose", description = "Keep the controller's and the lab's INFO logs.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    if (!verbose) {
      // the narration is the output; the components' INFO lines would interleave with it
      // (logback.xml sets io.lightpath to INFO on its own, so the root's level does not reach it)
      for (String name : new String[] {Logger.ROOT_LOGGER_NAME, "io.lightpath"}) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name))
            .setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter narrate = output == OutputFormat.table ? out : null;
    DemoReport report = run(DemoLab.topology(), narrate, Duration.ofSeconds(timeoutSeconds));
    if (output == OutputFormat.json) {
      out.println(json(report));
      out.flush();
    }
    return report.ok() ? 0 : 1;
  }

  /**
   * Starts {@code lab} and a controller, runs the demo's steps against them and stops both;
   * narrates to {@code narrate} when it is not null. Starting the lab and the controller is step
   * 0, in the report as in the narration, so the JSON's {@code steps[i]} is the narration's
   * {@code [i]}.
   */
  static DemoReport run(LabTopology lab, PrintWriter narrate, Duration timeout) throws IOException {
    if (narrate != null) {
      narrate.println("Lightpath demo: lab '" + lab.name() + "' (" + lab.devices().size()
          + " devices, " + lab.fibers().size() + " fibers) and a controller, all on loopback.");
      narrate.flush();
    }
    long start = System.nanoTime();
    try (DemoEnvironment env = DemoEnvironment.start(lab, null)) {
      DemoRunner runner = new DemoRunner(env, narrate, timeout);
      runner.done("start lab and controller", start, "controller 127.0.0.1:" + env.controllerPort()
          + ", lab admin " + env.lab().adminAddress());
      return runner.run();
    }
  }

  static String json(DemoReport r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("ok", r.ok());
    ArrayNode steps = root.putArray("steps");
    r.steps().forEach(s -> steps.addObject().put("name", s.name()).put("ok", s.ok())
        .put("millis", s.millis()).put("detail", s.detail()));
    root.set("provisioned", services(m, r.provisioned()));
    root.set("after_cut", services(m, r.afterCut()));
    root.set("recovered", services(m, r.recovered()));
    ArrayNode events = root.putArray("events");
    r.events().forEach(e -> events.add(proto(m, e.event())));
    ArrayNode verdicts = root.putArray("verdicts");
    r.verdicts().forEach(v -> verdicts.addObject().put("service", v.serviceId())
        .put("expected", v.expected()).put("observed", v.observed()).put("ok", v.ok()));
    return root.toString();
  }

  private static ArrayNode services(ObjectMapper m, List<Service> services) {
    ArrayNode a = m.createArrayNode();
    services.forEach(s -> a.add(proto(m, s)));
    return a;
  }

  private static com.fasterxml.jackson.databind.JsonNode proto(ObjectMapper m, MessageOrBuilder msg) {
    try {
      return m.readTree(Output.JSON.print(msg));
    } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot print " + msg.getClass().getSimpleName(), e);
    }
  }
}
