package io.lightpath.southbound.emulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.southbound.emulator.LabNetwork;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a device's tree, updated in place only under the edited subtrees and for changed
 * optics, always equals the tree recomputed from scratch; and a subscriber that applies the
 * change notifications to the initial snapshot holds the same tree.
 */
class IncrementalTreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long F = 193_100_000L;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void publishedTreeEqualsFullRecompute(long seed) throws Exception {
    LabTopology topology = LabTopologyFile.readBundled("hexa-metro.yaml");
    LabNetwork lab = new LabNetwork(topology, Clock.systemUTC());
    Map<String, NavigableMap<DataPath, JsonNode>> replicas = new HashMap<>();
    for (EmulatedDevice d : lab.devices()) {
      NavigableMap<DataPath, JsonNode> replica = new TreeMap<>();
      replicas.put(d.name(), replica);
      d.subscribe(new TreeListener() {
        @Override
        public void onChange(long ts, Map<DataPath, JsonNode> updated, Set<DataPath> deleted) {
          replica.putAll(updated);
          deleted.forEach(replica::remove);
        }

        @Override
        public void onDeviceDown() {}
      }, replica::putAll);
    }
    Random random = new Random(seed);
    List<EmulatedDevice> devices = new ArrayList<>(lab.devices());
    int accepted = 0;
    for (int step = 0; step < 300; step++) {
      EmulatedDevice d = devices.get(random.nextInt(devices.size()));
      List<Edit> edits = new ArrayList<>();
      // Up to four edits: a controller edits several leaves of one entry in one Set.
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        edits.add(edit(random, d.spec()));
      }
      edits.sort(java.util.Comparator.comparingInt(e ->
          e instanceof Edit.Delete ? 0 : e instanceof Edit.Replace ? 1 : 2));
      try {
        lab.set(d, edits);
        accepted++;
      } catch (ConfigException e) {
        // rejected: nothing changed, which the comparison below also checks
      }
      if (random.nextInt(10) == 0) {
        lab.cutFiber(topology.fibers().get(random.nextInt(topology.fibers().size())).name());
      } else if (random.nextInt(10) == 0) {
        lab.repairAll();
      }
      for (EmulatedDevice x : lab.devices()) {
        String context = "seed " + seed + " step " + step + " " + edits + " on " + d.name()
            + ": tree of " + x.name();
        assertEquals(x.recomputedTree(), new TreeMap<>(x.tree()), context);
        assertEquals(x.tree(), replicas.get(x.name()), "subscriber replica: " + context);
      }
    }
    assertTrue(accepted > 50, "accepted " + accepted);
  }

  private static String pick(Random r, List<String> ports) {
    return ports.get(r.nextInt(ports.size()));
  }

  private static Edit edit(Random r, DeviceSpec spec) throws Exception {
    List<String> ports = spec.ports();
    long f = F + 50_000L * r.nextInt(3);
    return switch (spec.role()) {
      case TRANSPONDER -> {
        String c = "/components/component[name=" + pick(r, ports) + "]";
        yield switch (r.nextInt(5)) {
          case 0 -> new Edit.Update(DataPath.parse(c + "/optical-channel/config"),
              JSON.readTree("{\"frequency\": " + f + ", \"target-output-power\": 0}"));
          case 1 -> new Edit.Delete(DataPath.parse(c + "/optical-channel/config/frequency"));
          case 2 -> new Edit.Update(DataPath.parse("/terminal-device/logical-channels/channel[index=1]"
              + "/config/admin-state"), JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
          case 3 -> new Edit.Replace(DataPath.parse(c + "/optical-channel/config"),
              JSON.readTree("{\"frequency\": " + f + "}"));
          default -> new Edit.Update(DataPath.parse(c + "/optical-channel/config/frequency"),
              JSON.readTree(String.valueOf(f)));
        };
      }
      case ROADM -> {
        String ch = "/wavelength-router/media-channels/channel[index=" + (1 + r.nextInt(6)) + "]";
        String body = "{\"config\": {\"lower-frequency\": \"" + (f - 25_000)
            + "\", \"upper-frequency\": \"" + (f + 25_000) + "\"}, \"source\": {\"config\": "
            + "{\"port-name\": \"" + pick(r, ports) + "\"}}, \"dest\": {\"config\": {\"port-name\": \""
            + pick(r, ports) + "\"}}}";
        yield switch (r.nextInt(5)) {
          case 0, 1 -> new Edit.Update(DataPath.parse(ch), JSON.readTree(body));
          case 2 -> new Edit.Delete(DataPath.parse(ch));
          case 3 -> new Edit.Update(DataPath.parse(ch + "/config/admin-status"),
              JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
          default -> new Edit.Replace(DataPath.parse("/wavelength-router/media-channels"),
              JSON.readTree("{\"channel\": [{\"index\": 1, " + body.substring(1) + "]}"));
        };
      }
      case OCS -> {
        String xc = "/optical-switch/cross-connects/cross-connect[input-port=" + pick(r, ports) + "]";
        yield switch (r.nextInt(4)) {
          case 0, 1 -> new Edit.Update(DataPath.parse(xc),
              JSON.readTree("{\"config\": {\"output-port\": \"" + pick(r, ports) + "\"}}"));
          case 2 -> new Edit.Delete(DataPath.parse(xc));
          default -> new Edit.Update(DataPath.parse("/optical-switch/ports/port[name="
              + pick(r, ports) + "]/config/admin-state"),
              JSON.readTree(r.nextBoolean() ? "\"ENABLED\"" : "\"DISABLED\""));
        };
      }
    };
  }
}
