package io.lightpath.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation against real emulated devices over gNMI, with services provisioned by the
 * production provisioner: each finding kind is produced by tampering with a device, reported by a
 * report-only pass (device left as is) and corrected by a correcting pass (read back).
 */
class ReconcilerLabTest {
  private static final List<String> OCS_PORTS = List.of("p1", "p2", "p3", "p4");
  private ReconcileLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = ReconcileLab.start();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static Map<FindingKind, Long> kinds(ReconcileReport r) {
    return r.findings().stream().collect(Collectors.groupingBy(Finding::kind, Collectors.counting()));
  }

  private Service lit(String id, String a, String z) throws Exception {
    Service s = lab.create(id, a, z);
    assertEquals(ServiceState.ACTIVE, s.getState(), s.getStateReason().toString());
    return s;
  }

  @Test
  void aLitServiceAgreesWithItsDevices() throws Exception {
    lit("r-1", "west-tp1", "east-tp1");
    ReconcileReport r = lab.pass(true);
    assertEquals(7, r.devicesChecked());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void tamperedDevicesAreReportedByAReportPassAndCorrectedByACorrectingPass() throws Exception {
    Service s = lit("r-1", "west-tp1", "east-tp1");
    String serviceId = s.getName().substring("services/".length());
    // MISSING: a media channel of the service deleted on the west ROADM
    List<MediaChannel> westBefore = await(lab.roadm("west-roadm").readMediaChannels());
    assertEquals(2, westBefore.size(), westBefore.toString());
    MediaChannel deleted = westBefore.get(0);
    await(lab.roadm("west-roadm").removeMediaChannel(deleted.index()));
    // ORPHAN: a rogue cross-connect on the two OCS ports the service does not use
    List<CrossConnect> ccBefore = await(lab.ocs("west-ocs").readCrossConnects());
    Set<String> used = new HashSet<>();
    ccBefore.forEach(c -> {
      used.add(c.inputPort());
      used.add(c.outputPort());
    });
    List<String> free = OCS_PORTS.stream().filter(p -> !used.contains(p)).toList();
    CrossConnect rogue = new CrossConnect(free.get(0), free.get(1));
    await(lab.ocs("west-ocs").connect(rogue));
    // ORPHAN: a rogue media channel on the east ROADM
    MediaChannel rogueChannel = new MediaChannel(40, 195_000_000, 195_050_000, "add2", "west", 0.0);
    await(lab.roadm("east-roadm").configureMediaChannel(rogueChannel));
    // MISMATCH: the east transponder retuned 50 GHz up
    OpticalChannelConfig tuned = await(lab.transponder("east-tp1").readOpticalChannel("line1"));
    OpticalChannelConfig retuned = new OpticalChannelConfig("line1", tuned.frequencyMhz() + 50_000,
        tuned.targetOutputPowerDbm(), tuned.operationalMode(), true);
    await(lab.transponder("east-tp1").configureOpticalChannel(retuned));

    ReconcileReport report = lab.pass(false);
    assertEquals(Map.of(FindingKind.MISSING, 1L, FindingKind.ORPHAN, 2L, FindingKind.MISMATCH, 1L), kinds(report),
        report.findings().toString());
    assertTrue(report.findings().stream().allMatch(f -> f.action() == FindingAction.REPORTED));
    Finding missing = report.findings().stream().filter(f -> f.kind() == FindingKind.MISSING).findFirst().orElseThrow();
    assertEquals("west-roadm", missing.deviceId());
    assertEquals(List.of(serviceId), missing.serviceIds());
    Finding mismatch = report.findings().stream().filter(f -> f.kind() == FindingKind.MISMATCH).findFirst().orElseThrow();
    assertEquals("east-tp1", mismatch.deviceId());
    assertTrue(mismatch.actual().contains("frequency"), mismatch.actual());
    // a report pass changes nothing
    assertEquals(westBefore.size() - 1, await(lab.roadm("west-roadm").readMediaChannels()).size());
    assertTrue(await(lab.ocs("west-ocs").readCrossConnects()).contains(rogue));
    assertEquals(retuned, await(lab.transponder("east-tp1").readOpticalChannel("line1")));

    ReconcileReport corrected = lab.pass(true);
    assertEquals(kinds(report), kinds(corrected));
    assertTrue(corrected.findings().stream().allMatch(f -> f.action() == FindingAction.CORRECTED),
        corrected.findings().toString());
    // read back over gNMI: the devices agree with the service again
    List<MediaChannel> westAfter = await(lab.roadm("west-roadm").readMediaChannels());
    assertTrue(westAfter.stream().anyMatch(m -> m.lowerFrequencyMhz() == deleted.lowerFrequencyMhz()
        && m.upperFrequencyMhz() == deleted.upperFrequencyMhz() && m.sourcePort().equals(deleted.sourcePort())
        && m.destPort().equals(deleted.destPort())), westAfter.toString());
    assertEquals(ccBefore, await(lab.ocs("west-ocs").readCrossConnects()));
    assertFalse(await(lab.roadm("east-roadm").readMediaChannels()).stream().anyMatch(m -> m.index() == 40));
    assertEquals(tuned, await(lab.transponder("east-tp1").readOpticalChannel("line1")));
    assertEquals(List.of(), lab.pass(true).findings(), "a corrected lab has nothing left to report");

    MeterRegistry meters = lab.injector.getInstance(MeterRegistry.class);
    Function<String[], Double> count = tags -> {
      Counter c = meters.find("lightpath.reconcile.findings").tags(tags).counter();
      return c == null ? 0.0 : c.count();
    };
    assertEquals(2.0, count.apply(new String[] {"kind", "ORPHAN", "action", "REPORTED"}));
    assertEquals(2.0, count.apply(new String[] {"kind", "ORPHAN", "action", "CORRECTED"}));
    assertEquals(1.0, count.apply(new String[] {"kind", "MISSING", "action", "CORRECTED"}));
  }

  @Test
  void aLitOpticalChannelNoServiceOwnsIsReset() throws Exception {
    OpticalChannelConfig rogue = new OpticalChannelConfig("line1", 193_100_000, 0.0, 1, true);
    await(lab.transponder("west-tp2").configureOpticalChannel(rogue));
    ReconcileReport r = lab.pass(true);
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals(FindingKind.ORPHAN, f.kind());
    assertEquals(FindingAction.CORRECTED, f.action());
    assertEquals("west-tp2", f.deviceId());
    // reset as deprovisioning does: no frequency left, so no tuned channel is listed
    assertEquals(List.of(), await(lab.transponder("west-tp2").readOpticalChannels()));
  }

  @Test
  void anUnreachableDeviceIsReportedAndLeftAloneWhileTheOthersAreCorrected() throws Exception {
    lit("r-1", "west-tp1", "east-tp1");
    MediaChannel rogue = new MediaChannel(40, 195_000_000, 195_050_000, "add2", "east", 0.0);
    await(lab.roadm("west-roadm").configureMediaChannel(rogue));
    lab.lab.setDeviceDown("east-roadm", true);
    ReconcileReport r = lab.pass(true);
    assertEquals(Map.of(FindingKind.UNREACHABLE, 1L, FindingKind.ORPHAN, 1L), kinds(r), r.findings().toString());
    Finding down = r.findings().stream().filter(f -> f.kind() == FindingKind.UNREACHABLE).findFirst().orElseThrow();
    assertEquals("east-roadm", down.deviceId());
    assertEquals(FindingAction.REPORTED, down.action());
    assertFalse(down.detail().isEmpty());
    lab.lab.setDeviceDown("east-roadm", false);
    // the driver reconnects with backoff: passes report it UNREACHABLE until then, and nothing else
    ReconcileReport next = lab.pass(true);
    for (int i = 0; i < 150 && !next.findings().isEmpty(); i++) {
      assertEquals(Map.of(FindingKind.UNREACHABLE, 1L), kinds(next), next.findings().toString());
      Thread.sleep(200);
      next = lab.pass(true);
    }
    assertEquals(List.of(), next.findings(), "retried on a later pass");
  }

  @Test
  void aRefusedCorrectionIsReportedAndRetriedOnTheNextPass() throws Exception {
    lit("r-1", "west-tp1", "east-tp1");
    MediaChannel gone = await(lab.roadm("west-roadm").readMediaChannels()).get(0);
    await(lab.roadm("west-roadm").removeMediaChannel(gone.index()));
    lab.lab.device("west-roadm").faults().setFailingSets(1);
    ReconcileReport refused = lab.pass(true);
    assertEquals(1, refused.findings().size(), refused.findings().toString());
    Finding f = refused.findings().get(0);
    assertEquals(FindingKind.MISSING, f.kind());
    assertEquals(FindingAction.CORRECTION_FAILED, f.action());
    assertTrue(f.detail().contains("west-roadm"), f.detail());
    assertEquals(1, await(lab.roadm("west-roadm").readMediaChannels()).size());

    ReconcileReport retried = lab.pass(true);
    assertEquals(List.of(FindingAction.CORRECTED), retried.findings().stream().map(Finding::action).toList());
    assertEquals(2, await(lab.roadm("west-roadm").readMediaChannels()).size());
  }

  @Test
  void reconcilingWhileServicesComeAndGoNeverTouchesTheirConfiguration() throws Exception {
    List<ReconcileReport> passes = new ArrayList<>();
    CompletableFuture<Void> churn = CompletableFuture.runAsync(() -> {
      try {
        Service a = lab.create("c-1", "west-tp1", "east-tp1");
        Service b = lab.create("c-2", "west-tp2", "east-tp2");
        lab.connectivity().deleteService(DeleteServiceRequest.newBuilder().setName(a.getName()).build());
        lab.awaitIdle();
        lab.create("c-3", "west-tp1", "east-tp1");
        lab.connectivity().deleteService(DeleteServiceRequest.newBuilder().setName(b.getName()).build());
        lab.awaitIdle();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    while (!churn.isDone()) {
      passes.add(lab.pass(true));
    }
    churn.join();
    passes.add(lab.pass(true));
    assertTrue(passes.size() > 1, "passes ran while services were provisioned");
    for (ReconcileReport p : passes) {
      assertEquals(List.of(), p.findings(), "a pass raced with provisioning: " + p.findings());
    }
    List<Service> services = lab.connectivity().listServices(
        io.lightpath.proto.v1.ListServicesRequest.getDefaultInstance()).getServicesList();
    assertEquals(Map.of(ServiceState.ACTIVE, 1L, ServiceState.DELETED, 2L), services.stream()
        .collect(Collectors.groupingBy(Service::getState, Collectors.counting())), services.toString());
  }
}
