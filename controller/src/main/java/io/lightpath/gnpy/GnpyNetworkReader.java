package io.lightpath.gnpy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads gnpy's network JSON ({@code {"elements": [...], "connections": [{"from_node",
 * "to_node"}]}}) into a {@link io.lightpath.model.Topology}.
 *
 * <p>Roadm and Transceiver elements become ROADM and TRANSPONDER nodes. Every directed chain
 * Roadm/Transceiver → Fiber → Edfa → Fiber … → Roadm/Transceiver becomes one Fiber whose spans
 * are the chain's fibers, each closed by the Edfa after it (no Edfa: the estimator assumes one).
 * Fibers joined by Fused elements merge into one span. A chain and its reverse (gnpy lists the
 * two directions separately) make one fiber pair, described by the first chain met. An Edfa
 * right after a Roadm is its booster: the ROADM's insertion loss becomes the booster's gain, so
 * the booster's ASE counts once per ROADM; without one, the gain gnpy's design would give it
 * (launch power − ROADM output power, 20 dB with gnpy's defaults). Defaults where gnpy's files
 * leave fields out are gnpy's; docs/qot.md lists them.
 */
public final class GnpyNetworkReader {

  /** gnpy's Fiber loss_coef when absent, in dB/km. */
  public static final double DEFAULT_LOSS_COEF_DB_PER_KM = 0.2;

  /** gnpy's Fused loss when absent, in dB. */
  public static final double DEFAULT_FUSED_LOSS_DB = 1.0;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GnpyEquipment equipment;

  public GnpyNetworkReader(GnpyEquipment equipment) {
    this.equipment = equipment;
  }

  /** A reader with gnpy's example equipment library. */
  public GnpyNetworkReader() {
    this(GnpyEquipment.defaults());
  }

  /** True when {@code root} looks like a gnpy network (it has an "elements" array). */
  public static boolean isGnpyNetwork(JsonNode root) {
    return root.path("elements").isArray();
  }

  public GnpyImport read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new GnpyFormatException("cannot read gnpy network " + file + ": " + e.getMessage(), e);
    }
    return read(root);
  }

  public GnpyImport read(JsonNode root) {
    if (!isGnpyNetwork(root)) {
      throw new GnpyFormatException("not a gnpy network: no \"elements\" array");
    }
    List<String> warnings = new ArrayList<>();
    Map<String, JsonNode> elements = new LinkedHashMap<>();
    for (JsonNode e : root.path("elements")) {
      String uid = text(e, "uid");
      if (uid.isEmpty()) {
        throw new GnpyFormatException("element without uid: " + e);
      }
      if (elements.put(uid, e) != null) {
        throw new GnpyFormatException("duplicate element uid " + uid);
      }
    }
    Map<String, List<String>> next = new HashMap<>();
    for (JsonNode c : root.path("connections")) {
      String from = text(c, "from_node");
      String to = text(c, "to_node");
      if (!elements.containsKey(from) || !elements.containsKey(to)) {
        throw new GnpyFormatException("connection " + from + " -> " + to + " names an unknown element");
      }
      next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    }

    Set<String> reached = new HashSet<>();
    List<Chain> chains = new ArrayList<>();
    Map<String, Double> boosterGainDb = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : elements.entrySet()) {
      if (!isTerminal(e.getValue())) {
        continue;
      }
      reached.add(e.getKey());
      for (String first : next.getOrDefault(e.getKey(), List.of())) {
        Chain chain = walk(e.getKey(), first, elements, next, reached, warnings);
        if (chain.boosterGainDb != null) {
          boosterGainDb.merge(e.getKey(), chain.boosterGainDb, Math::max);
        }
        chains.add(chain);
      }
    }
    for (String uid : elements.keySet()) {
      if (!reached.contains(uid)) {
        warnings.add("element " + uid + " is not on any Roadm/Transceiver chain; left out");
      }
    }

    List<Node> nodes = new ArrayList<>();
    double designedBoosterGainDb = equipment.launchPowerDbm() - equipment.roadmTargetPchOutDbm();
    for (Map.Entry<String, JsonNode> e : elements.entrySet()) {
      JsonNode el = e.getValue();
      if (!isTerminal(el)) {
        continue;
      }
      boolean roadm = type(el).equals("Roadm");
      double il = roadm ? boosterGainDb.getOrDefault(e.getKey(), designedBoosterGainDb) : 0.0;
      String site = el.path("metadata").path("location").path("city").asText("");
      nodes.add(new Node(e.getKey(), site, roadm ? NodeKind.ROADM : NodeKind.TRANSPONDER,
          List.of(), 0.0, il, Map.of()));
    }
    return new GnpyImport(root.path("network_name").asText(""),
        Topology.of(nodes, pair(chains, warnings)), warnings);
  }

  /**
   * One chain per fiber pair: a chain whose reverse was already taken is dropped, with a warning
   * when the two directions differ in length by more than 1 %.
   */
  private static List<Fiber> pair(List<Chain> chains, List<String> warnings) {
    Map<String, ArrayDeque<Fiber>> unpaired = new HashMap<>();
    Map<String, Integer> idUse = new HashMap<>();
    List<Fiber> fibers = new ArrayList<>();
    for (Chain c : chains) {
      double chainKm = c.spans.stream().mapToDouble(Span::lengthKm).sum();
      ArrayDeque<Fiber> waiting = unpaired.get(c.to + "\u0000" + c.from);
      if (waiting != null && !waiting.isEmpty()) {
        Fiber forward = waiting.poll();
        if (Math.abs(forward.lengthKm() - chainKm) > 0.01 * forward.lengthKm() + 1e-6) {
          warnings.add("fiber " + forward.id() + ": the " + c.from + " -> " + c.to + " direction is "
              + chainKm + " km, the modelled direction " + forward.lengthKm() + " km");
        }
        continue;
      }
      String base = c.from + "-" + c.to;
      int n = idUse.merge(base, 1, Integer::sum);
      String id = n == 1 ? base : base + "#" + n;
      double length = c.spans.stream().mapToDouble(Span::lengthKm).sum();
      double loss = c.spans.stream().mapToDouble(Span::lossDb).sum();
      Fiber fiber = new Fiber(id, c.from, "", c.to, "", length, loss,
          Fiber.DEFAULT_GROUP_DELAY_US_PER_KM, c.spans, Set.of());
      fibers.add(fiber);
      unpaired.computeIfAbsent(c.from + "\u0000" + c.to, k -> new ArrayDeque<>()).add(fiber);
    }
    return fibers;
  }

  private Chain walk(String from, String first, Map<String, JsonNode> elements,
      Map<String, List<String>> next, Set<String> reached, List<String> warnings) {
    Chain chain = new Chain(from);
    PendingSpan pending = null;
    double carriedLossDb = 0; // Fused loss before the first fiber of a span
    String previousAmp = null;
    String cur = first;
    Set<String> seen = new HashSet<>();
    while (true) {
      if (!seen.add(cur)) {
        throw new GnpyFormatException("the chain from " + from + " loops at " + cur);
      }
      JsonNode el = elements.get(cur);
      reached.add(cur);
      if (isTerminal(el)) {
        if (pending != null) {
          pending.connectorLossDb += carriedLossDb;
          chain.spans.add(pending.toSpan(null));
        }
        chain.to = cur;
        return chain;
      }
      switch (type(el)) {
        case "Fiber", "RamanFiber" -> {
          if (type(el).equals("RamanFiber")) {
            warnings.add(cur + ": Raman pumping is not modelled; treated as a passive Fiber");
          }
          FiberParams fp = fiberParams(cur, el, warnings);
          if (pending != null && pending.fusedSinceLastFiber) {
            pending.merge(fp, carriedLossDb);
          } else {
            if (pending != null) {
              chain.spans.add(pending.toSpan(null));
            }
            pending = new PendingSpan(fp, carriedLossDb);
          }
          carriedLossDb = 0;
          previousAmp = null;
        }
        case "Fused" -> {
          double loss = el.path("params").path("loss").asDouble(DEFAULT_FUSED_LOSS_DB);
          if (pending != null) {
            pending.fusedSinceLastFiber = true;
          }
          carriedLossDb += loss;
        }
        case "Edfa" -> {
          if (pending != null) {
            double spanLoss = pending.lossDb() + carriedLossDb;
            pending.connectorLossDb += carriedLossDb;
            carriedLossDb = 0;
            chain.spans.add(pending.toSpan(amplifier(cur, el, spanLoss, warnings)));
            pending = null;
            previousAmp = cur;
          } else if (chain.spans.isEmpty() && previousAmp == null) {
            chain.boosterGainDb = el.path("operational").has("gain_target")
                ? el.path("operational").path("gain_target").asDouble()
                : equipment.launchPowerDbm() - equipment.roadmTargetPchOutDbm();
            previousAmp = cur;
          } else {
            warnings.add(cur + ": amplifier directly after " + previousAmp
                + " is not modelled separately");
          }
        }
        default -> throw new GnpyFormatException(
            "element " + cur + " has unsupported type \"" + type(el) + "\"");
      }
      List<String> succ = next.getOrDefault(cur, List.of());
      if (succ.size() != 1) {
        throw new GnpyFormatException("the chain from " + from + " "
            + (succ.isEmpty() ? "ends at " + cur + " without reaching a Roadm or Transceiver"
                : "branches at " + cur + " to " + succ));
      }
      cur = succ.get(0);
    }
  }

  private Amplifier amplifier(String uid, JsonNode el, double spanLossDb, List<String> warnings) {
    JsonNode op = el.path("operational");
    boolean explicitGain = op.has("gain_target") && !op.path("gain_target").isNull();
    double gainDb = explicitGain ? op.path("gain_target").asDouble() : spanLossDb;
    String variety = el.path("type_variety").asText(GnpyEquipment.DEFAULT_EDFA);
    GnpyEquipment.EdfaType type = equipment.edfaTypes().get(variety);
    if (type == null) {
      warnings.add(uid + ": EDFA type_variety " + variety + " unknown or not a variable/fixed-gain "
          + "model; using " + GnpyEquipment.DEFAULT_EDFA);
      type = equipment.edfaTypes().get(GnpyEquipment.DEFAULT_EDFA);
    }
    double nf = type.noiseFigureDb(gainDb);
    // gain 0 in the model means "exactly the span loss", which is what gnpy designs when absent
    return new Amplifier(uid, explicitGain ? gainDb : 0.0, nf, equipment.launchPowerDbm());
  }

  private FiberParams fiberParams(String uid, JsonNode el, List<String> warnings) {
    JsonNode p = el.path("params");
    if (!p.has("length")) {
      throw new GnpyFormatException("Fiber " + uid + " has no params.length");
    }
    double length = p.path("length").asDouble();
    String units = p.path("length_units").asText("km");
    double lengthKm = switch (units) {
      case "km" -> length;
      case "m" -> length / 1000.0;
      default -> throw new GnpyFormatException("Fiber " + uid + ": unknown length_units " + units);
    };
    double lossCoef = DEFAULT_LOSS_COEF_DB_PER_KM;
    JsonNode lc = p.path("loss_coef");
    if (lc.isNumber()) {
      lossCoef = lc.asDouble();
    } else if (lc.isObject()) {
      // frequency-dependent loss: gnpy interpolates; one value per fiber here (the mean)
      double sum = 0;
      int n = 0;
      for (JsonNode v : lc.path("value")) {
        sum += v.asDouble();
        n++;
      }
      if (n > 0) {
        lossCoef = sum / n;
        warnings.add(uid + ": frequency-dependent loss_coef averaged to " + lossCoef + " dB/km");
      }
    }
    String variety = el.path("type_variety").asText(GnpyEquipment.DEFAULT_FIBER);
    GnpyEquipment.FiberType type = equipment.fiberTypes().get(variety);
    if (type == null) {
      warnings.add(uid + ": fiber type_variety " + variety + " unknown; using SSMF");
      type = equipment.fiberTypes().get(GnpyEquipment.DEFAULT_FIBER);
    }
    double dispersion = p.has("dispersion") ? p.path("dispersion").asDouble() * 1e6
        : type.dispersionPsPerNmKm();
    Double gamma = GnpyEquipment.gammaPerWKm(p);
    double connector = p.path("con_in").asDouble(0) + p.path("con_out").asDouble(0)
        + p.path("att_in").asDouble(0);
    return new FiberParams(lengthKm, lossCoef, dispersion,
        gamma != null ? gamma : type.gammaPerWKm(), connector);
  }

  private static boolean isTerminal(JsonNode el) {
    String t = type(el);
    return t.equals("Roadm") || t.equals("Transceiver");
  }

  private static String type(JsonNode el) {
    return el.path("type").asText("");
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).asText("");
  }

  private record FiberParams(double lengthKm, double lossCoefDbPerKm, double dispersionPsPerNmKm,
      double gammaPerWKm, double connectorLossDb) {}

  /** A span being assembled: fibers joined by Fused merge, length-weighted. */
  private static final class PendingSpan {
    double lengthKm;
    double fiberLossDb;
    double dispersionWeighted;
    double gammaWeighted;
    double connectorLossDb;
    boolean fusedSinceLastFiber;

    PendingSpan(FiberParams fp, double carriedLossDb) {
      lengthKm = fp.lengthKm();
      fiberLossDb = fp.lengthKm() * fp.lossCoefDbPerKm();
      dispersionWeighted = fp.dispersionPsPerNmKm() * fp.lengthKm();
      gammaWeighted = fp.gammaPerWKm() * fp.lengthKm();
      connectorLossDb = fp.connectorLossDb() + carriedLossDb;
    }

    void merge(FiberParams fp, double fusedLossDb) {
      lengthKm += fp.lengthKm();
      fiberLossDb += fp.lengthKm() * fp.lossCoefDbPerKm();
      dispersionWeighted += fp.dispersionPsPerNmKm() * fp.lengthKm();
      gammaWeighted += fp.gammaPerWKm() * fp.lengthKm();
      connectorLossDb += fp.connectorLossDb() + fusedLossDb;
      fusedSinceLastFiber = false;
    }

    double lossDb() {
      return fiberLossDb + connectorLossDb;
    }

    Span toSpan(Amplifier amp) {
      double l = lengthKm > 0 ? lengthKm : 1e-9;
      return new Span(lengthKm, fiberLossDb / l, dispersionWeighted / l, gammaWeighted / l,
          connectorLossDb, amp);
    }
  }

  private static final class Chain {
    final String from;
    String to;
    final List<Span> spans = new ArrayList<>();
    Double boosterGainDb;

    Chain(String from) {
      this.from = from;
    }
  }
}
