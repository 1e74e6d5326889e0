package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OCS in the line between two ROADMs (fiber switching): every channel between the ROADMs uses
 * the same cross-connect, which must stay until the last service using it is removed.
 */
class SharedCrossConnectTest {
  private static final String LAB = """
      name: switched-line
      devices:
        - {name: a-tp1,   role: TRANSPONDER, ports: [line1]}
        - {name: a-tp2,   role: TRANSPONDER, ports: [line1]}
        - {name: a-roadm, role: ROADM,       ports: [add1, add2, east]}
        - {name: ocs,     role: OCS,         ports: [p1, p2, p3, p4]}
        - {name: z-roadm, role: ROADM,       ports: [add1, add2, west]}
        - {name: z-tp1,   role: TRANSPONDER, ports: [line1]}
        - {name: z-tp2,   role: TRANSPONDER, ports: [line1]}
      fibers:
        - {name: a1,   a: "a-tp1:line1",  b: "a-roadm:add1", lengthKm: 0.01, lossDb: 0.5}
        - {name: a2,   a: "a-tp2:line1",  b: "a-roadm:add2", lengthKm: 0.01, lossDb: 0.5}
        - {name: a-o,  a: "a-roadm:east", b: "ocs:p1",       lengthKm: 20}
        - {name: o-z,  a: "ocs:p2",       b: "z-roadm:west", lengthKm: 30}
        - {name: z1,   a: "z-tp1:line1",  b: "z-roadm:add1", lengthKm: 0.01, lossDb: 0.5}
        - {name: z2,   a: "z-tp2:line1",  b: "z-roadm:add2", lengthKm: 0.01, lossDb: 0.5}
      """;
  private static final ComputedChannel ONE = LabHarness.channel(193_100_000L,
      "a-tp1", "a1", "a-roadm", "a-o", "ocs", "o-z", "z-roadm", "z1", "z-tp1");
  private static final ComputedChannel TWO = LabHarness.channel(193_200_000L,
      "a-tp2", "a2", "a-roadm", "a-o", "ocs", "o-z", "z-roadm", "z2", "z-tp2");

  private LabHarness h;

  @BeforeEach
  void start() throws Exception {
    LabTopology lab = LabTopologyFile.read(
        new ByteArrayInputStream(LAB.getBytes(StandardCharsets.UTF_8)), "switched-line");
    h = new LabHarness(lab);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void sharedCrossConnectStaysUntilTheLastServiceIsRemoved() throws Exception {
    CompletableFuture<ProvisioningResult> one = h.provisioner.provision("svc-1", List.of(ONE));
    CompletableFuture<ProvisioningResult> two = h.provisioner.provision("svc-2", List.of(TWO));
    assertEquals(List.of(true), one.get(30, TimeUnit.SECONDS).carrierUp());
    assertEquals(List.of(true), two.get(30, TimeUnit.SECONDS).carrierUp());
    assertEquals(List.of(new CrossConnect("p1", "p2")), crossConnects());

    h.provisioner.deprovision("svc-1", List.of(ONE)).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(new CrossConnect("p1", "p2")), crossConnects(), "svc-2 still uses it");
    assertFalse(carrier("z-tp1"));
    assertTrue(carrier("z-tp2"), "svc-2 still lit");

    h.provisioner.deprovision("svc-2", List.of(TWO)).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(), crossConnects());
    assertFalse(carrier("z-tp2"));
  }

  private boolean carrier(String tp) {
    return h.lab.network().opticalState().get(new PortRef(tp, "line1")).carrierPresent();
  }

  private List<CrossConnect> crossConnects() throws Exception {
    return h.drivers.driverFor(h.registry.get("ocs").orElseThrow())
        .behaviour(CrossConnectConfig.class).orElseThrow()
        .readCrossConnects().get(10, TimeUnit.SECONDS);
  }
}
