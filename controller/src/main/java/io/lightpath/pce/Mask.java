package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;

/** Nodes and fibers a route may not use, by index. Mutable and confined to one computation. */
final class Mask {
  final boolean[] nodes;
  final boolean[] fibers;

  Mask(int nodeCount, int fiberCount) {
    this.nodes = new boolean[nodeCount];
    this.fibers = new boolean[fiberCount];
  }

  static Mask none(TopologyIndex index) {
    return new Mask(index.nodeCount(), index.fiberCount());
  }

  Mask copy() {
    Mask m = new Mask(nodes.length, fibers.length);
    System.arraycopy(nodes, 0, m.nodes, 0, nodes.length);
    System.arraycopy(fibers, 0, m.fibers, 0, fibers.length);
    return m;
  }

  /** Blocks the route's fibers, its transit nodes and every fiber sharing an SRLG with it. */
  void blockDiverse(TopologyIndex index, Route route, boolean srlg) {
    int[] ns = route.nodes();
    for (int i = 1; i < ns.length - 1; i++) {
      nodes[ns[i]] = true;
    }
    for (int f : route.fibers()) {
      fibers[f] = true;
      if (srlg) {
        for (int g : index.fiberSrlgs(f)) {
          for (int other : index.srlgFibers(g)) {
            fibers[other] = true;
          }
        }
      }
    }
  }
}
