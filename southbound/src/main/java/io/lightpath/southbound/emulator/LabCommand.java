package io.lightpath.southbound.emulator;

import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lab --topology FILE [--port N]}: runs an emulated lab until SIGTERM / Ctrl-C, printing
 * each device's gNMI endpoint and the LabAdmin address. {@code lab fault ...} injects faults
 * into a running lab.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = "Run an emulated optical lab (gNMI transponders, ROADMs, OCS) until interrupted.",
    subcommands = LabFaultCommand.class)
public final class LabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--topology", paramLabel = "FILE", description = "Lab file (YAML or JSON).")
  Path topology;

  @Option(names = "--bundled", paramLabel = "NAME",
      description = "A bundled lab instead of a file: tri-site.yaml or hexa-metro.yaml.")
  String bundled;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "First gNMI port; device i listens on N+i (0 = free ports). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--shared-port",
      description = "Serve all devices on one port (--port), addressed by gNMI target name.")
  boolean sharedPort;

  @Option(names = "--admin-port", paramLabel = "N", defaultValue = "0",
      description = "LabAdmin port (0 = free port). Default: ${DEFAULT-VALUE}.")
  int adminPort;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Server certificate chain.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Server private key (PKCS#8).")
  Path tlsKey;

  @Option(names = "--username", description = "Require this gNMI username metadata.")
  String username;

  @Option(names = "--password", description = "Require this gNMI password metadata.",
      arity = "0..1", interactive = true)
  String password;

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((topology == null) == (bundled == null)) {
      err.println("lab: give exactly one of --topology FILE or --bundled NAME");
      return 2;
    }
    if ((tlsCert == null) != (tlsKey == null) || (username == null) != (password == null)) {
      err.println("lab: --tls-cert/--tls-key and --username/--password come in pairs");
      return 2;
    }
    LabTopology lab;
    try {
      lab = topology != null ? LabTopologyFile.read(topology) : LabTopologyFile.readBundled(bundled);
    } catch (java.io.IOException e) {
      err.println("lab: " + e.getMessage());
      return 1;
    }
    LabOptions options = LabOptions.defaults().withHost(host).withBasePort(port)
        .withSharedPort(sharedPort).withAdminPort(adminPort);
    if (tlsCert != null) {
      options = options.withTls(new LabOptions.TlsFiles(tlsCert, tlsKey));
    }
    if (username != null) {
      options = options.withCredentials(username, password);
    }
    try (EmulatedLab running = EmulatedLab.start(lab, options)) {
      Thread hook = new Thread(stop::countDown, "lab-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.printf("lab %s: %d devices, %d fibers%n", lab.name(), lab.devices().size(),
          lab.fibers().size());
      for (DeviceEndpoint ep : running.endpoints()) {
        out.printf("  %-20s %-12s %s target=%s%n", ep.name(), ep.role(), ep.address(), ep.target());
      }
      out.printf("admin %s%n", running.adminAddress());
      out.println("running; Ctrl-C to stop");
      out.flush();
      started.countDown();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting because of the signal: nothing to remove.
      }
    }
    out.println("lab stopped");
    out.flush();
    return 0;
  }

  /** Blocks until the lab is serving (for tests and embedding). */
  void awaitStarted() throws InterruptedException {
    started.await();
  }

  /** Stops a running {@link #call()} as SIGTERM would. */
  void requestStop() {
    stop.countDown();
  }
}
