package io.lightpath.southbound.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.yang.YangSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class YangValidatedDatastoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YangSchema SCHEMA = YangSchema.bundled();

  private static EmulatedDevice device(DeviceRole role, String... ports) {
    return new EmulatedDevice(DeviceSpec.of("d", role, "", List.of(ports)), SCHEMA);
  }

  @Test
  void bootConfigOfEveryRoleIsYangValid() {
    for (DeviceRole role : DeviceRole.values()) {
      EmulatedDevice d = device(role, "p1", "p2");
      assertTrue(d.config().size() > 0 || role == DeviceRole.ROADM, role.toString());
    }
  }

  @Test
  void transponderTuningPassesBothStores() throws Exception {
    EmulatedDevice d = device(DeviceRole.TRANSPONDER, "line1");
    d.commit(List.of(new Edit.Update(DataPath.parse(
        "/components/component[name=line1]/optical-channel/config"),
        JSON.readTree("{\"frequency\": \"193100000\", \"target-output-power\": \"1.5\"}"))));
    assertTrue(d.yangContent().contains("193100000"), d.yangContent());
  }

  @Test
  void roadmAndOcsConfigPassBothStores() throws Exception {
    EmulatedDevice r = device(DeviceRole.ROADM, "add1", "east");
    r.commit(List.of(new Edit.Update(DataPath.parse("/wavelength-router/media-channels/channel[index=1]"),
        JSON.readTree("{\"config\": {\"lower-frequency\": \"193075000\", \"upper-frequency\": \"193125000\"},"
            + "\"source\": {\"config\": {\"port-name\": \"add1\"}},"
            + "\"dest\": {\"config\": {\"port-name\": \"east\"}}}"))));
    assertTrue(r.yangContent().contains("193075000"), r.yangContent());
    EmulatedDevice o = device(DeviceRole.OCS, "p1", "p2");
    o.commit(List.of(new Edit.Update(DataPath.parse("/optical-switch/cross-connects/cross-connect[input-port=p1]"),
        JSON.readTree("{\"config\": {\"output-port\": \"p2\"}}"))));
    assertTrue(o.yangContent().contains("\"p2\""), o.yangContent());
  }

  @Test
  void yangRejectsWhatTheLeafStoreAcceptsAndNothingChanges() throws Exception {
    EmulatedDevice d = device(DeviceRole.TRANSPONDER, "line1");
    String before = d.yangContent();
    var beforeLeaves = d.config();
    // The leaf store allows removing the component; the YANG leafref from the logical channel's
    // assignment to it does not.
    var e = assertThrows(ConfigException.class, () -> d.commit(List.of(
        new Edit.Delete(DataPath.parse("/components/component[name=line1]")))));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith("YANG validation"), e.getMessage());
    assertEquals(before, d.yangContent());
    assertEquals(beforeLeaves, d.config());
  }

  @Test
  void yangRejectsADecimalBeyondDecimal64AndNothingChanges() throws Exception {
    EmulatedDevice d = device(DeviceRole.TRANSPONDER, "line1");
    String before = d.yangContent();
    var beforeLeaves = d.config();
    // The leaf store holds decimals as doubles and has no rule for allocation; decimal64 with
    // three fraction digits ends near 9.2e15.
    var e = assertThrows(ConfigException.class, () -> d.commit(List.of(new Edit.Update(
        DataPath.parse("/terminal-device/logical-channels/channel[index=9]"),
        JSON.readTree("{\"config\": {\"index\": 9, \"admin-state\": \"ENABLED\"},"
            + "\"logical-channel-assignments\": {\"assignment\": [{\"index\": 1, \"config\": {\"index\": 1,"
            + "\"assignment-type\": \"OPTICAL_CHANNEL\", \"optical-channel\": \"line1\","
            + "\"allocation\": \"1e20\"}}]}}")))));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith("YANG validation"), e.getMessage());
    assertTrue(e.getMessage().contains("allocation"), e.getMessage());
    assertEquals(before, d.yangContent());
    assertEquals(beforeLeaves, d.config());
  }

  @Test
  void wholeListAndSingleLeafEditsPassBothStores() throws Exception {
    EmulatedDevice r = device(DeviceRole.ROADM, "add1", "east");
    r.commit(List.of(new Edit.Replace(DataPath.parse("/wavelength-router/media-channels/channel"),
        JSON.readTree("[{\"index\": 1, \"config\": {\"index\": 1, \"lower-frequency\": \"193075000\","
            + " \"upper-frequency\": \"193125000\"}, \"source\": {\"config\": {\"port-name\": \"add1\"}},"
            + " \"dest\": {\"config\": {\"port-name\": \"east\"}}},"
            + " {\"index\": 2, \"config\": {\"index\": 2, \"lower-frequency\": \"193200000\","
            + " \"upper-frequency\": \"193250000\"}, \"source\": {\"config\": {\"port-name\": \"add1\"}},"
            + " \"dest\": {\"config\": {\"port-name\": \"east\"}}}]"))));
    assertTrue(r.yangContent().contains("193250000"), r.yangContent());
    r.commit(List.of(new Edit.Update(
        DataPath.parse("/wavelength-router/media-channels/channel[index=2]/config/upper-frequency"),
        JSON.readTree("193300000"))));
    assertTrue(r.yangContent().contains("193300000"), r.yangContent());
    assertTrue(!r.yangContent().contains("193250000"), r.yangContent());
  }
}
