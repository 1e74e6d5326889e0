package io.lightpath.southbound.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Flattening and rendering RFC 7951 JSON without any gNMI or sockets. */
class JsonTreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DeviceSchema SCHEMA = DeviceSchema.builder()
      .top("things", "m")
      .list("things/thing", "id")
      .leaf("things/thing/id", new LeafType.Uint(32), true)
      .configLeaf("things/thing", "id", new LeafType.Uint(32))
      .configLeaf("things/thing", "size", new LeafType.Uint(64))
      .configLeaf("things/thing", "kind", new LeafType.Enum(Set.of("A", "B")))
      .configLeaf("things/thing", "gain", new LeafType.Decimal(2))
      .build();

  private static TreeMap<DataPath, JsonNode> flatten(String at, String json) throws Exception {
    TreeMap<DataPath, JsonNode> out = new TreeMap<>();
    JsonTree.flatten(SCHEMA, DataPath.parse(at), JSON.readTree(json), out);
    return out;
  }

  @Test
  void roundTripsThroughRfc7951() throws Exception {
    var leaves = flatten("/", "{\"m:things\": {\"thing\": [{\"id\": 7, \"config\": "
        + "{\"size\": 12345678901, \"kind\": \"m:B\", \"gain\": 1.5}}]}}");
    assertEquals(5, leaves.size());
    JsonNode root = JsonTree.render(SCHEMA, leaves, DataPath.ROOT, true).get(DataPath.ROOT);
    assertEquals("{\"m:things\":{\"thing\":[{\"config\":{\"gain\":\"1.50\",\"id\":7,\"kind\":\"B\","
        + "\"size\":\"12345678901\"},\"id\":7}]}}", root.toString());
    JsonNode entry = JsonTree.render(SCHEMA, leaves, DataPath.parse("/things/thing[id=7]/config/size"),
        true).values().iterator().next();
    assertEquals("\"12345678901\"", entry.toString());
  }

  @Test
  void wildcardAndKeylessPatternsMatchEveryEntry() throws Exception {
    var leaves = flatten("/things", "{\"thing\": [{\"id\": 1}, {\"id\": 2}]}");
    assertEquals(2, JsonTree.render(SCHEMA, leaves, DataPath.parse("/things/thing"), false).size());
    assertEquals(2, JsonTree.render(SCHEMA, leaves, DataPath.parse("/things/thing[id=*]/id"), false).size());
  }

  @Test
  void rejectsBadInputWithThePath() {
    var keyClash = assertThrows(ConfigException.class,
        () -> flatten("/things/thing[id=1]", "{\"config\": {\"id\": 2}}"));
    assertTrue(keyClash.getMessage().contains("contradicts"), keyClash.getMessage());
    var noKey = assertThrows(ConfigException.class, () -> flatten("/things", "{\"thing\": [{}]}"));
    assertTrue(noKey.getMessage().contains("lacks key leaf 'id'"), noKey.getMessage());
    var range = assertThrows(ConfigException.class,
        () -> flatten("/things/thing[id=1]/config/id", "4294967296"));
    assertTrue(range.getMessage().contains("out of range"), range.getMessage());
    var keysOnContainer = assertThrows(ConfigException.class,
        () -> JsonTree.checkPath(SCHEMA, DataPath.parse("/things[x=1]")));
    assertTrue(keysOnContainer.getMessage().contains("not a list"), keysOnContainer.getMessage());
    assertThrows(ConfigException.class, () -> flatten("/things/thing[id=1]/config/kind", "\"C\""));
  }
}
