package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.failpoint.FailpointAction;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.model.Fiber;
import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.provisioning.ProvisioningException.Kind;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Failures during provisioning against the emulated tri-site lab: each one fails with the device,
 * step and kind, and the rollback leaves every device's configuration byte-identical to before
 * (full gNMI Get of every device before and after).
 */
class ProvisioningFaultTest {
  private static final ComputedChannel CHANNEL = DeviceProvisionerLabTest.ALDER_BIRCH;

  private LabHarness h;

  @AfterEach
  void stop() {
    Failpoints.disableAll();
    if (h != null) {
      h.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "alder-roadm, roadm-media-channel",
    "birch-roadm, roadm-media-channel",
    "alder-tp1, transponder-optical-channel",
    "birch-tp1, transponder-optical-channel"
  })
  void failedSetAtAnyHopRollsBackEveryDevice(String device, String step) throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.lab.device(device).faults().setFailingSets(1);

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    // the emulator fails the Set with UNAVAILABLE ("injected fault")
    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(device, e.deviceId());
    assertEquals(step, e.step());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @Test
  void lineChangeTheDeviceLostFailsItsReadBackAndRollsBackTheLitTransponders() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    long alderTpSets = h.lab.device("alder-tp1").setsAnswered();
    long birchTpSets = h.lab.device("birch-tp1").setsAnswered();
    // birch-roadm acknowledges its media channels but never applies them
    h.lab.device("birch-roadm").faults().setIgnoredSets(1);

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.VERIFICATION_FAILED, e.kind());
    assertEquals("birch-roadm", e.deviceId());
    assertEquals("roadm-media-channel", e.step());
    assertTrue(e.getMessage().contains("read-back"), e.getMessage());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
    // The transponders were lit as soon as the line had acknowledged, while its read-back ran,
    // and were reverted with the rest: two Sets each.
    assertEquals(alderTpSets + 2, h.lab.device("alder-tp1").setsAnswered());
    assertEquals(birchTpSets + 2, h.lab.device("birch-tp1").setsAnswered());
  }

  @Test
  void rollbackLeavesAMediaChannelThatWasAlreadyOnTheRoadm() throws Exception {
    h = new LabHarness("tri-site.yaml");
    // A retried provision: alder-roadm already has the channel's add1 -> east media channel (an
    // earlier attempt made it). This attempt does not own it, so its rollback leaves it there.
    MediaChannelConfig alder = h.roadm("alder-roadm");
    alder.configureMediaChannel(new MediaChannel(5, 193_075_000, 193_125_000, "add1", "east", 0))
        .get(10, TimeUnit.SECONDS);
    Map<String, String> before = h.snapshots();
    Failpoints.enable("provision.before-verify", FailpointAction.error());

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals("verify-carrier", e.step());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @Test
  void deviceRefusingTheChangeIsRejectedAndRolledBack() throws Exception {
    h = new LabHarness("tri-site.yaml");
    // A channel already on birch-roadm's west port overlapping the new one: the ROADM refuses.
    MediaChannelConfig birch = h.roadm("birch-roadm");
    birch.configureMediaChannel(new MediaChannel(9, 193_100_000, 193_150_000, "west", "east", 0))
        .get(10, TimeUnit.SECONDS);
    Map<String, String> before = h.snapshots();

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.REJECTED, e.kind());
    assertEquals("birch-roadm", e.deviceId());
    assertEquals("roadm-media-channel", e.step());
    assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @Test
  void deviceSlowerThanTheDeadlineTimesOutAndRollsBack() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.lab.device("birch-roadm").faults()
        .setLatencyMs(LabHarness.RPC_DEADLINE.plusSeconds(3).toMillis());

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.TIMEOUT, e.kind());
    assertEquals("birch-roadm", e.deviceId());
    assertTrue(e.rolledBack());
    h.lab.device("birch-roadm").clearFaults();
    assertEquals(before, h.snapshots());
  }

  @Test
  void deviceDownIsUnreachableAndRollsBack() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.lab.device("birch-tp1").setDown(true);

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals("birch-tp1", e.deviceId());
    assertEquals("transponder-optical-channel", e.step());
    assertTrue(e.rolledBack());
    h.lab.device("birch-tp1").setDown(false);
    assertEquals(before, h.snapshots());
  }

  @Test
  void nodeWithoutRegisteredDeviceIsUnreachable() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.registry.remove("birch-roadm");
    h.drivers.deviceRemoved("birch-roadm");

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals("birch-roadm", e.deviceId());
    assertTrue(e.getMessage().contains("no device is registered"), e.getMessage());
    assertTrue(e.rolledBack());
    h.registry.register(LabHarness.registration(h.lab, "birch-roadm"));
    assertEquals(before, h.snapshots());
  }

  @Test
  void wrongPortInTheInventoryFailsVerificationAndRollsBack() throws Exception {
    // The controller believes alder-birch leaves alder-roadm by "west" (it is "east"): every Set
    // succeeds, but the light goes towards cedar and never reaches birch.
    h = new LabHarness("tri-site.yaml", t -> withFiberPort(t, "alder-birch", "west"));
    Map<String, String> before = h.snapshots();

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.VERIFICATION_FAILED, e.kind());
    assertEquals("verify-carrier", e.step());
    assertTrue(List.of("alder-tp1", "birch-tp1").contains(e.deviceId()), e.deviceId());
    assertTrue(h.time.elapsed().compareTo(Duration.ofSeconds(5)) >= 0, "waited the deadline");
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
    // every stage ran once, then the rollback; the provision counts as failed; at the deadline
    // the verifier read both ends from the devices
    ProvisioningMetrics m = h.provisioner.metrics();
    for (String stage : List.of("line", "transponders", "verify", "rollback")) {
      assertEquals(1, m.stageTimer(stage).count(), stage);
    }
    assertEquals(0, m.provisionTimer(true).count());
    assertEquals(1, m.provisionTimer(false).count());
    assertTrue(m.carrierReads() >= 2, "direct reads: " + m.carrierReads());
  }

  @Test
  void revertThatCannotReachItsDeviceIsReportedAsNotRolledBack() throws Exception {
    h = new LabHarness("tri-site.yaml", t -> withFiberPort(t, "alder-birch", "west"));
    // while verification waits for a carrier that never comes, alder-roadm goes down
    h.time.beforeNextTask(() -> h.lab.device("alder-roadm").setDown(true));

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.VERIFICATION_FAILED, e.kind());
    assertEquals(false, e.rolledBack());
    assertTrue(e.getMessage().contains("rollback incomplete"), e.getMessage());
    assertTrue(e.getMessage().contains("alder-roadm"), e.getMessage());
    // the other devices were still reverted
    h.lab.device("alder-roadm").setDown(false);
    Map<String, String> after = h.snapshots();
    try (LabHarness fresh = new LabHarness("tri-site.yaml")) {
      Map<String, String> pristine = fresh.snapshots();
      for (String d : List.of("alder-tp1", "birch-tp1", "birch-roadm")) {
        assertEquals(pristine.get(d), after.get(d), d);
      }
      assertTrue(!pristine.get("alder-roadm").equals(after.get("alder-roadm")),
          "alder-roadm keeps its media channels for reconciliation");
    }
  }

  @Test
  void deprovisionWithADeviceDownProcessesTheOthersAndFails() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.provisioner.provision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    h.lab.device("birch-roadm").setDown(true);

    ProvisioningException e = failure(h.provisioner.deprovision("svc", List.of(CHANNEL)));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals("birch-roadm", e.deviceId());
    assertEquals(false, e.rolledBack());
    assertEquals(before.get("alder-roadm"), h.snapshot("alder-roadm"), "alder-roadm cleaned");
    h.lab.device("birch-roadm").setDown(false);
    h.provisioner.deprovision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    assertEquals(before.get("birch-roadm"), h.snapshot("birch-roadm"), "retry finishes the job");
  }

  @Test
  void transponderResetTheDeviceLostFailsItsReadBackAfterTheLineWasCleared() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.provisioner.provision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    assertTrue(tuned(h.snapshot("alder-tp1")));
    // alder-tp1 acknowledges its reset but never applies it: its laser stays lit
    h.lab.device("alder-tp1").faults().setIgnoredSets(1);

    ProvisioningException e = failure(h.provisioner.deprovision("svc", List.of(CHANNEL)));

    assertEquals(Kind.VERIFICATION_FAILED, e.kind());
    assertEquals("alder-tp1", e.deviceId());
    assertEquals("transponder-optical-channel", e.step());
    assertEquals(false, e.rolledBack());
    // The line was cleared once both transponders had acknowledged, while their read-back ran.
    assertEquals(before.get("alder-roadm"), h.snapshot("alder-roadm"));
    assertEquals(before.get("birch-roadm"), h.snapshot("birch-roadm"));
    assertFalse(tuned(h.snapshot("birch-tp1")));
    assertTrue(tuned(h.snapshot("alder-tp1")));
    h.provisioner.deprovision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    assertFalse(tuned(h.snapshot("alder-tp1")), "retry finishes the job");
  }

  @Test
  void deprovisionWithATransponderDownLeavesTheLineForTheRetry() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.provisioner.provision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    Map<String, String> provisioned = h.snapshots();
    h.lab.device("alder-tp1").setDown(true);

    ProvisioningException e = failure(h.provisioner.deprovision("svc", List.of(CHANNEL)));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals("alder-tp1", e.deviceId());
    // alder-tp1 may still be lit: its media channels stay until it has taken its reset
    assertEquals(provisioned.get("alder-roadm"), h.snapshot("alder-roadm"));
    assertEquals(provisioned.get("birch-roadm"), h.snapshot("birch-roadm"));
    assertFalse(tuned(h.snapshot("birch-tp1")), "the reachable end is reset");
    h.lab.device("alder-tp1").setDown(false);
    h.provisioner.deprovision("svc", List.of(CHANNEL)).get(30, TimeUnit.SECONDS);
    assertFalse(tuned(h.snapshot("alder-tp1")), "retry finishes the job");
    assertEquals(before.get("alder-roadm"), h.snapshot("alder-roadm"));
    assertEquals(before.get("birch-roadm"), h.snapshot("birch-roadm"));
  }

  @Test
  void cutFiberFailsVerificationAndRollsBack() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    h.lab.network().cutFiber("alder-birch");

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.VERIFICATION_FAILED, e.kind());
    assertTrue(e.getMessage().contains("loss of signal"), e.getMessage());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @ParameterizedTest
  @CsvSource({
    "provision.after-device-0, alder-roadm, roadm-media-channel",
    "provision.after-device-1, birch-roadm, roadm-media-channel",
    "provision.after-device-3, birch-tp1, transponder-optical-channel"
  })
  void failpointAfterADeviceStepRollsBack(String failpoint, String device, String step)
      throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    Failpoints.enable(failpoint, FailpointAction.error());

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.REJECTED, e.kind());
    assertEquals(device, e.deviceId());
    assertEquals(step, e.step());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @Test
  void failpointBeforeVerifyRollsBackTheLitChannel() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    Failpoints.enable("provision.before-verify", FailpointAction.error());

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(CHANNEL)));

    assertEquals(Kind.REJECTED, e.kind());
    assertEquals("verify-carrier", e.step());
    assertTrue(e.rolledBack());
    assertEquals(before, h.snapshots());
  }

  @Test
  void routeNotEndingAtTranspondersIsRefusedBeforeAnythingIsSent() throws Exception {
    h = new LabHarness("tri-site.yaml");
    Map<String, String> before = h.snapshots();
    ComputedChannel roadmToRoadm =
        LabHarness.channel(193_100_000, "alder-roadm", "alder-birch", "birch-roadm");

    ProvisioningException e = failure(h.provisioner.provision("svc", List.of(roadmToRoadm)));

    assertEquals(Kind.REJECTED, e.kind());
    assertEquals(ChannelMapper.STEP, e.step());
    assertEquals(before, h.snapshots());
  }

  static ProvisioningException failure(CompletableFuture<?> f) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
    return assertInstanceOf(ProvisioningException.class, e.getCause());
  }

  private static Topology withFiberPort(Topology t, String fiberId, String aPort) {
    List<Fiber> fibers = new ArrayList<>();
    for (Fiber f : t.fibers().values()) {
      fibers.add(!f.id().equals(fiberId) ? f : new Fiber(f.id(), f.aNodeId(), aPort, f.zNodeId(),
          f.zPortId(), f.lengthKm(), f.lossDb(), f.groupDelayUsPerKm(), f.spans(), f.srlgIds()));
    }
    return Topology.of(List.copyOf(t.nodes().values()), fibers);
  }

  /** Whether a transponder snapshot holds a tuned optical channel (a reset deletes the frequency). */
  private static boolean tuned(String snapshot) {
    return snapshot.contains("\"frequency\"");
  }
}
