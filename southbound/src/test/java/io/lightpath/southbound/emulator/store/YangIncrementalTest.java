package io.lightpath.southbound.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.yang.ConfigDatastore;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The YANG datastore receives each Set as its own edits (not the whole config). Property: after
 * any sequence of accepted and rejected Sets, its content is exactly what replacing its root with
 * the rendered leaf store would give, i.e. the two stores never drift apart.
 */
class YangIncrementalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YangSchema SCHEMA = YangSchema.bundled();
  private static final List<String> PORTS = List.of("p1", "p2", "p3");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void transponderStoresStayInStep(long seed) throws Exception {
    walk(DeviceRole.TRANSPONDER, seed, YangIncrementalTest::transponderEdit);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void roadmStoresStayInStep(long seed) throws Exception {
    walk(DeviceRole.ROADM, seed, YangIncrementalTest::roadmEdit);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void ocsStoresStayInStep(long seed) throws Exception {
    walk(DeviceRole.OCS, seed, YangIncrementalTest::ocsEdit);
  }

  interface EditSource {
    Edit next(Random random) throws Exception;
  }

  private static void walk(DeviceRole role, long seed, EditSource source) throws Exception {
    Random random = new Random(seed);
    EmulatedDevice device = new EmulatedDevice(DeviceSpec.of("d", role, "", PORTS), SCHEMA);
    int accepted = 0;
    int rejected = 0;
    for (int step = 0; step < 150; step++) {
      List<Edit> edits = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        edits.add(source.next(random));
      }
      // gNMI order: deletes, replaces, updates.
      edits.sort(java.util.Comparator.comparingInt(e ->
          e instanceof Edit.Delete ? 0 : e instanceof Edit.Replace ? 1 : 2));
      String before = device.yangContent();
      var leavesBefore = device.config();
      try {
        device.commit(edits);
        accepted++;
      } catch (ConfigException e) {
        rejected++;
        assertEquals(before, device.yangContent(), "rejected Set changed the YANG store");
        assertEquals(leavesBefore, device.config(), "rejected Set changed the leaf store");
      }
      assertEquals(normalized(fullReplace(device)), normalized(device.yangContent()),
          "seed " + seed + " step " + step + " after " + edits);
    }
    assertTrue(accepted > 20 && rejected > 0, "accepted " + accepted + ", rejected " + rejected);
  }

  /** {@code json} with every array sorted: list entry order is not part of the content. */
  private static JsonNode normalized(String json) throws Exception {
    return sortArrays(JSON.readTree(json));
  }

  private static JsonNode sortArrays(JsonNode node) {
    if (node.isObject()) {
      var out = JSON.createObjectNode();
      node.properties().forEach(e -> out.set(e.getKey(), sortArrays(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(sortArrays(n)));
      items.sort(java.util.Comparator.comparing(JsonNode::toString));
      var out = JSON.createArrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }

  /** The YANG content the old whole-config replace produced for the device's leaves. */
  private static String fullReplace(EmulatedDevice device) throws Exception {
    ConfigDatastore fresh = new ConfigDatastore(SCHEMA, ConfigDatastore.Kind.CONFIGURATION);
    JsonNode root = JsonTree.render(device.schema(), device.config(), DataPath.ROOT, true)
        .getOrDefault(DataPath.ROOT, JSON.createObjectNode());
    fresh.newTransaction().replace(YangPath.ROOT, JSON.writeValueAsString(root)).commit();
    return fresh.read(YangPath.ROOT).orElse("{}");
  }

  private static String port(Random r) {
    return r.nextInt(8) == 0 ? "nope" : PORTS.get(r.nextInt(PORTS.size()));
  }

  private static long freq(Random r) {
    return 193_100_000L + 50_000L * r.nextInt(4);
  }

  private static Edit transponderEdit(Random r) throws Exception {
    String c = "/components/component[name=" + port(r) + "]";
    return switch (r.nextInt(7)) {
      case 0 -> new Edit.Update(DataPath.parse(c + "/optical-channel/config/frequency"),
          JSON.readTree("\"" + freq(r) + "\""));
      case 1 -> new Edit.Update(DataPath.parse(c + "/optical-channel/config"),
          JSON.readTree("{\"frequency\": " + freq(r) + ", \"target-output-power\": "
              + (r.nextInt(30) - 20) + "}"));
      case 2 -> new Edit.Delete(DataPath.parse(c + "/optical-channel/config/frequency"));
      case 3 -> new Edit.Replace(DataPath.parse(c + "/optical-channel"),
          JSON.readTree("{\"config\": {\"operational-mode\": " + r.nextInt(5) + "}}"));
      case 4 -> new Edit.Update(DataPath.parse("/terminal-device/logical-channels/channel[index="
          + (1 + r.nextInt(3)) + "]/config/admin-state"),
          JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
      case 5 -> new Edit.Delete(DataPath.parse(c));
      default -> new Edit.Update(DataPath.ROOT, JSON.readTree(
          "{\"openconfig-platform:components\": {\"component\": [{\"name\": \"" + port(r)
              + "\", \"config\": {\"name\": \"x\"}}]}}"));
    };
  }

  private static Edit roadmEdit(Random r) throws Exception {
    int index = 1 + r.nextInt(5);
    String ch = "/wavelength-router/media-channels/channel[index=" + index + "]";
    long f = freq(r);
    String body = "{\"config\": {\"lower-frequency\": \"" + (f - 25_000) + "\", \"upper-frequency\": \""
        + (f + 25_000) + "\"}, \"source\": {\"config\": {\"port-name\": \"" + port(r) + "\"}},"
        + " \"dest\": {\"config\": {\"port-name\": \"" + port(r) + "\"}}}";
    return switch (r.nextInt(6)) {
      case 0 -> new Edit.Update(DataPath.parse(ch), JSON.readTree(body));
      case 1 -> new Edit.Replace(DataPath.parse(ch), JSON.readTree(body));
      case 2 -> new Edit.Delete(DataPath.parse(ch));
      case 3 -> new Edit.Update(DataPath.parse(ch + "/config/admin-status"),
          JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
      case 4 -> new Edit.Update(DataPath.parse("/wavelength-router/media-channels/channel"),
          JSON.readTree("[{\"index\": " + index + ", " + body.substring(1) + "]"));
      default -> new Edit.Delete(DataPath.parse("/wavelength-router/media-channels"));
    };
  }

  private static Edit ocsEdit(Random r) throws Exception {
    String xc = "/optical-switch/cross-connects/cross-connect[input-port=" + port(r) + "]";
    return switch (r.nextInt(4)) {
      case 0 -> new Edit.Update(DataPath.parse(xc),
          JSON.readTree("{\"config\": {\"output-port\": \"" + port(r) + "\"}}"));
      case 1 -> new Edit.Delete(DataPath.parse(xc));
      case 2 -> new Edit.Update(DataPath.parse("/optical-switch/ports/port[name=" + port(r)
          + "]/config/admin-state"), JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
      default -> new Edit.Replace(DataPath.parse("/optical-switch/cross-connects"),
          JSON.readTree("{\"cross-connect\": [{\"input-port\": \"p1\", \"config\": {\"output-port\": \""
              + port(r) + "\"}}]}"));
    };
  }
}
