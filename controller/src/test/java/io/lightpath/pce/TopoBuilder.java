package io.lightpath.pce;

import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.QotEstimate;
import io.lightpath.qot.QotEstimator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Hand-made and seeded random topologies for tests. */
final class TopoBuilder {
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Fiber> fibers = new ArrayList<>();

  TopoBuilder roadm(String... ids) {
    for (String id : ids) {
      nodes.put(id, new Node(id, "", NodeKind.ROADM, List.of(), 0, 0, Map.of()));
    }
    return this;
  }

  /** A ROADM with the given ADD_DROP ports (it can add/drop that many channels at once). */
  TopoBuilder roadmWithAddDrop(String id, String... portIds) {
    return siteRoadm(id, "", portIds);
  }

  /** As {@link #roadmWithAddDrop}, at site {@code site}. */
  TopoBuilder siteRoadm(String id, String site, String... portIds) {
    List<io.lightpath.model.Port> ports = new ArrayList<>();
    for (String p : portIds) {
      ports.add(new io.lightpath.model.Port(p, io.lightpath.model.Port.PortRole.ADD_DROP));
    }
    ports.add(new io.lightpath.model.Port("line-1", io.lightpath.model.Port.PortRole.LINE));
    nodes.put(id, new Node(id, site, NodeKind.ROADM, ports, 0, 0, Map.of()));
    return this;
  }

  TopoBuilder node(String id, NodeKind kind, String site, double delayUs, Map<String, Integer> tx) {
    nodes.put(id, new Node(id, site, kind, List.of(), delayUs, 0, tx));
    return this;
  }

  /** A transponder with the given LINE ports and {@code tx} transceivers of type "T". */
  TopoBuilder transponder(String id, int tx, String... linePorts) {
    List<io.lightpath.model.Port> ports = new ArrayList<>();
    for (String p : linePorts) {
      ports.add(new io.lightpath.model.Port(p, io.lightpath.model.Port.PortRole.LINE));
    }
    nodes.put(id, new Node(id, "", NodeKind.TRANSPONDER, ports, 0, 0, Map.of("T", tx)));
    return this;
  }

  /** A fiber with port ids at both ends. */
  TopoBuilder fiber(String id, String a, String aPort, String z, String zPort, double km) {
    for (String n : List.of(a, z)) {
      nodes.putIfAbsent(n, new Node(n, "", NodeKind.ROADM, List.of(), 0, 0, Map.of()));
    }
    fibers.add(new Fiber(id, a, aPort, z, zPort, km, km * 0.2, Fiber.DEFAULT_GROUP_DELAY_US_PER_KM,
        List.of(), Set.of()));
    return this;
  }

  TopoBuilder fiber(String id, String a, String z, double km, String... srlgs) {
    for (String n : List.of(a, z)) {
      nodes.putIfAbsent(n, new Node(n, "", NodeKind.ROADM, List.of(), 0, 0, Map.of()));
    }
    fibers.add(new Fiber(id, a, "", z, "", km, km * 0.2, Fiber.DEFAULT_GROUP_DELAY_US_PER_KM,
        List.of(), Set.of(srlgs)));
    return this;
  }

  Topology build() {
    return Topology.of(new ArrayList<>(nodes.values()), fibers);
  }

  /** Connected random graph: a random spanning tree plus extra edges; lengths 50..1000 km. */
  static Topology random(long seed, int n, int extraEdges) {
    Random rnd = new Random(seed);
    TopoBuilder b = new TopoBuilder();
    for (int i = 0; i < n; i++) {
      b.roadm("n" + i);
    }
    int f = 0;
    for (int i = 1; i < n; i++) {
      b.fiber("f" + f++, "n" + rnd.nextInt(i), "n" + i, 50 + rnd.nextInt(950));
    }
    for (int e = 0; e < extraEdges; e++) {
      int a = rnd.nextInt(n);
      int z = rnd.nextInt(n);
      if (a != z) {
        b.fiber("f" + f++, "n" + a, "n" + z, 50 + rnd.nextInt(950));
      }
    }
    return b.build();
  }

  /** A mode of {@code widthGhz}, rate and required GSNR, of transceiver type {@code type}. */
  static TransceiverMode mode(String id, String type, int gbps, int widthGhz, double gsnrDb) {
    return new TransceiverMode(id, type, gbps, widthGhz * 0.8, "DP-16QAM", widthGhz * 1000L,
        gsnrDb, 40, -10, 0, 20);
  }

  static final TransceiverMode M400 = mode("400G-75", "T", 400, 75, 20);
  static final TransceiverMode M200 = mode("200G-75", "T", 200, 75, 14);
  static final TransceiverMode M100 = mode("100G-50", "T", 100, 50, 10);

  /** GSNR falls linearly with length: 30 dB minus 0.01 dB/km (1,000 km costs 10 dB). */
  static final QotEstimator LINEAR_QOT = (fs, ns, mode) -> {
    double km = fs.stream().mapToDouble(Fiber::lengthKm).sum();
    double gsnr = 30 - 0.01 * km;
    return new QotEstimate(gsnr, gsnr + 3, gsnr - mode.requiredGsnrDb());
  };
}
