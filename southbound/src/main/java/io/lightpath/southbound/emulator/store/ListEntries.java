package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;

/** Reads list entries out of a flat leaf map, for device models that interpret their config. */
public final class ListEntries {
  private ListEntries() {}

  /**
   * Groups the leaves of every entry of the list at {@code listTemplate} (e.g. {@code
   * wavelength-router/media-channels/channel}).
   *
   * @return entry path to (leaf path relative to the entry, without keys, e.g. {@code
   *     config/lower-frequency}) to value, in path order
   */
  public static Map<DataPath, Map<String, JsonNode>> of(
      NavigableMap<DataPath, JsonNode> leaves, String listTemplate) {
    String[] names = listTemplate.split("/");
    int depth = names.length;
    // Every entry of the list lies in the range of its top-level container.
    DataPath top = DataPath.ROOT.child(names[0]);
    Map<DataPath, Map<String, JsonNode>> out = new LinkedHashMap<>();
    DataPath entry = null;
    Map<String, JsonNode> entryLeaves = null;
    for (Map.Entry<DataPath, JsonNode> e : leaves.tailMap(top, true).entrySet()) {
      DataPath p = e.getKey();
      if (!p.startsWith(top)) {
        break;
      }
      if (p.size() <= depth || !namesMatch(p, names)) {
        continue;
      }
      if (entry == null || !p.startsWith(entry)) {
        entry = p.prefix(depth);
        entryLeaves = out.computeIfAbsent(entry, k -> new LinkedHashMap<>());
      }
      entryLeaves.put(p.templateFrom(depth), e.getValue());
    }
    return out;
  }

  private static boolean namesMatch(DataPath p, String[] names) {
    for (int i = 1; i < names.length; i++) {
      if (!p.elems().get(i).name().equals(names[i])) {
        return false;
      }
    }
    return true;
  }
}
