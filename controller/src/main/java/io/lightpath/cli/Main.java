package io.lightpath.cli;

import io.lightpath.demo.BenchCommand;
import io.lightpath.demo.DemoCommand;
import io.lightpath.qot.QotCommand;
import io.lightpath.sim.SimCommand;
import io.lightpath.southbound.emulator.LabCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lightpath}: the operator CLI and the server launcher, one executable. */
@Command(
    name = "lightpath",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Lightpath wavelength-provisioning controller: server, operator CLI and tools.",
    subcommands = {
      ServeCommand.class,
      StatusCommand.class,
      TopologyCommand.class,
      DeviceCommand.class,
      ServiceCommand.class,
      PathCommand.class,
      QotCommand.class,
      SimCommand.class,
      LabCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    routeJavaUtilLoggingToLogback();
    System.exit(execute(args));
  }

  /**
   * grpc-java logs through java.util.logging, whose console handler printed every INFO record
   * with its stack trace (a lab's stderr filled with "Transport failed" when clients went away):
   * route it through logback, where io.grpc is at WARN like everything else that is not ours.
   */
  static void routeJavaUtilLoggingToLogback() {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /** Runs one command line and returns its exit code; never exits the JVM (tests call this). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command tree. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // LabCommand lives in southbound, which knows nothing of the controller's API: its client
    // subcommand is added here
    cli.getSubcommands().get("lab").addSubcommand("attach", new LabAttachCommand());
    // proto enum options offer and accept only meaningful values (no *_UNSPECIFIED, UNRECOGNIZED)
    ProtoEnumOptions.restrict(cli);
    cli.setExecutionExceptionHandler(new CliErrors());
    cli.setParameterExceptionHandler(CliErrors.usageErrors(cli.getParameterExceptionHandler()));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /** Reports the version from the jar manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"lightpath " + (v == null ? "development build" : v)};
    }
  }
}
