package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.lightpath.southbound.gnmi.Scheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state streams over real loopback gNMI against the emulated tri-site lab: one subscription
 * per transponder keeps {@link CarrierStates} current (a fiber cut and its repair arrive as events),
 * sessions are opened at registration and reported, and deprovision leaves the transponders
 * unconfigured.
 */
class EventDrivenStateLabTest {
  private LabHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LabHarness("tri-site.yaml");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Waits (bounded) until {@code condition} holds, re-checking on every state event. */
  private void awaitState(BooleanSupplier condition, String what) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    BiConsumer<String, String> l = (d, c) -> {
      if (condition.getAsBoolean()) {
        latch.countDown();
      }
    };
    h.drivers.carrierStates().addListener(l);
    try {
      if (!condition.getAsBoolean()) {
        assertTrue(latch.await(30, TimeUnit.SECONDS), "no state event made true: " + what);
      }
    } finally {
      h.drivers.carrierStates().removeListener(l);
    }
  }

  private Optional<Boolean> cachedUp(String device) {
    return h.drivers.carrierStates().carrier(device, "line1").map(CarrierStates.Carrier::up);
  }

  @Test
  void fiberCutAndRepairReachTheCacheAsEvents() throws Exception {
    h.provisioner.provision("svc-1", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    assertTrue(h.drivers.carrierStates().trusted("alder-tp1"), "stream up and synced");
    awaitState(() -> cachedUp("alder-tp1").orElse(false) && cachedUp("birch-tp1").orElse(false),
        "carrier up at both ends");

    h.lab.network().cutFiber("alder-birch");
    awaitState(() -> !cachedUp("alder-tp1").orElse(true) && !cachedUp("birch-tp1").orElse(true),
        "carrier lost at both ends after the cut");

    h.lab.network().repairFiber("alder-birch");
    awaitState(() -> cachedUp("alder-tp1").orElse(false) && cachedUp("birch-tp1").orElse(false),
        "carrier back after the repair");
  }

  @Test
  void sessionsAreOpenedAtRegistrationAndFollowTheDevice() throws Exception {
    DeviceRegistry registry = new DeviceRegistry();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (DeviceDrivers drivers = new DeviceDrivers(registry, new GnmiDriverFactory(
        new CredentialResolver(v -> null), LabHarness.VALIDATOR, Scheduler.of(timer),
        LabHarness.RPC_DEADLINE))) {
      assertEquals(Optional.empty(), registry.connectionStatus("alder-tp1"), "nothing opened yet");
      ManagedDevice tp = LabHarness.registration(h.lab, "alder-tp1");
      registry.register(tp);
      awaitSession(registry, "alder-tp1", ConnectionStatus.State.CONNECTED);
      Instant since = registry.connectionStatus("alder-tp1").orElseThrow().since();

      h.lab.device("alder-tp1").setDown(true);
      // The state stream breaks, so the session turns UNREACHABLE without any request being sent.
      awaitSession(registry, "alder-tp1", ConnectionStatus.State.UNREACHABLE);
      ConnectionStatus down = registry.connectionStatus("alder-tp1").orElseThrow();
      assertTrue(down.detail().contains("UNAVAILABLE"), down.detail());
      assertFalse(down.since().isBefore(since));

      h.lab.device("alder-tp1").setDown(false);
      drivers.driverFor(tp).discover().get(30, TimeUnit.SECONDS);
      assertEquals(ConnectionStatus.State.CONNECTED,
          registry.connectionStatus("alder-tp1").orElseThrow().state());

      registry.remove("alder-tp1");
      assertEquals(Optional.empty(), registry.connectionStatus("alder-tp1"), "closed on removal");
    } finally {
      timer.shutdownNow();
    }
  }

  private static void awaitSession(DeviceRegistry registry, String id, ConnectionStatus.State state)
      throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (registry.connectionStatus(id).map(ConnectionStatus::state).orElse(null) != state) {
      assertTrue(System.nanoTime() < giveUp, id + " never became " + state + ": "
          + registry.connectionStatus(id));
      Thread.sleep(10);
    }
  }

  @Test
  void deprovisionLeavesTheTransponderUnconfiguredAndIsIdempotent() throws Exception {
    String before = h.snapshot("alder-tp1");
    h.provisioner.provision("svc-1", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    String lit = h.snapshot("alder-tp1");
    assertTrue(lit.contains("\"frequency\""), lit);

    h.provisioner.deprovision("svc-1", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    String after = h.snapshot("alder-tp1");
    // (the transponder has the one component line1; its whole CONFIG tree is in the snapshot)
    for (String leaf : List.of("frequency", "target-output-power", "operational-mode")) {
      assertFalse(after.contains("\"" + leaf + "\""), leaf + " left on the device:\n" + after);
    }
    assertTrue(after.contains("\"admin-state\":\"DISABLED\""), after);
    if (!before.contains("\"frequency\"")) {
      // nothing but the logical channel's admin state differs from the pristine device
      assertEquals(before.replace("ENABLED", "DISABLED"), after.replace("ENABLED", "DISABLED"));
    }

    h.provisioner.deprovision("svc-1", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    assertEquals(after, h.snapshot("alder-tp1"), "a second deprovision changes nothing");
  }
}
