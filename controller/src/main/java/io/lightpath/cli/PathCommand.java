package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.lightpath.proto.v1.Candidate;
import io.lightpath.proto.v1.ComputePathsRequest;
import io.lightpath.proto.v1.ComputePathsResponse;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightpath path compute}: a dry run of path computation. */
@Command(name = "path", mixinStandardHelpOptions = true, description = "Path computation without provisioning.",
    subcommands = PathCommand.Compute.class)
final class PathCommand {

  @Command(name = "compute", mixinStandardHelpOptions = true,
      description = "Show candidate paths (route, frequency, mode, latency, GSNR, margin) or why there is none.")
  static final class Compute extends ClientCommand {
    @Mixin ServiceSpecOptions specOptions;

    @Option(names = "--candidates", defaultValue = "3", description = "Most candidates (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Override
    int run(ManagedChannel channel) {
      ComputePathsResponse r = deadline(ConnectivityServiceGrpc.newBlockingStub(channel)).computePaths(
          ComputePathsRequest.newBuilder().setService(specOptions.toService()).setMaxCandidates(candidates).build());
      print(r, () -> {
        if (r.hasFailure()) {
          out().println("no path: " + r.getFailure().getReason() + ": " + r.getFailure().getMessage());
          out().flush();
          return;
        }
        int i = 1;
        for (Candidate c : r.getCandidatesList()) {
          out().println("candidate " + i++ + (c.getChannelsCount() > 1 ? " (skew " + Views.fmt(c.getSkewUs()) + " µs)" : ""));
          Views.channels(out(), c.getChannelsList());
          out().println();
        }
        out().flush();
      });
      return r.hasFailure() ? CliErrors.SERVICE_FAILED : CliErrors.OK;
    }
  }
}
