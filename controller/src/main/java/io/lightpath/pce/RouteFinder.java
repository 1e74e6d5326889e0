package io.lightpath.pce;

import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Candidate routes over one topology snapshot. Unconstrained k-shortest lists are cached per
 * (source, destination, metric); a new snapshot gets a new finder, which is how the cache is
 * invalidated on topology change. Thread-safe.
 */
final class RouteFinder {
  private final Topology topology;
  private final TopologyIndex index;
  private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Cached> collapsedCache = new ConcurrentHashMap<>();
  private final ParallelFibers parallel;

  RouteFinder(Topology topology) {
    this.topology = topology;
    this.index = topology.index();
    this.parallel = new ParallelFibers(topology);
  }

  /** The parallel-fiber groups of this snapshot. */
  ParallelFibers parallel() {
    return parallel;
  }

  Topology topology() {
    return topology;
  }

  TopologyIndex index() {
    return index;
  }

  /** Up to k shortest routes without route constraints, over the full multigraph; cached. */
  List<Route> shortest(int src, int dst, int k, PathMetric metric) {
    return shortest(cache, index, src, dst, k, metric);
  }

  /**
   * Up to k shortest routes without route constraints over the graph with one fiber per group of
   * interchangeable parallel fibers ({@link ParallelFibers}); the routes name each group's
   * representative, to be bound to a member with free spectrum at assignment. Cached.
   */
  List<Route> shortestOverParallel(int src, int dst, int k, PathMetric metric) {
    return shortest(collapsedCache, parallel.collapsed(), src, dst, k, metric);
  }

  private List<Route> shortest(ConcurrentHashMap<Long, Cached> cache, TopologyIndex on, int src,
      int dst, int k, PathMetric metric) {
    long key = ((long) src * index.nodeCount() + dst) * PathMetric.values().length
        + metric.ordinal();
    Cached cached = cache.get(key);
    if (cached == null || !cached.answers(k)) {
      List<Route> found = KShortestPaths.find(on, src, dst, k, metric);
      Cached fresh = new Cached(k, on == index ? List.copyOf(found)
          : found.stream().map(parallel::toFull).toList());
      cached = cache.merge(key, fresh, (old, neu) -> old.k >= neu.k ? old : neu);
      if (!cached.answers(k)) {
        cached = fresh;
      }
    }
    return cached.routes.size() > k ? cached.routes.subList(0, k) : cached.routes;
  }

  /** Routes found for k; fewer than k means there are no more. */
  private record Cached(int k, List<Route> routes) {
    boolean answers(int wanted) {
      return k >= wanted || routes.size() < k;
    }
  }

  /** Up to k routes avoiding {@code mask} and passing {@code accept}. */
  List<Route> constrained(int src, int dst, int k, PathMetric metric, Mask mask,
      Predicate<Route> accept) {
    return KShortestPaths.find(index, src, dst, k, metric, mask, accept, Math.max(64, k * 16));
  }

  /** Routes with the least latency first; used when a latency bound rejects every hop-ranked one. */
  List<Route> lowestLatency(int src, int dst, int k, Mask mask, Predicate<Route> accept) {
    return new ArrayList<>(constrained(src, dst, k, PathMetric.LATENCY, mask, accept));
  }

  int cacheSize() {
    return cache.size();
  }
}
