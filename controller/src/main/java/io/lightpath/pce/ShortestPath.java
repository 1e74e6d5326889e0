package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import java.util.Arrays;

/**
 * Dijkstra over a {@link TopologyIndex} with blocked nodes and fibers. Transponder nodes are
 * never transit. Ties are broken by fewer hops, so HOPS and KM results are deterministic.
 */
final class ShortestPath {
  private ShortestPath() {}

  /** The shortest route, or {@code null} when {@code dst} cannot be reached. */
  static Route find(TopologyIndex index, int src, int dst, PathMetric metric, Mask mask) {
    int n = index.nodeCount();
    double[] dist = new double[n];
    int[] hops = new int[n];
    int[] viaFiber = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(viaFiber, -1);
    boolean[] done = new boolean[n];
    // Binary heap with keys copied into the entries (lazy deletion): an entry's key never
    // changes after insertion, so the heap order stays valid when dist[] improves.
    Heap heap = new Heap(Math.max(4, index.fiberCount() + 1));
    dist[src] = 0;
    heap.push(src, 0, 0);
    while (heap.size > 0) {
      int u = heap.pop();
      if (done[u]) {
        continue;
      }
      done[u] = true;
      if (u == dst) {
        break;
      }
      if (u != src && !index.transitAllowed(u)) {
        continue;
      }
      for (int f : index.incident(u)) {
        if (mask.fibers[f]) {
          continue;
        }
        int v = index.otherEnd(f, u);
        if (done[v] || mask.nodes[v]) {
          continue;
        }
        double d = dist[u] + metric.weight(index, f, v);
        if (d < dist[v] || (d == dist[v] && hops[u] + 1 < hops[v])) {
          dist[v] = d;
          hops[v] = hops[u] + 1;
          viaFiber[v] = f;
          heap.push(v, d, hops[v]);
        }
      }
    }
    if (!done[dst]) {
      return null;
    }
    int len = hops[dst];
    int[] nodes = new int[len + 1];
    int[] fibers = new int[len];
    int v = dst;
    for (int i = len; i > 0; i--) {
      nodes[i] = v;
      fibers[i - 1] = viaFiber[v];
      v = index.otherEnd(viaFiber[v], v);
    }
    nodes[0] = src;
    return Route.of(index, nodes, fibers, metric);
  }

  /** Min-heap of (key, hops, node) entries. */
  private static final class Heap {
    int[] node;
    double[] key;
    int[] hops;
    int size;

    Heap(int capacity) {
      node = new int[capacity];
      key = new double[capacity];
      hops = new int[capacity];
    }

    void push(int v, double k, int h) {
      if (size == node.length) {
        node = Arrays.copyOf(node, size * 2);
        key = Arrays.copyOf(key, size * 2);
        hops = Arrays.copyOf(hops, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!less(k, h, key[p], hops[p])) {
          break;
        }
        move(p, i);
        i = p;
      }
      node[i] = v;
      key[i] = k;
      hops[i] = h;
    }

    int pop() {
      int top = node[0];
      size--;
      if (size > 0) {
        int v = node[size];
        double k = key[size];
        int h = hops[size];
        int i = 0;
        while (true) {
          int c = 2 * i + 1;
          if (c >= size) {
            break;
          }
          if (c + 1 < size && less(key[c + 1], hops[c + 1], key[c], hops[c])) {
            c++;
          }
          if (!less(key[c], hops[c], k, h)) {
            break;
          }
          move(c, i);
          i = c;
        }
        node[i] = v;
        key[i] = k;
        hops[i] = h;
      }
      return top;
    }

    private void move(int from, int to) {
      node[to] = node[from];
      key[to] = key[from];
      hops[to] = hops[from];
    }

    private static boolean less(double k1, int h1, double k2, int h2) {
      return k1 < k2 || (k1 == k2 && h1 < h2);
    }
  }
}
