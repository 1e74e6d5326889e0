package io.lightpath.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.lightpath.metrics.MetricsEndpoint;
import io.lightpath.monitor.CarrierMonitor;
import io.lightpath.reconcile.ReconcilePolicy;
import io.lightpath.reconcile.ReconcileRunner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.KeepAlivePolicy;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import io.lightpath.server.StoreConfig;
import io.lightpath.service.ProvisioningOrchestrator;
import io.lightpath.service.DeletedServicePurger;
import io.lightpath.service.RequestRecordSweeper;
import io.lightpath.service.ServiceRecovery;
import io.lightpath.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the controller's gRPC server until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the controller's gRPC server (health and reflection included).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "50051", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--shutdown-grace-s", defaultValue = "10",
      description = "Seconds in-flight calls may finish after SIGTERM (default: ${DEFAULT-VALUE}).")
  long graceSeconds;

  @Option(names = "--metrics-port", defaultValue = "9464",
      description = "Port of the Prometheus /metrics endpoint (default: ${DEFAULT-VALUE}; -1 = off).")
  int metricsPort;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the durable state store (default: ./data if it exists, else ~/.lightpath).")
  Path dataDir;

  @Option(names = "--in-memory",
      description = "Keep all state in memory and lose it on exit (tests and demos only).")
  boolean inMemory;

  @Option(names = "--store", paramLabel = "LOCATION",
      description = "State store location instead of --data-dir: memory:, mvstore:DIR or etcd:URL[,URL...].")
  String store;

  @Option(names = "--carrier-poll-ms", defaultValue = "2000",
      description = "How often the carrier monitor reads the transponders of lit services, in ms "
          + "(default: ${DEFAULT-VALUE}; 0 = off).")
  long carrierPollMs;

  @Option(names = "--device-timeout-ms", defaultValue = "10000",
      description = "Deadline of each gNMI call to a device, in ms; a slower device fails the "
          + "provisioning step and the service is rolled back (default: ${DEFAULT-VALUE}).")
  long deviceTimeoutMs;

  @Mixin
  ServerTlsOptions tls;

  @Option(names = "--keepalive-permit-s", defaultValue = "10",
      description = "Shortest interval between client keepalive pings the server accepts, in "
          + "seconds; faster pingers get GOAWAY too_many_pings (default: ${DEFAULT-VALUE}).")
  long keepAlivePermitSeconds;

  @Option(names = "--keepalive-s", defaultValue = "120",
      description = "Quiet time after which the server pings a client connection, in seconds "
          + "(default: ${DEFAULT-VALUE}).")
  long keepAliveSeconds;

  @Option(names = "--keepalive-timeout-s", defaultValue = "20",
      description = "How long the server waits for a ping's answer before closing the connection "
          + "and its watches, in seconds (default: ${DEFAULT-VALUE}).")
  long keepAliveTimeoutSeconds;

  @Option(names = "--reconcile", defaultValue = "correct", paramLabel = "POLICY",
      description = "Device reconciliation after startup and periodically: correct (report and fix), "
          + "report (report only) or off (default: ${DEFAULT-VALUE}).")
  ReconcilePolicy reconcile;

  @Option(names = "--reconcile-interval-s", defaultValue = "300",
      description = "Seconds between periodic reconciliation passes (default: ${DEFAULT-VALUE}; 0 = only at startup).")
  long reconcileIntervalS;

  @Spec CommandSpec spec;

  @Option(names = "--deleted-retention-s", defaultValue = "86400",
      description = "How long DELETED service records stay readable before they are removed from "
          + "the store, in seconds (default: ${DEFAULT-VALUE} = 24 h).")
  long deletedRetentionSeconds;

  @Override
  public Integer call() throws Exception {
    // one usage line, not a Java exception from deep in the server's start
    if (port < 0 || port > 65535) {
      throw new CliErrors.CliException(CliErrors.USAGE, "--port must be 0 to 65535, got " + port);
    }
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new CliErrors.CliException(CliErrors.USAGE,
          "--metrics-port must be -1 (off) or 0 to 65535, got " + metricsPort);
    }
    if (graceSeconds < 0) {
      throw new CliErrors.CliException(CliErrors.USAGE,
          "--shutdown-grace-s must not be negative, got " + graceSeconds);
    }
    if (deletedRetentionSeconds < 0) {
      throw new ParameterException(spec.commandLine(),
          "--deleted-retention-s must not be negative, got " + deletedRetentionSeconds);
    }
    if (reconcileIntervalS < 0) {
      throw new ParameterException(spec.commandLine(),
          "--reconcile-interval-s must not be negative, got " + reconcileIntervalS);
    }
    KeepAlivePolicy keepAlive;
    try {
      keepAlive = new KeepAlivePolicy(Duration.ofSeconds(keepAlivePermitSeconds), true,
          Duration.ofSeconds(keepAliveSeconds), Duration.ofSeconds(keepAliveTimeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--keepalive-*: " + e.getMessage());
    }
    ServerConfig config = tls.apply(new ServerConfig(bind, port, Duration.ofSeconds(graceSeconds))
        .withKeepAlive(keepAlive));
    StoreConfig storeConfig = inMemory ? StoreConfig.inMemory()
        : store != null ? new StoreConfig(store) : StoreConfig.at(dataDirectory());
    Injector injector = Guice.createInjector(new ServerModule(config, Clock.systemUTC(), storeConfig,
        Duration.ofMillis(deviceTimeoutMs)));
    // opens the store, rebuilds the resource ledger and reconciles interrupted services
    injector.getInstance(ServiceRecovery.class).ensureRecovered();
    // sessions (and transponder state streams) to the devices registered before this start
    injector.getInstance(DeviceDrivers.class).connectAll();
    injector.getInstance(RequestRecordSweeper.class).start(Duration.ofMinutes(5));
    Duration deletedRetention = Duration.ofSeconds(deletedRetentionSeconds);
    injector.getInstance(DeletedServicePurger.class).start(
        deletedRetention.compareTo(Duration.ofMinutes(5)) < 0 && !deletedRetention.isZero()
            ? deletedRetention : Duration.ofMinutes(5), deletedRetention);
    LightpathServer server = injector.getInstance(LightpathServer.class);
    MetricsEndpoint metrics = metricsPort < 0 ? null
        : MetricsEndpoint.start(injector.getInstance(PrometheusMeterRegistry.class), bind, metricsPort);
    server.start();
    CarrierMonitor carrier = injector.getInstance(CarrierMonitor.class);
    if (carrierPollMs > 0) {
      // moves lit services to DEGRADED when a transponder loses the carrier, and back
      carrier.start(Duration.ofMillis(carrierPollMs));
    }
    // compares device configuration with the recovered services, reports and corrects it
    ReconcileRunner reconciler = injector.getInstance(ReconcileRunner.class);
    reconciler.start(reconcile, Duration.ofSeconds(reconcileIntervalS));
    // The JVM runs shutdown hooks on SIGTERM and SIGINT: stop gracefully there.
    Thread hook = new Thread(() -> {
      try {
        server.stop();
        carrier.close();
        reconciler.close();
        if (metrics != null) {
          metrics.close();
        }
        injector.getInstance(RequestRecordSweeper.class).close();
        injector.getInstance(DeletedServicePurger.class).close();
        injector.getInstance(ProvisioningOrchestrator.class).close();
        injector.getInstance(StateStore.class).close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lightpath-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("lightpath serving on " + bind + ":" + server.port()
        + (config.tls().isPresent() ? " (TLS)" : " (plaintext)")
        + ", state " + storeConfig.describe()
        + (metrics == null ? "" : ", metrics on " + bind + ":" + metrics.port() + "/metrics"));
    System.out.flush();
    server.awaitTermination();
    return 0;
  }

  private Path dataDirectory() {
    if (dataDir != null) {
      return dataDir;
    }
    Path local = Path.of("data");
    return Files.isDirectory(local) ? local : Path.of(System.getProperty("user.home"), ".lightpath");
  }
}
