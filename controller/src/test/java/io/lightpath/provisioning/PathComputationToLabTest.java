package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.PathComputer;
import io.lightpath.pce.PathRequest;
import io.lightpath.pce.PathResult;
import io.lightpath.pce.PceConfig;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotParameters;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end below the API: path computation over the LabBridge topology of the six-site lab, its
 * channels provisioned on the emulated devices, the carrier up where the channel ends.
 */
class PathComputationToLabTest {
  private LabHarness h;
  private PathComputer pc;

  @BeforeEach
  void start() throws Exception {
    h = new LabHarness("hexa-metro.yaml");
    PceConfig cfg = PceConfig.defaults();
    pc = new PathComputer(h.topology, new GnQotEstimator(QotParameters.defaults()), cfg,
        new ResourceLedger(cfg.grid()));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @ParameterizedTest
  @CsvSource({
    // transponder endpoints: the route includes the access fibers
    "gorse-tp1, heath-tp1, gorse-tp1, heath-tp1",
    // through both OCSs
    "fern-tp2, iris-tp2, fern-tp2, iris-tp2",
    // ROADM endpoints: the transceivers are the sites' transponders, off the route
    "juniper-roadm, kestrel-roadm, juniper-tp1, kestrel-tp1"
  })
  void computedChannelIsProvisionedAndLit(String a, String z, String aTp, String zTp)
      throws Exception {
    PathResult r = pc.computeAndReserve(PathRequest.between(a, z, List.of(LabHarness.MODE)));
    PathResult.Success s = assertInstanceOf(PathResult.Success.class, r, r.toString());
    ComputedChannel channel = s.channels().get(0);

    ProvisioningResult result =
        h.provisioner.provision("svc", s.channels()).get(30, TimeUnit.SECONDS);

    assertEquals(List.of(true), result.carrierUp());
    assertEquals(aTp, channel.aTransceiverNodeId());
    assertEquals(zTp, channel.zTransceiverNodeId());
    assertTrue(h.lab.network().opticalState().get(new PortRef(aTp, "line1")).carrierPresent());
    assertTrue(h.lab.network().opticalState().get(new PortRef(zTp, "line1")).carrierPresent());

    h.provisioner.deprovision("svc", s.channels()).get(30, TimeUnit.SECONDS);
    assertTrue(!h.lab.network().opticalState().get(new PortRef(zTp, "line1")).carrierPresent());
  }
}
