package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Asks the controller's standard gRPC health service whether it serves. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Check that the controller is up (gRPC health service).")
final class StatusCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ManagedChannel channel = client.channel();
    try {
      HealthCheckResponse r = HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(client.timeoutSeconds, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance());
      if (client.output == OutputFormat.json) {
        Output.json(spec.commandLine().getOut(), r);
      } else {
        spec.commandLine().getOut().println(client.server + " " + r.getStatus());
        spec.commandLine().getOut().flush();
      }
      return r.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? CliErrors.OK : CliErrors.UNAVAILABLE;
    } finally {
      ClientOptions.close(channel);
    }
  }
}
