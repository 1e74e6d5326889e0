package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.ManagedDevice;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.tls.SelfSignedTls;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning in the six-site lab: through the OCSs, and two services at once. */
class HexaMetroProvisioningTest {
  /** fern-tp1 line1 -> fern OCS p1/p5 -> fern, gorse, heath, iris ROADMs -> iris OCS p5/p1 -> iris-tp1. */
  static final ComputedChannel VIA_OCS = LabHarness.channel(193_100_000L,
      "fern-tp1", "fern-tp1-l1", "fern-ocs", "fern-ocs-a1", "fern-roadm", "fern-gorse",
      "gorse-roadm", "gorse-heath", "heath-roadm", "heath-iris", "iris-roadm", "iris-ocs-a1",
      "iris-ocs", "iris-tp1-l1", "iris-tp1");
  /** gorse-tp1 -> gorse, heath ROADMs -> heath-tp1: adds and drops where VIA_OCS passes. */
  static final ComputedChannel GORSE_HEATH = LabHarness.channel(193_200_000L,
      "gorse-tp1", "gorse-tp1-add", "gorse-roadm", "gorse-heath", "heath-roadm", "heath-tp1-add",
      "heath-tp1");

  private LabHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void channelThroughTwoOcsAndFourRoadmsComesUp() throws Exception {
    h = new LabHarness("hexa-metro.yaml");
    Map<String, String> before = h.snapshots();

    ProvisioningResult r = h.provisioner.provision("svc", List.of(VIA_OCS)).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), r.carrierUp());
    assertTrue(carrier("fern-tp1", "line1"));
    assertTrue(carrier("iris-tp1", "line1"));
    // one cross-connect per OCS, input = the port towards the A end
    assertEquals(List.of(new CrossConnect("p1", "p5")), crossConnects("fern-ocs"));
    assertEquals(List.of(new CrossConnect("p5", "p1")), crossConnects("iris-ocs"));
    assertEquals(2, mediaChannelCount("gorse-roadm"));

    h.provisioner.deprovision("svc", List.of(VIA_OCS)).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(), crossConnects("fern-ocs"));
    assertEquals(List.of(), crossConnects("iris-ocs"));
    for (String roadm : List.of("fern-roadm", "gorse-roadm", "heath-roadm", "iris-roadm")) {
      assertEquals(before.get(roadm), h.snapshot(roadm), roadm);
    }
    assertFalse(carrier("iris-tp1", "line1"));
  }

  @Test
  void twoServicesOnDisjointSlotsSharingRoadmsComeUpConcurrently() throws Exception {
    h = new LabHarness("hexa-metro.yaml");

    CompletableFuture<ProvisioningResult> a = h.provisioner.provision("svc-a", List.of(VIA_OCS));
    CompletableFuture<ProvisioningResult> b = h.provisioner.provision("svc-b", List.of(GORSE_HEATH));

    assertEquals(List.of(true), a.get(30, TimeUnit.SECONDS).carrierUp());
    assertEquals(List.of(true), b.get(30, TimeUnit.SECONDS).carrierUp());
    // both services' channels on the shared ROADMs, with distinct indexes
    assertEquals(4, mediaChannelCount("gorse-roadm"));
    assertEquals(4, mediaChannelCount("heath-roadm"));
    for (String tp : List.of("fern-tp1", "iris-tp1", "gorse-tp1", "heath-tp1")) {
      assertTrue(carrier(tp, "line1"), tp);
    }

    // removing one leaves the other lit
    h.provisioner.deprovision("svc-b", List.of(GORSE_HEATH)).get(30, TimeUnit.SECONDS);
    assertFalse(carrier("heath-tp1", "line1"));
    assertTrue(carrier("iris-tp1", "line1"));
    assertEquals(2, mediaChannelCount("heath-roadm"));
  }

  @Test
  void provisionsOverVerifiedTlsWithCredentialsFromTheEnvironment(@TempDir Path dir)
      throws Exception {
    LabOptions.TlsFiles tls = SelfSignedTls.generate(dir);
    h = new LabHarness("hexa-metro.yaml", t -> t,
        LabOptions.defaults().withTls(tls).withCredentials("lab-admin", "s3cret:with-colon"),
        "env:LAB_GNMI_LOGIN",
        new ManagedDevice.Tls(false, tls.certChainPem().toString(), ""),
        v -> v.equals("LAB_GNMI_LOGIN") ? "lab-admin:s3cret:with-colon" : null);

    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      ProvisioningResult r =
          h.provisioner.provision("svc", List.of(VIA_OCS)).get(30, TimeUnit.SECONDS);
      assertEquals(List.of(true), r.carrierUp());
      // a failing provision logs the device's error: still no secret
      h.lab.device("gorse-roadm").setDown(true);
      ProvisioningFaultTest.failure(h.provisioner.provision("svc-3", List.of(GORSE_HEATH)));
    } finally {
      root.detachAppender(logs);
    }
    assertFalse(logs.list.isEmpty(), "the provisioner logged");
    for (var event : logs.list) {
      assertFalse(event.getFormattedMessage().contains("s3cret"), event.getFormattedMessage());
    }
  }

  private boolean carrier(String device, String port) {
    return h.lab.network().opticalState().get(new PortRef(device, port)).carrierPresent();
  }

  private List<CrossConnect> crossConnects(String ocs) throws Exception {
    return h.drivers.driverFor(h.registry.get(ocs).orElseThrow())
        .behaviour(CrossConnectConfig.class).orElseThrow()
        .readCrossConnects().get(10, TimeUnit.SECONDS);
  }

  private int mediaChannelCount(String roadm) throws Exception {
    return h.roadm(roadm).readMediaChannels().get(10, TimeUnit.SECONDS).size();
  }
}
