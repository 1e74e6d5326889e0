package io.lightpath.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.provisioning.DeviceOp;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every finding kind per device type, and what is never called an orphan (the pure half). */
class ConfigDiffTest {
  private static final DeviceOp.OpenMediaChannel MC =
      new DeviceOp.OpenMediaChannel("r", 193_100_000, 193_150_000, "add1", "east");
  private static final DeviceOp.ConnectPorts CC = new DeviceOp.ConnectPorts("o", new CrossConnect("p1", "p2"));
  private static final OpticalChannelConfig OCH = new OpticalChannelConfig("line1", 193_125_000, 0.0, 1, true);
  private static final DeviceOp.TuneTransponder TUNE = new DeviceOp.TuneTransponder("t", OCH);

  private static DeviceIntent intent(List<Owned> expected, List<Owned> inFlight) {
    return new DeviceIntent("d", expected, inFlight, List.of());
  }

  private static MediaChannel channel(int index, long lower, long upper, String src, String dst) {
    return new MediaChannel(index, lower, upper, src, dst, 0.0);
  }

  @Test
  void agreeingDevicesHaveNoFindings() {
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(new Owned(MC, "s1")), List.of()),
        ActualConfig.roadm(List.of(channel(7, 193_100_000, 193_150_000, "add1", "east")))));
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(new Owned(CC, "s1")), List.of()),
        ActualConfig.ocs(List.of(new CrossConnect("p2", "p1"))))); // light passes both ways
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(new Owned(TUNE, "s1")), List.of()),
        ActualConfig.transponder(List.of(new OpticalChannelConfig("line1", 193_125_000, 0.001, 1, true)))));
  }

  @Test
  void missingMediaChannelIsRecreatedAtTheLowestFreeIndex() {
    List<Discrepancy> d = ConfigDiff.diff(intent(List.of(new Owned(MC, "s1")), List.of()),
        ActualConfig.roadm(List.of(channel(1, 193_500_000, 193_550_000, "add2", "west"))));
    Discrepancy missing = d.stream().filter(x -> x.kind() == FindingKind.MISSING).findFirst().orElseThrow();
    assertEquals(List.of("s1"), missing.serviceIds());
    assertEquals(List.of(new ConfigChange.PutMediaChannel(channel(2, 193_100_000, 193_150_000, "add1", "east"), true)),
        missing.fixes());
  }

  @Test
  void alteredMediaChannelIsAMismatchRewrittenInPlace() {
    List<Discrepancy> d = ConfigDiff.diff(intent(List.of(new Owned(MC, "s1")), List.of()),
        ActualConfig.roadm(List.of(channel(4, 193_100_000, 193_200_000, "add1", "east"))));
    assertEquals(1, d.size(), d.toString());
    assertEquals(FindingKind.MISMATCH, d.get(0).kind());
    assertEquals(List.of(new ConfigChange.PutMediaChannel(channel(4, 193_100_000, 193_150_000, "add1", "east"), false)),
        d.get(0).fixes());
  }

  @Test
  void unownedConfigurationIsOrphanedAndListedFirst() {
    List<Discrepancy> d = ConfigDiff.diff(intent(List.of(new Owned(MC, "s1")), List.of()),
        ActualConfig.roadm(List.of(channel(1, 192_000_000, 192_050_000, "west", "east"))));
    assertEquals(List.of(FindingKind.ORPHAN, FindingKind.MISSING), d.stream().map(Discrepancy::kind).toList());
    assertEquals(List.of(new ConfigChange.RemoveMediaChannel(channel(1, 192_000_000, 192_050_000, "west", "east"))), d.get(0).fixes());
    assertEquals(List.of(), d.get(0).serviceIds());

    Discrepancy cc = ConfigDiff.diff(intent(List.of(), List.of()),
        ActualConfig.ocs(List.of(new CrossConnect("p3", "p4")))).get(0);
    assertEquals(FindingKind.ORPHAN, cc.kind());
    assertEquals(List.of(new ConfigChange.Disconnect(new CrossConnect("p3", "p4"))), cc.fixes());

    Discrepancy och = ConfigDiff.diff(intent(List.of(), List.of()), ActualConfig.transponder(List.of(OCH))).get(0);
    assertEquals(FindingKind.ORPHAN, och.kind());
    assertEquals(List.of(new ConfigChange.ResetOpticalChannel("line1")), och.fixes()); // as deprovisioning does
  }

  @Test
  void aDisabledOpticalChannelIsNotAnOrphan() {
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(), List.of()), ActualConfig.transponder(
        List.of(new OpticalChannelConfig("line1", 193_125_000, 0.0, 1, false)))));
  }

  @Test
  void configurationOfServicesInFlightIsNeverReportedOrTouched() {
    Owned provisioning = new Owned(MC, "being-created");
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(), List.of(provisioning)),
        ActualConfig.roadm(List.of(channel(1, 193_100_000, 193_150_000, "add1", "east")))));
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(), List.of(new Owned(CC, "x"))),
        ActualConfig.ocs(List.of(new CrossConnect("p1", "p2")))));
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(), List.of(new Owned(TUNE, "x"))),
        ActualConfig.transponder(List.of(OCH))));
    // not yet on the device either: not MISSING (the provisioner is about to configure it)
    assertEquals(List.of(), ConfigDiff.diff(intent(List.of(), List.of(provisioning)), ActualConfig.roadm(List.of())));
  }

  @Test
  void noOrphansWhileSomeLiveServiceCannotBeMapped() {
    DeviceIntent unknown = new DeviceIntent("d", List.of(), List.of(), List.of("s9"));
    assertEquals(List.of(), ConfigDiff.diff(unknown,
        ActualConfig.roadm(List.of(channel(1, 192_000_000, 192_050_000, "west", "east")))));
    assertEquals(List.of(), ConfigDiff.diff(unknown, ActualConfig.ocs(List.of(new CrossConnect("p3", "p4")))));
    assertEquals(List.of(), ConfigDiff.diff(unknown, ActualConfig.transponder(List.of(OCH))));
  }

  @Test
  void crossConnectMissingOrRepatchedElsewhere() {
    Discrepancy missing = ConfigDiff.diff(intent(List.of(new Owned(CC, "s1"), new Owned(CC, "s2")), List.of()),
        ActualConfig.ocs(List.of())).get(0);
    assertEquals(FindingKind.MISSING, missing.kind());
    assertEquals(List.of("s1", "s2"), missing.serviceIds()); // a shared cross-connect names every user
    assertEquals(List.of(new ConfigChange.Connect(new CrossConnect("p1", "p2"))), missing.fixes());

    List<Discrepancy> repatched = ConfigDiff.diff(intent(List.of(new Owned(CC, "s1")), List.of()),
        ActualConfig.ocs(List.of(new CrossConnect("p1", "p7"))));
    assertEquals(1, repatched.size(), repatched.toString());
    assertEquals(FindingKind.MISMATCH, repatched.get(0).kind());
    // same input port: connecting replaces the old output in one change
    assertEquals(List.of(new ConfigChange.Connect(new CrossConnect("p1", "p2"))), repatched.get(0).fixes());
    List<Discrepancy> reversed = ConfigDiff.diff(intent(List.of(new Owned(CC, "s1")), List.of()),
        ActualConfig.ocs(List.of(new CrossConnect("p7", "p1"))));
    assertEquals(List.of(new ConfigChange.Disconnect(new CrossConnect("p7", "p1")),
        new ConfigChange.Connect(new CrossConnect("p1", "p2"))), reversed.get(0).fixes());
  }

  @Test
  void transponderMismatchNamesEveryDifferingLeaf() {
    OpticalChannelConfig tampered = new OpticalChannelConfig("line1", 193_200_000, -3.0, 1, false);
    Discrepancy d = ConfigDiff.diff(intent(List.of(new Owned(TUNE, "s1")), List.of()),
        ActualConfig.transponder(List.of(tampered))).get(0);
    assertEquals(FindingKind.MISMATCH, d.kind());
    assertTrue(d.actual().contains("differs in frequency, power, admin-state"), d.actual());
    assertEquals(List.of(new ConfigChange.TuneOpticalChannel(OCH)), d.fixes());

    Discrepancy missing = ConfigDiff.diff(intent(List.of(new Owned(TUNE, "s1")), List.of()),
        ActualConfig.transponder(List.of())).get(0);
    assertEquals(FindingKind.MISSING, missing.kind());
  }

  @Test
  void aLinePortTwoServicesNeedDifferentlyIsReportedNeverRetuned() {
    OpticalChannelConfig other = new OpticalChannelConfig("line1", 193_500_000, 0.0, 1, true);
    List<Discrepancy> d = ConfigDiff.diff(intent(List.of(new Owned(TUNE, "s1"),
            new Owned(new DeviceOp.TuneTransponder("t", other), "s2")), List.of()),
        ActualConfig.transponder(List.of(other)));
    assertEquals(1, d.size(), d.toString());
    assertEquals(FindingKind.MISMATCH, d.get(0).kind());
    assertEquals(List.of("s1", "s2"), d.get(0).serviceIds());
    assertEquals(List.of(), d.get(0).fixes());
    assertTrue(d.get(0).unfixable().startsWith("2 services need different configurations"), d.get(0).unfixable());
  }
}
