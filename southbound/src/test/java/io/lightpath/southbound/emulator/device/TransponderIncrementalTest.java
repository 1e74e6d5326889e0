package io.lightpath.southbound.emulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.store.TreeDatastore;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a transponder checking only the edited components and logical channels accepts and
 * rejects exactly what the full check does, with the same error.
 */
class TransponderIncrementalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PORTS = List.of("l1", "l2", "l3");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void incrementalCheckEqualsTheFullOne(long seed) throws Exception {
    DeviceSpec spec = DeviceSpec.of("t", DeviceRole.TRANSPONDER, "", PORTS);
    EmulatedDevice device = new EmulatedDevice(spec);
    TransponderModel model = TransponderModel.INSTANCE;
    TreeDatastore full = IncrementalCheckHarness.fullCheck(model, spec);
    Random r = new Random(seed);
    int accepted = 0;
    int rejected = 0;
    for (int step = 0; step < 600; step++) {
      List<Edit> edits = IncrementalCheckHarness.batch(r, 4, TransponderIncrementalTest::edit);
      String expected = IncrementalCheckHarness.outcome(() -> full.commit(edits));
      String actual = IncrementalCheckHarness.outcome(() -> device.commit(edits));
      assertEquals(expected, actual, "seed " + seed + " step " + step + " " + edits);
      assertEquals(full.config(), device.config(), "config after step " + step);
      accepted += expected.equals("ok") ? 1 : 0;
      rejected += expected.equals("ok") ? 0 : 1;
    }
    assertTrue(accepted > 100 && rejected > 50, accepted + " accepted, " + rejected + " rejected");
  }

  private static Edit edit(Random r) throws Exception {
    String port = r.nextInt(12) == 0 ? "bogus" : PORTS.get(r.nextInt(PORTS.size()));
    String c = "/components/component[name=" + port + "]";
    String ch = "/terminal-device/logical-channels/channel[index=" + (1 + r.nextInt(4)) + "]";
    long f = r.nextInt(10) == 0 ? 100_000_000L : 193_100_000L + 3_125L * r.nextInt(8);
    double power = r.nextInt(10) == 0 ? 9.5 : -2.0 + r.nextInt(5);
    String och = r.nextInt(10) == 0 ? "nowhere" : PORTS.get(r.nextInt(PORTS.size()));
    return switch (r.nextInt(11)) {
      case 0 -> new Edit.Replace(DataPath.parse(c + "/optical-channel/config/frequency"),
          JSON.readTree("\"" + f + "\""));
      case 1 -> new Edit.Replace(DataPath.parse(c + "/optical-channel/config/target-output-power"),
          JSON.readTree("\"" + power + "\""));
      case 2 -> new Edit.Update(DataPath.parse(c + "/optical-channel/config"),
          JSON.readTree("{\"frequency\": \"" + f + "\", \"operational-mode\": 7}"));
      case 3 -> new Edit.Delete(DataPath.parse(c + "/optical-channel/config/frequency"));
      case 4 -> new Edit.Replace(DataPath.parse(ch + "/config/admin-state"),
          JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
      case 5 -> new Edit.Update(DataPath.parse(ch + "/logical-channel-assignments/assignment[index=1]"),
          JSON.readTree("{\"config\": {\"optical-channel\": \"" + och + "\"}}"));
      case 6 -> new Edit.Delete(DataPath.parse(ch));
      case 7 -> new Edit.Update(DataPath.parse(c), JSON.readTree("{\"config\": {\"name\": \"" + port
          + "\"}, \"optical-channel\": {\"config\": {\"frequency\": \"" + f + "\"}}}"));
      case 8 -> new Edit.Delete(DataPath.parse(c));
      case 9 -> new Edit.Update(DataPath.parse("/components"), JSON.readTree("{\"component\": [{\"name\": \""
          + port + "\", \"config\": {\"name\": \"" + port + "\"}}]}"));
      default -> new Edit.Update(DataPath.parse(ch), JSON.readTree("{\"config\": {\"admin-state\": "
          + "\"ENABLED\"}, \"logical-channel-assignments\": {\"assignment\": [{\"index\": 2, \"config\": "
          + "{\"optical-channel\": \"" + och + "\"}}]}}"));
    };
  }
}
