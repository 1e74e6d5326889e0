package io.lightpath.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.reconcile.ReconcileLab;
import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Liveness probes against the emulated reconcile lab (4 transponders, an OCS, 2 ROADMs): an idle
 * ROADM that goes away is reported UNREACHABLE by the next pass and CONNECTED again once it is
 * back, and transponders whose state stream is up are not probed. Passes are run directly (no
 * timer); the waits are for the lab's state streams and gRPC reconnects.
 */
class DeviceLivenessLabTest {
  private ReconcileLab lab;
  private DeviceLiveness liveness;
  private DeviceRegistry registry;

  @BeforeEach
  void start() throws Exception {
    lab = ReconcileLab.start(Duration.ofSeconds(1)); // a probe of a down device fails within 1 s
    liveness = lab.injector.getInstance(DeviceLiveness.class);
    registry = lab.injector.getInstance(DeviceRegistry.class);
  }

  @AfterEach
  void stop() {
    liveness.close();
    lab.close();
  }

  @Test
  void idleRoadmThatGoesAwayIsReportedAndRecovers() throws Exception {
    liveness.probe();
    assertEquals(ConnectionStatus.State.CONNECTED, state("west-roadm"));

    lab.lab.setDeviceDown("west-roadm", true);
    liveness.probe();
    assertEquals(ConnectionStatus.State.UNREACHABLE, state("west-roadm"));
    assertEquals(ConnectionStatus.State.CONNECTED, state("east-roadm"));

    lab.lab.setDeviceDown("west-roadm", false);
    awaitProbing(() -> state("west-roadm") == ConnectionStatus.State.CONNECTED,
        "west-roadm CONNECTED again");
  }

  @Test
  void transpondersWithALiveStreamAreNotProbed() throws Exception {
    liveness.probe(); // opens every driver, and with it the transponders' state streams
    // 7 devices; once the 4 transponders' streams are synced only the OCS and 2 ROADMs are probed
    awaitProbing(() -> liveness.probe() == 3, "only the 3 devices without a stream probed");
  }

  private ConnectionStatus.State state(String id) {
    return registry.connectionStatus(id).orElseThrow().state();
  }

  /** Runs passes until {@code done} (a reconnect or a stream sync takes a moment), at most 30 s. */
  private void awaitProbing(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      liveness.probe();
      if (done.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
