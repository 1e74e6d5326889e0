package io.lightpath.it.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.ListServicesRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Randomized crash-consistency trials of the controller process (docs/crash-testing.md): 50 by
 * default, {@code -Dlightpath.crash.trials=N}, {@code -Dlightpath.crash.seed=S} to reproduce.
 */
class CrashTrialsIT {

  @Test
  void invariantsHoldAfterEveryCrash() throws Exception {
    assumeTrue(hasServiceLifecycle(), "the controller jar answers ListServices with UNIMPLEMENTED: "
        + "no ConnectivityService lifecycle to crash-test");
    CrashHarness.Summary s = CrashHarness.run(CrashHarness.trialsProperty(), CrashHarness.seedProperty(),
        FailpointCatalog.fromSystemProperties(), Boolean.getBoolean("lightpath.crash.stopOnFailure"),
        System.out);
    assertTrue(s.failures().isEmpty(), () -> s.failures().size() + " of " + s.trials()
        + " crash trials broke an invariant:\n" + s.failures().stream().map(TrialResult::report)
        .collect(Collectors.joining("\n")));
  }

  /** Whether the jar under test has a ConnectivityService that does more than answer UNIMPLEMENTED. */
  private static boolean hasServiceLifecycle() throws Exception {
    Path dir = Files.createTempDirectory("lightpath-crash-probe-");
    try (ControllerJvm jvm = ControllerJvm.start(dir, "", Duration.ofSeconds(60))) {
      ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", jvm.port()).usePlaintext().build();
      try {
        ConnectivityServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
            .listServices(ListServicesRequest.getDefaultInstance());
        return true;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          return false;
        }
        throw e;
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      CrashTrial.deleteTree(dir);
    }
  }
}
