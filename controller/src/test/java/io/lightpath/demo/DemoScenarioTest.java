package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.api.TopologyMapper;
import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Constraints;
import io.lightpath.pce.PathComputer;
import io.lightpath.pce.PathRequest;
import io.lightpath.pce.PathResult;
import io.lightpath.pce.PceConfig;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.PortRole;
import io.lightpath.qot.GnQotEstimator;
import io.lightpath.qot.QotParameters;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.transceiver.TransceiverCatalog;
import io.lightpath.model.TransceiverMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo lab, its import, and the routes the demo's story relies on (which services the cut of
 * {@link DemoScenario#CUT_FIBER} hits), checked against the real path computer and QoT model.
 */
class DemoScenarioTest {
  private final LabTopology lab = DemoLab.topology();
  private final LabImport imp = LabImport.of(lab, fakeEndpoints(lab));

  private static Map<String, DeviceEndpoint> fakeEndpoints(LabTopology lab) {
    Map<String, DeviceEndpoint> eps = new LinkedHashMap<>();
    int port = 40_000;
    for (DeviceSpec d : lab.devices()) {
      eps.put(d.name(), new DeviceEndpoint(d.name(), d.role(), "127.0.0.1", port++, d.name()));
    }
    return eps;
  }

  @Test
  void importMapsEveryDeviceAndFiber() {
    assertEquals(6, imp.topology().getSitesCount());
    assertEquals(lab.devices().size(), imp.topology().getNodesCount());
    assertEquals(lab.fibers().size(), imp.topology().getFibersCount());
    assertEquals(2, imp.topology().getNodesList().stream()
        .filter(n -> n.getKind() == NodeKind.OCS).count());
    var fernTp1 = imp.topology().getNodesList().stream()
        .filter(n -> n.getId().equals("fern-tp1")).findFirst().orElseThrow();
    assertEquals(2, fernTp1.getTransceivers(0).getTotalCount());
    assertEquals("devices/fern-tp1", fernTp1.getDevice());
    var roadm = imp.topology().getNodesList().stream()
        .filter(n -> n.getId().equals("gorse-roadm")).findFirst().orElseThrow();
    assertEquals(PortRole.ADD_DROP, roadm.getPorts(0).getRole());
    assertEquals(PortRole.LINE, roadm.getPorts(1).getRole());
    Fiber ring = imp.topology().getFibersList().stream()
        .filter(f -> f.getId().equals("gorse-heath")).findFirst().orElseThrow();
    assertEquals(31 * 0.22, ring.getLossDb(), 1e-9);
    assertEquals(1, ring.getSpansCount());
    assertEquals("heath-roadm-preamp", ring.getSpans(0).getAmplifier().getId());
    Fiber patch = imp.topology().getFibersList().stream()
        .filter(f -> f.getId().equals("fern-tp1-a")).findFirst().orElseThrow();
    assertEquals(0, patch.getSpansCount());
    assertEquals(0.5, patch.getLossDb());
  }

  @Test
  void registrationsPointAtTheEndpoints() {
    assertEquals(lab.devices().size(), imp.devices().size());
    var r = imp.devices().get(0);
    assertEquals("fern-tp1", r.getDeviceId());
    assertEquals("127.0.0.1:40000", r.getDevice().getAddress());
    assertEquals("fern-tp1", r.getDevice().getNodeId());
    assertTrue(r.getDevice().getTls().getInsecurePlaintext());
  }

  @Test
  void missingEndpointIsAnError() {
    Map<String, DeviceEndpoint> eps = fakeEndpoints(lab);
    eps.remove("heath-ocs");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabImport.of(lab, eps));
    assertTrue(e.getMessage().contains("heath-ocs"));
  }

  @Test
  void theCutHitsExactlyTheServicesTheStoryNames() {
    Topology t = TopologyMapper.toDomain(imp.topology());
    TransceiverCatalog catalog = TransceiverCatalog.loadDefault();
    PceConfig cfg = PceConfig.defaults();
    PathComputer pc = new PathComputer(t, new GnQotEstimator(QotParameters.defaults()), cfg,
        new ResourceLedger(cfg.grid()));
    List<TransceiverMode> m400 = catalog.modes().stream().filter(m -> m.lineRateGbps() == 400).toList();
    List<TransceiverMode> m800 = catalog.modes().stream().filter(m -> m.lineRateGbps() == 800).toList();
    String cut = DemoScenario.CUT_FIBER;

    // dci-protected: one leg over the cut fiber, the other not
    List<ComputedChannel> protectedChannels = channels(pc.computeAndReserve(
        PathRequest.between("fern-tp1", "iris-tp1", m400)
            .withProtection(PathRequest.Protection.ONE_PLUS_ONE)));
    assertEquals(2, protectedChannels.size());
    assertEquals(1, protectedChannels.stream().filter(c -> c.fiberIds().contains(cut)).count());

    // dci-bundle: two 800G channels on disjoint routes within the latency and skew bounds
    List<ComputedChannel> bundle = channels(pc.computeAndReserve(
        PathRequest.between("fern-tp2", "iris-tp2", m800)
            .withConstraints(Constraints.NONE.withMaxLatencyUs(600))
            .withBundle(new PathRequest.Bundle(2, 2, 150))));
    assertEquals(2, bundle.size());
    assertTrue(bundle.stream().allMatch(c -> c.mode().lineRateGbps() == 800));
    assertTrue(bundle.stream().allMatch(c -> c.latencyUs() <= 600));
    double skew = Math.abs(bundle.get(0).latencyUs() - bundle.get(1).latencyUs());
    assertTrue(skew <= 150, "skew " + skew);
    assertEquals(1, bundle.stream().filter(c -> c.fiberIds().contains(cut)).count());

    // metro services: gorse-heath over the cut fiber, juniper-kestrel away from it
    List<ComputedChannel> gorseHeath =
        channels(pc.computeAndReserve(PathRequest.between("gorse-tp1", "heath-tp1", m400)));
    assertTrue(gorseHeath.get(0).fiberIds().contains(cut));
    assertTrue(gorseHeath.get(0).fiberIds().contains("heath-tp1-ocs"), "through heath's OCS");
    List<ComputedChannel> juniperKestrel =
        channels(pc.computeAndReserve(PathRequest.between("juniper-tp1", "kestrel-tp1", m400)));
    assertFalse(juniperKestrel.get(0).fiberIds().contains(cut));
    assertTrue(juniperKestrel.get(0).fiberIds().contains("kestrel-tp1-ocs"), "through kestrel's OCS");
  }

  @Test
  void scenarioNamesFourServicesWithExpectations() {
    assertEquals(List.of("dci-protected", "dci-bundle", "metro-gorse-heath", "metro-juniper-kestrel"),
        DemoScenario.services().stream().map(DemoScenario.DemoService::id).toList());
    assertTrue(DemoScenario.services().stream().noneMatch(s -> s.afterCut().isEmpty()));
    assertTrue(lab.fiber(DemoScenario.CUT_FIBER).isPresent());
  }

  private static List<ComputedChannel> channels(PathResult r) {
    return assertInstanceOf(PathResult.Success.class, r, r::toString).channels();
  }
}
