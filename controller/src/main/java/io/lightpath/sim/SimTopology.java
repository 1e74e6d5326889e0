package io.lightpath.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the benchmark topology format {@code {"name", "nodes": [{"id", ...}], "links":
 * [{"source", "target", "length_km"}]}} into a {@link Topology} of ROADMs with one fiber per
 * undirected link. Also offers small built-in topologies for tests and smoke runs.
 */
public final class SimTopology {
  private SimTopology() {}

  /** Prefix of a built-in topology name, for instance {@code builtin:mesh6}. */
  public static final String BUILTIN = "builtin:";

  /** Loads a file, or a built-in topology when {@code spec} starts with {@code builtin:}. */
  public static Topology load(String spec) throws IOException {
    if (spec.startsWith(BUILTIN)) {
      return builtin(spec.substring(BUILTIN.length()));
    }
    return parse(new ObjectMapper().readTree(Path.of(spec).toFile()), spec);
  }

  /**
   * Parses the JSON tree.
   *
   * @throws IllegalArgumentException naming the first bad field
   */
  public static Topology parse(JsonNode root, String source) {
    JsonNode nodes = root.path("nodes");
    JsonNode links = root.path("links");
    if (!nodes.isArray() || !links.isArray()) {
      throw new IllegalArgumentException(source + ": needs \"nodes\" and \"links\" arrays");
    }
    Map<String, Node> byId = new LinkedHashMap<>();
    for (JsonNode n : nodes) {
      JsonNode id = n.get("id");
      if (id == null || id.isNull()) {
        throw new IllegalArgumentException(source + ": a node has no \"id\"");
      }
      byId.put(id.asText(), roadm(id.asText()));
    }
    List<Fiber> fibers = new ArrayList<>();
    int i = 0;
    for (JsonNode l : links) {
      JsonNode s = l.get("source");
      JsonNode t = l.get("target");
      JsonNode km = l.get("length_km");
      if (s == null || t == null || km == null || !km.isNumber()) {
        throw new IllegalArgumentException(
            source + ": link #" + i + " needs \"source\", \"target\" and numeric \"length_km\"");
      }
      String id = l.hasNonNull("id") ? "L" + l.get("id").asText() : "L" + i;
      fibers.add(fiber(id, s.asText(), t.asText(), km.asDouble()));
      i++;
    }
    try {
      return Topology.of(new ArrayList<>(byId.values()), fibers);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Small built-in topologies: {@code mesh6} (6 nodes, 9 links, a hand-made mesh) and {@code
   * ring<N>} (N nodes in a ring, 100 km links).
   */
  public static Topology builtin(String name) {
    if (name.equals("mesh6")) {
      int[][] l = {{0, 1, 300}, {0, 2, 500}, {1, 2, 200}, {1, 3, 600}, {2, 4, 400},
          {3, 4, 300}, {3, 5, 350}, {4, 5, 250}, {0, 5, 1200}};
      List<Node> nodes = new ArrayList<>();
      for (int n = 0; n < 6; n++) {
        nodes.add(roadm(String.valueOf(n)));
      }
      List<Fiber> fibers = new ArrayList<>();
      for (int i = 0; i < l.length; i++) {
        fibers.add(fiber("L" + i, String.valueOf(l[i][0]), String.valueOf(l[i][1]), l[i][2]));
      }
      return Topology.of(nodes, fibers);
    }
    if (name.startsWith("ring")) {
      int n;
      try {
        n = Integer.parseInt(name.substring(4));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("built-in topology " + name + ": ring<N> needs a number N");
      }
      if (n < 3) {
        // fewer nodes make a ring of self-loops or parallel fibers, with no pair to route
        throw new IllegalArgumentException("built-in topology " + name + ": a ring needs at least 3 nodes");
      }
      List<Node> nodes = new ArrayList<>();
      List<Fiber> fibers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodes.add(roadm(String.valueOf(i)));
        fibers.add(fiber("L" + i, String.valueOf(i), String.valueOf((i + 1) % n), 100));
      }
      return Topology.of(nodes, fibers);
    }
    throw new IllegalArgumentException("unknown built-in topology " + name
        + " (known: mesh6, ring<N>)");
  }

  private static Node roadm(String id) {
    return new Node(id, "", NodeKind.ROADM, List.of(), 0, 0, Map.of());
  }

  private static Fiber fiber(String id, String a, String z, double km) {
    return new Fiber(id, a, "", z, "", km, km * 0.2, Fiber.DEFAULT_GROUP_DELAY_US_PER_KM,
        List.of(), Set.of());
  }
}
