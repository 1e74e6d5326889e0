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
 * Property: a ROADM checking and re-reading only the edited media channels and port components
 * accepts and rejects exactly what the full check does, with the same error, and ends with the
 * same optical view.
 */
class RoadmIncrementalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PORTS = List.of("add1", "add2", "east", "west");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void incrementalCheckAndViewEqualTheFullOnes(long seed) throws Exception {
    DeviceSpec spec = DeviceSpec.of("r", DeviceRole.ROADM, "", PORTS);
    EmulatedDevice device = new EmulatedDevice(spec);
    RoadmModel model = RoadmModel.INSTANCE;
    TreeDatastore full = IncrementalCheckHarness.fullCheck(model, spec);
    Random r = new Random(seed);
    int accepted = 0;
    int conflicts = 0;
    for (int step = 0; step < 600; step++) {
      List<Edit> edits = IncrementalCheckHarness.batch(r, 3, RoadmIncrementalTest::edit);
      String expected = IncrementalCheckHarness.outcome(() -> full.commit(edits));
      String actual = IncrementalCheckHarness.outcome(() -> device.commit(edits));
      assertEquals(expected, actual, "seed " + seed + " step " + step + " " + edits);
      accepted += expected.equals("ok") ? 1 : 0;
      conflicts += expected.startsWith("FAILED_PRECONDITION") ? 1 : 0;
      assertEquals(model.opticalView(spec, device.config()), device.opticalView(),
          "view after step " + step);
    }
    assertTrue(accepted > 100 && conflicts > 20, accepted + " accepted, " + conflicts + " conflicts");
  }

  private static Edit edit(Random r) throws Exception {
    String ch = "/wavelength-router/media-channels/channel[index=" + (1 + r.nextInt(12)) + "]";
    long f = 193_100_000L + 25_000L * r.nextInt(8);
    long half = r.nextInt(5) == 0 ? 50_000 : 18_750;
    String src = PORTS.get(r.nextInt(PORTS.size()));
    String dst = r.nextInt(20) == 0 ? "nowhere" : PORTS.get(r.nextInt(PORTS.size()));
    String body = "{\"config\": {\"lower-frequency\": \"" + (f - half) + "\", \"upper-frequency\": \""
        + (f + half) + "\"" + (r.nextInt(4) == 0 ? ", \"admin-status\": \"DISABLED\"" : "")
        + "}, \"source\": {\"config\": {\"port-name\": \"" + src + "\"}},"
        + " \"dest\": {\"config\": {\"port-name\": \"" + dst + "\"}}}";
    String component = r.nextInt(3) == 0 ? "bogus" : PORTS.get(r.nextInt(PORTS.size()));
    String entry = "/components/component[name=" + component + "]";
    return switch (r.nextInt(9)) {
      case 0, 1, 2 -> new Edit.Update(DataPath.parse(ch), JSON.readTree(body));
      case 3 -> new Edit.Delete(DataPath.parse(ch));
      case 4 -> new Edit.Update(DataPath.parse(ch + "/config/admin-status"),
          JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
      case 5 -> new Edit.Update(DataPath.parse(ch + "/config/upper-frequency"),
          JSON.readTree("\"" + (f + 40_000) + "\""));
      // Port components: only the ports of the spec may exist.
      case 6 -> new Edit.Update(DataPath.parse(entry),
          JSON.readTree("{\"config\": {\"name\": \"" + component + "\"}}"));
      case 7 -> new Edit.Delete(DataPath.parse(entry));
      default -> new Edit.Replace(DataPath.parse(ch + "/config"),
          JSON.readTree("{\"lower-frequency\": \"" + (f - half) + "\"}"));
    };
  }
}
