package io.lightpath.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense integer indexes over one {@link Topology} snapshot, for graph algorithms: node and fiber
 * numbers, incidence lists, per-fiber length and latency, SRLG membership. Immutable; built once
 * per snapshot (see {@link Topology#index()}), so arrays are shared read-only and never copied.
 */
public final class TopologyIndex {
  private final Node[] nodes;
  private final Fiber[] fibers;
  private final Map<String, Integer> nodeIndex;
  private final Map<String, Integer> fiberIndex;
  private final int[] fiberA;
  private final int[] fiberZ;
  private final int[][] incident;
  private final double[] fiberLengthKm;
  private final double[] fiberLatencyUs;
  private final double[] nodeDelayUs;
  private final String[] srlgIds;
  private final int[][] fiberSrlgs;
  private final int[][] srlgFibers;

  TopologyIndex(Topology topology) {
    int n = topology.nodes().size();
    int m = topology.fibers().size();
    nodes = topology.nodes().values().toArray(new Node[0]);
    fibers = topology.fibers().values().toArray(new Fiber[0]);
    nodeIndex = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      nodeIndex.put(nodes[i].id(), i);
    }
    fiberIndex = new HashMap<>(m * 2);
    fiberA = new int[m];
    fiberZ = new int[m];
    fiberLengthKm = new double[m];
    fiberLatencyUs = new double[m];
    int[] degree = new int[n];
    Map<String, Integer> srlgIndex = new HashMap<>();
    List<String> srlgNames = new ArrayList<>();
    fiberSrlgs = new int[m][];
    for (int f = 0; f < m; f++) {
      Fiber fiber = fibers[f];
      fiberIndex.put(fiber.id(), f);
      fiberA[f] = nodeIndex.get(fiber.aNodeId());
      fiberZ[f] = nodeIndex.get(fiber.zNodeId());
      fiberLengthKm[f] = fiber.lengthKm();
      fiberLatencyUs[f] = fiber.latencyUs();
      degree[fiberA[f]]++;
      degree[fiberZ[f]]++;
      int[] s = new int[fiber.srlgIds().size()];
      int j = 0;
      for (String srlg : fiber.srlgIds().stream().sorted().toList()) {
        Integer idx = srlgIndex.get(srlg);
        if (idx == null) {
          idx = srlgNames.size();
          srlgIndex.put(srlg, idx);
          srlgNames.add(srlg);
        }
        s[j++] = idx;
      }
      fiberSrlgs[f] = s;
    }
    incident = new int[n][];
    for (int i = 0; i < n; i++) {
      incident[i] = new int[degree[i]];
      degree[i] = 0;
    }
    for (int f = 0; f < m; f++) {
      incident[fiberA[f]][degree[fiberA[f]]++] = f;
      incident[fiberZ[f]][degree[fiberZ[f]]++] = f;
    }
    nodeDelayUs = new double[n];
    for (int i = 0; i < n; i++) {
      nodeDelayUs[i] = nodes[i].nodeDelayUs();
    }
    srlgIds = srlgNames.toArray(new String[0]);
    int[] srlgSize = new int[srlgIds.length];
    for (int[] s : fiberSrlgs) {
      for (int g : s) {
        srlgSize[g]++;
      }
    }
    srlgFibers = new int[srlgIds.length][];
    for (int g = 0; g < srlgIds.length; g++) {
      srlgFibers[g] = new int[srlgSize[g]];
      srlgSize[g] = 0;
    }
    for (int f = 0; f < m; f++) {
      for (int g : fiberSrlgs[f]) {
        srlgFibers[g][srlgSize[g]++] = f;
      }
    }
  }

  public int nodeCount() {
    return nodes.length;
  }

  public int fiberCount() {
    return fibers.length;
  }

  /** Index of a node id, or -1 when unknown. */
  public int nodeIndex(String id) {
    Integer i = nodeIndex.get(id);
    return i == null ? -1 : i;
  }

  /** Index of a fiber id, or -1 when unknown. */
  public int fiberIndex(String id) {
    Integer i = fiberIndex.get(id);
    return i == null ? -1 : i;
  }

  public Node node(int index) {
    return nodes[index];
  }

  public Fiber fiber(int index) {
    return fibers[index];
  }

  /** Node index at the A end of fiber {@code f}. */
  public int fiberA(int f) {
    return fiberA[f];
  }

  /** Node index at the Z end of fiber {@code f}. */
  public int fiberZ(int f) {
    return fiberZ[f];
  }

  /** The other end of fiber {@code f} from node {@code node}. */
  public int otherEnd(int f, int node) {
    return fiberA[f] == node ? fiberZ[f] : fiberA[f];
  }

  /** Fibers touching node {@code node}; the array is shared, do not modify it. */
  public int[] incident(int node) {
    return incident[node];
  }

  public double fiberLengthKm(int f) {
    return fiberLengthKm[f];
  }

  /** Propagation delay over fiber {@code f}, in µs. */
  public double fiberLatencyUs(int f) {
    return fiberLatencyUs[f];
  }

  /** Delay through node {@code node}, in µs. */
  public double nodeDelayUs(int node) {
    return nodeDelayUs[node];
  }

  /** Whether light may pass through the node (transponders terminate it). */
  public boolean transitAllowed(int node) {
    return nodes[node].kind() != NodeKind.TRANSPONDER;
  }

  public int srlgCount() {
    return srlgIds.length;
  }

  /** Index of an SRLG id, or -1 when no fiber belongs to it. */
  public int srlgIndex(String id) {
    for (int g = 0; g < srlgIds.length; g++) {
      if (srlgIds[g].equals(id)) {
        return g;
      }
    }
    return -1;
  }

  public String srlgId(int g) {
    return srlgIds[g];
  }

  /** SRLG indexes of fiber {@code f}; shared, do not modify. */
  public int[] fiberSrlgs(int f) {
    return fiberSrlgs[f];
  }

  /** Fibers in SRLG {@code g}; shared, do not modify. */
  public int[] srlgFibers(int g) {
    return srlgFibers[g];
  }
}
