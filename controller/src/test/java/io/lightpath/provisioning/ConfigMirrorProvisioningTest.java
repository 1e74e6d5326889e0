package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.ManagedDevice;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.southbound.gnmi.GnmiDeviceDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning through drivers that keep a config mirror ({@link GnmiDriverFactory}'s default): once
 * every device's config stream has synced, a service is provisioned, verified and deprovisioned
 * with Sets only, and ends exactly as with Gets.
 */
class ConfigMirrorProvisioningTest {
  private LabHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = LabHarness.withConfigMirror(LabTopologyFile.readBundled("tri-site.yaml"));
    for (DeviceEndpoint ep : h.lab.endpoints()) {
      ManagedDevice device = h.registry.get(ep.name()).orElseThrow();
      if (device.role() == ManagedDevice.Role.AMPLIFIER) {
        continue;
      }
      GnmiDeviceDriver driver = (GnmiDeviceDriver) h.drivers.driverFor(device);
      // the factory started the mirror; a second start only hands back its first sync
      driver.startConfigMirror(GnmiDriverFactory.DEFAULT_CONFIG_MIRROR_GRACE)
          .get(30, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void aServiceIsProvisionedAndRemovedWithoutAGetOnceTheMirrorsHaveSynced() throws Exception {
    // The first service loads the drivers' and the inventory's one-time caches (each ROADM's
    // media-channel list, each transponder's logical channels): those are Gets, once per device.
    h.provisioner.provision("svc-0", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    h.provisioner.deprovision("svc-0", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    // Gets that remain: a carrier state read directly when the transponder's state stream had not
    // reported yet (the verifier's fallback, counted by its metric); none for configuration.
    long gets = gets() - carrierReads();
    long sets = sets();
    ProvisioningResult result = h.provisioner.provision("svc-1",
        List.of(DeviceProvisionerLabTest.ALDER_BIRCH)).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(true), result.carrierUp());
    assertTrue(carrier("alder-tp1", "line1"));
    assertTrue(carrier("birch-tp1", "line1"));
    assertEquals(gets, gets() - carrierReads(), () -> "Gets while provisioning: " + perDevice());
    assertTrue(sets() >= sets + 4, "two ROADMs and two transponders were written");

    h.provisioner.deprovision("svc-1", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
        .get(30, TimeUnit.SECONDS);
    assertFalse(carrier("alder-tp1", "line1"));
    assertEquals(gets, gets() - carrierReads(), "Gets while deprovisioning");
    assertEquals(0, readBacks(), "changes verified by a read-back instead of the stream");
    assertTrue(h.lab.device("alder-roadm").config().keySet().stream()
        .noneMatch(p -> p.toString().contains("media-channels/channel")), "media channels removed");
  }

  private long gets() {
    return h.lab.endpoints().stream().mapToLong(ep -> h.lab.device(ep.name()).getsAnswered()).sum();
  }

  private long carrierReads() {
    return (long) h.provisioner.metrics().carrierReads();
  }

  private String perDevice() {
    StringBuilder out = new StringBuilder();
    h.lab.endpoints().forEach(ep -> out.append(ep.name()).append('=')
        .append(h.lab.device(ep.name()).getsAnswered()).append(' '));
    return out.toString();
  }

  private long readBacks() {
    return h.lab.endpoints().stream()
        .map(ep -> h.registry.get(ep.name()).orElseThrow())
        .filter(d -> d.role() != ManagedDevice.Role.AMPLIFIER)
        .mapToLong(d -> ((GnmiDeviceDriver) h.drivers.driverFor(d)).session().verifiedByReadBack())
        .sum();
  }

  private long sets() {
    return h.lab.endpoints().stream().mapToLong(ep -> h.lab.device(ep.name()).setsAnswered()).sum();
  }

  private boolean carrier(String device, String port) {
    return h.lab.network().opticalState().get(new PortRef(device, port)).carrierPresent();
  }
}
