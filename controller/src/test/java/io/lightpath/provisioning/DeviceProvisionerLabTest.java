package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning against the emulated tri-site lab over loopback gNMI: the happy paths. */
class DeviceProvisionerLabTest {
  static final long F1 = 193_100_000;
  static final ComputedChannel ALDER_BIRCH = LabHarness.channel(F1,
      "alder-tp1", "alder-tp1-add", "alder-roadm", "alder-birch", "birch-roadm", "birch-tp1-add",
      "birch-tp1");

  private LabHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LabHarness("tri-site.yaml");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void channelAcrossTwoRoadmsComesUpAtBothEnds() throws Exception {
    assertFalse(carrier("alder-tp1", "line1"));
    ProvisioningResult result =
        h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), result.carrierUp());
    assertTrue(carrier("alder-tp1", "line1"), "carrier at alder-tp1 as the lab's optics see it");
    assertTrue(carrier("birch-tp1", "line1"), "carrier at birch-tp1");
    // one media channel per direction, on the slot edges, between the route's ports
    assertEquals(
        List.of(List.of(193_075_000L, 193_125_000L, "add1", "east"),
            List.of(193_075_000L, 193_125_000L, "east", "add1")),
        mediaChannels("alder-roadm"));
    assertEquals(
        List.of(List.of(193_075_000L, 193_125_000L, "west", "add1"),
            List.of(193_075_000L, 193_125_000L, "add1", "west")),
        mediaChannels("birch-roadm"));
    assertFalse(carrier("cedar-tp1", "line1"));
    // each stage timed once, no rollback
    ProvisioningMetrics m = h.provisioner.metrics();
    for (String stage : List.of("line", "transponders", "verify")) {
      assertEquals(1, m.stageTimer(stage).count(), stage);
    }
    assertEquals(0, m.stageTimer("rollback").count());
    assertEquals(1, m.provisionTimer(true).count());
  }

  @Test
  void preparedProvisionReadsNoPriorsOnTheLine() throws Exception {
    List<String> roadms = List.of("alder-roadm", "birch-roadm");
    h.provisioner.prepare(List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    Map<String, Long> gets = new java.util.HashMap<>();
    roadms.forEach(d -> gets.put(d, h.lab.device(d).getsAnswered()));

    h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    for (String d : roadms) {
      // the priors were read ahead (two absent media channels): only the read-back is left
      assertEquals(gets.get(d) + 1, h.lab.device(d).getsAnswered(), d);
    }
    assertTrue(carrier("birch-tp1", "line1"));
  }

  @Test
  void aReadAheadOvertakenByAWriteIsReadAgainAndLeavesTheOtherChannelAlone() throws Exception {
    // The read-ahead finds indexes 1 and 2 of alder-roadm free ...
    h.provisioner.prepare(List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    // ... then index 1 is taken through the same gNMI session, behind the inventory's back.
    // With the stale read-ahead, "index 1 absent" would let the Set overwrite it.
    provisionAroundAForeignChannelAtIndexOne();
  }

  @Test
  void deprovisionRemovesEverythingAndIsIdempotent() throws Exception {
    Map<String, String> before = h.snapshots();
    h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    assertNotEquals(before, h.snapshots());

    h.provisioner.deprovision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    assertFalse(carrier("alder-tp1", "line1"));
    assertFalse(carrier("birch-tp1", "line1"));
    assertEquals(List.of(), mediaChannels("alder-roadm"));
    assertEquals(List.of(), mediaChannels("birch-roadm"));
    assertEquals(before.get("alder-roadm"), h.snapshot("alder-roadm"), "ROADM config as before");
    assertEquals(before.get("birch-roadm"), h.snapshot("birch-roadm"));
    Map<String, String> afterFirst = h.snapshots();

    h.provisioner.deprovision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    assertEquals(afterFirst, h.snapshots(), "a second deprovision changes nothing");

    // and the service can come back
    ProvisioningResult again =
        h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(true), again.carrierUp());
  }

  @Test
  void devicesBehindOneSharedEndpointAreAddressedByTarget() throws Exception {
    h.close();
    h = new LabHarness("tri-site.yaml", t -> t,
        io.lightpath.southbound.emulator.LabOptions.defaults().withSharedPort(true), "",
        LabBridge.plaintext(), v -> null);
    assertEquals(1, h.lab.endpoints().stream().map(e -> e.address()).distinct().count());

    ProvisioningResult result =
        h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), result.carrierUp());
    assertEquals(2, mediaChannels("birch-roadm").size());
    assertEquals(List.of(), mediaChannels("cedar-roadm"));
  }

  @Test
  void staleInventoryConflictsRereadsAndLeavesTheOtherChannelAlone() throws Exception {
    h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    h.provisioner.deprovision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    // Someone else takes index 1 behind the provisioner's back: its inventory says 1 is free.
    provisionAroundAForeignChannelAtIndexOne();
  }

  @Test
  void newMediaChannelsFillTheLowestFreeIndexesAroundOneInUse() throws Exception {
    MediaChannelConfig roadm = h.roadm("alder-roadm");
    MediaChannel foreign = new MediaChannel(2, 195_000_000, 195_050_000, "add1", "east", 0.0);
    roadm.configureMediaChannel(foreign).get(10, TimeUnit.SECONDS);

    h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    List<MediaChannel> now = roadm.readMediaChannels().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(1, 2, 3), now.stream().map(MediaChannel::index).sorted().toList(),
        "ours took 1 and 3, around the other at 2: " + now);
    assertTrue(now.contains(foreign), "the other channel is untouched: " + now);
  }

  @Test
  void aMediaChannelAlreadyOnTheRoadmIsLeftAsItIsAndOnlyTheMissingOneIsAdded() throws Exception {
    // A retried provision: alder-roadm already has the channel's add1 -> east media channel, at
    // index 5 (an earlier attempt made it). Creating it again would overlap it on add1.
    MediaChannelConfig roadm = h.roadm("alder-roadm");
    MediaChannel there = new MediaChannel(5, 193_075_000, 193_125_000, "add1", "east", 0.0);
    roadm.configureMediaChannel(there).get(10, TimeUnit.SECONDS);

    ProvisioningResult result =
        h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), result.carrierUp());
    List<MediaChannel> now = roadm.readMediaChannels().get(10, TimeUnit.SECONDS);
    assertTrue(now.contains(there), "left as it was: " + now);
    assertEquals(List.of(1, 5), now.stream().map(MediaChannel::index).sorted().toList(),
        "only east -> add1 was added, at the lowest free index: " + now);
  }

  /**
   * Takes media channel index 1 of alder-roadm (through the provisioner's own driver, so its
   * inventory does not see it), provisions ALDER_BIRCH and checks that it came up on other
   * indexes and left that channel alone.
   */
  private void provisionAroundAForeignChannelAtIndexOne() throws Exception {
    MediaChannelConfig roadm = h.roadm("alder-roadm");
    MediaChannel foreign = new MediaChannel(1, 195_000_000, 195_050_000, "add1", "east", 0.0);
    roadm.configureMediaChannel(foreign).get(10, TimeUnit.SECONDS);

    ProvisioningResult result =
        h.provisioner.provision("svc-1", List.of(ALDER_BIRCH)).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), result.carrierUp());
    List<MediaChannel> now = roadm.readMediaChannels().get(10, TimeUnit.SECONDS);
    assertTrue(now.contains(foreign), "the other channel is untouched: " + now);
    assertEquals(3, now.size(), "ours went to free indexes: " + now);
  }

  private boolean carrier(String device, String port) {
    return h.lab.network().opticalState().get(new PortRef(device, port)).carrierPresent();
  }

  private List<List<Object>> mediaChannels(String roadm) throws Exception {
    return h.roadm(roadm).readMediaChannels().get(10, TimeUnit.SECONDS).stream()
        .map((MediaChannel m) -> List.<Object>of(
            m.lowerFrequencyMhz(), m.upperFrequencyMhz(), m.sourcePort(), m.destPort()))
        .toList();
  }
}
