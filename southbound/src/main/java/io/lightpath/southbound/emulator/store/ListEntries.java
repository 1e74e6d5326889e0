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
    int depth = listTemplate.split("/").length;
    Map<DataPath, Map<String, JsonNode>> out = new LinkedHashMap<>();
    for (Map.Entry<DataPath, JsonNode> e : leaves.entrySet()) {
      DataPath p = e.getKey();
      if (p.size() <= depth || !p.prefix(depth).template().equals(listTemplate)) {
        continue;
      }
      DataPath entry = p.prefix(depth);
      String rel = new DataPath(p.elems().subList(depth, p.size())).template();
      out.computeIfAbsent(entry, k -> new LinkedHashMap<>()).put(rel, e.getValue());
    }
    return out;
  }
}
