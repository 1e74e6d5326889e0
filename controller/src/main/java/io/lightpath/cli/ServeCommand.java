package io.lightpath.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.lightpath.metrics.MetricsEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Override
  public Integer call() throws Exception {
    ServerConfig config = new ServerConfig(bind, port, Duration.ofSeconds(graceSeconds));
    Injector injector = Guice.createInjector(new ServerModule(config, Clock.systemUTC()));
    LightpathServer server = injector.getInstance(LightpathServer.class);
    MetricsEndpoint metrics = metricsPort < 0 ? null
        : MetricsEndpoint.start(injector.getInstance(PrometheusMeterRegistry.class), bind, metricsPort);
    server.start();
    // The JVM runs shutdown hooks on SIGTERM and SIGINT: stop gracefully there.
    Thread hook = new Thread(() -> {
      try {
        server.stop();
        if (metrics != null) {
          metrics.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lightpath-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("lightpath serving on " + bind + ":" + server.port()
        + (metrics == null ? "" : ", metrics on " + bind + ":" + metrics.port() + "/metrics"));
    System.out.flush();
    server.awaitTermination();
    return 0;
  }
}
