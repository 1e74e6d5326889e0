package io.lightpath.service;

import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.server.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link CrashRecoveryTest}: an MVStore-backed controller in {@code args[0]}
 * that creates one service; run with {@code -Dlightpath.failpoints=after-reserve:crash} it dies
 * (halt, no shutdown hooks) right after the PROVISIONING record is durable.
 */
public final class CrashingControllerMain {
  private CrashingControllerMain() {}

  public static void main(String[] args) throws Exception {
    LifecycleHarness h = LifecycleHarness.start(StoreConfig.at(Path.of(args[0])), Clock.systemUTC(),
        new FakeProvisioner());
    h.topology(TestTopology.build(64));
    h.stub().createService(CreateServiceRequest.newBuilder().setRequestId("crash-1")
        .setService(TestTopology.service()).build());
    h.awaitIdle();
    // only reached when the failpoint is off
    System.exit(3);
  }
}
