package io.lightpath.qot;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the plain link-list topology format ({@code {"nodes": [{"id", "name"}], "links":
 * [{"source", "target", "length_km"}]}}) for the {@code qot} command. Such files carry no line
 * design, so each link is cut into equal spans of at most {@code maxSpanKm} of G.652 fibre, each
 * closed by an amplifier that makes up its loss with the given noise figure; nodes are lossless
 * ROADMs.
 */
public final class LinkListTopologyReader {

  /** Longest span the reader designs, in km. */
  public static final double DEFAULT_MAX_SPAN_KM = 80.0;

  private final double maxSpanKm;
  private final double noiseFigureDb;

  public LinkListTopologyReader(double maxSpanKm, double noiseFigureDb) {
    if (!(maxSpanKm > 0)) {
      throw new IllegalArgumentException("maxSpanKm must be positive");
    }
    this.maxSpanKm = maxSpanKm;
    this.noiseFigureDb = noiseFigureDb;
  }

  /** True when {@code root} has a "links" array. */
  public static boolean isLinkList(JsonNode root) {
    return root.path("links").isArray();
  }

  public Topology read(JsonNode root) {
    if (!isLinkList(root)) {
      throw new IllegalArgumentException("not a link-list topology: no \"links\" array");
    }
    List<Node> nodes = new ArrayList<>();
    for (JsonNode n : root.path("nodes")) {
      String id = n.path("id").asText("");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("node without id: " + n);
      }
      nodes.add(new Node(id, n.path("name").asText(""), NodeKind.ROADM, List.of(), 0, 0, Map.of()));
    }
    List<Fiber> fibers = new ArrayList<>();
    int index = 0;
    for (JsonNode l : root.path("links")) {
      String a = l.path("source").asText("");
      String z = l.path("target").asText("");
      double km = l.path("length_km").asDouble(Double.NaN);
      if (a.isEmpty() || z.isEmpty() || !(km > 0)) {
        throw new IllegalArgumentException("link " + index + " needs source, target and a positive "
            + "length_km: " + l);
      }
      String id = l.has("id") ? "link-" + l.path("id").asText() : a + "-" + z;
      fibers.add(new Fiber(id, a, "", z, "", km, 0, Fiber.DEFAULT_GROUP_DELAY_US_PER_KM,
          spans(km), Set.of()));
      index++;
    }
    return Topology.of(nodes, fibers);
  }

  private List<Span> spans(double km) {
    int count = (int) Math.ceil(km / maxSpanKm - 1e-9);
    double each = km / count;
    List<Span> spans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      spans.add(new Span(each, Span.DEFAULT_ATTENUATION_DB_PER_KM,
          Span.DEFAULT_DISPERSION_PS_PER_NM_KM, Span.DEFAULT_GAMMA_PER_W_KM, 0,
          new Amplifier("", 0, noiseFigureDb, 0)));
    }
    return spans;
  }
}
