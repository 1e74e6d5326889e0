package io.lightpath.cli;

import com.google.protobuf.MessageOrBuilder;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that makes calls to the controller over one channel, closed when it returns. */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin ClientOptions client;
  @Spec CommandSpec spec;

  /** When the whole command must be done: {@code --timeout-s} after it started. */
  Deadline commandDeadline;

  @Override
  public final Integer call() throws Exception {
    commandDeadline = Deadline.after(client.timeoutSeconds, TimeUnit.SECONDS);
    ManagedChannel channel = client.channel();
    try {
      return run(channel);
    } finally {
      ClientOptions.close(channel);
    }
  }

  /** Does the command's work; returns the exit code. */
  abstract int run(ManagedChannel channel) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  boolean json() {
    return client.output == OutputFormat.json;
  }

  /** The stub with the per-call deadline applied. */
  <S extends AbstractStub<S>> S deadline(S stub) {
    return stub.withDeadlineAfter(client.timeoutSeconds, TimeUnit.SECONDS);
  }

  /** The stub with the command's deadline applied ({@code --wait}: request and wait together). */
  <S extends AbstractStub<S>> S commandDeadline(S stub) {
    return stub.withDeadline(commandDeadline);
  }

  /** Prints {@code message} as JSON, or runs {@code table} to print it for people. */
  int print(MessageOrBuilder message, Runnable table) {
    if (json()) {
      Output.json(out(), message);
    } else {
      table.run();
    }
    return CliErrors.OK;
  }
}
