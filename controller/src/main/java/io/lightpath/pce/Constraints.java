package io.lightpath.pce;

import java.util.List;
import java.util.Set;

/**
 * Routing constraints of a request.
 *
 * @param metric how to rank routes, or {@code null} for the configured default
 * @param k how many candidate routes to try, or 0 for the configured default
 * @param maxLatencyUs one-way latency bound in µs, or 0 for none
 * @param includeNodes nodes every route must pass through
 * @param excludeNodes nodes no route may use
 * @param includeFibers fibers every route must use
 * @param excludeFibers fibers no route may use
 * @param excludeSrlgs SRLGs no route may touch
 * @param diverseFrom routes of existing services (fiber ids in order) the new route must not
 *     share a fiber, transit node or SRLG with
 */
public record Constraints(
    PathMetric metric,
    int k,
    double maxLatencyUs,
    Set<String> includeNodes,
    Set<String> excludeNodes,
    Set<String> includeFibers,
    Set<String> excludeFibers,
    Set<String> excludeSrlgs,
    List<List<String>> diverseFrom) {

  /** No constraints: default metric and k, no latency bound. */
  public static final Constraints NONE =
      new Constraints(null, 0, 0, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());

  public Constraints {
    includeNodes = Set.copyOf(includeNodes);
    excludeNodes = Set.copyOf(excludeNodes);
    includeFibers = Set.copyOf(includeFibers);
    excludeFibers = Set.copyOf(excludeFibers);
    excludeSrlgs = Set.copyOf(excludeSrlgs);
    diverseFrom = diverseFrom.stream().map(List::copyOf).toList();
  }

  /** Whether any include, exclude or diversity constraint is set (routes can't come from cache). */
  boolean restrictsRoutes() {
    return !includeNodes.isEmpty() || !excludeNodes.isEmpty() || !includeFibers.isEmpty()
        || !excludeFibers.isEmpty() || !excludeSrlgs.isEmpty() || !diverseFrom.isEmpty();
  }

  boolean hasLatencyBound() {
    return maxLatencyUs > 0 && Double.isFinite(maxLatencyUs);
  }

  public Constraints withMetric(PathMetric m) {
    return new Constraints(m, k, maxLatencyUs, includeNodes, excludeNodes, includeFibers,
        excludeFibers, excludeSrlgs, diverseFrom);
  }

  public Constraints withK(int newK) {
    return new Constraints(metric, newK, maxLatencyUs, includeNodes, excludeNodes, includeFibers,
        excludeFibers, excludeSrlgs, diverseFrom);
  }

  public Constraints withMaxLatencyUs(double us) {
    return new Constraints(metric, k, us, includeNodes, excludeNodes, includeFibers,
        excludeFibers, excludeSrlgs, diverseFrom);
  }

  public Constraints withInclude(Set<String> nodes, Set<String> fibers) {
    return new Constraints(metric, k, maxLatencyUs, nodes, excludeNodes, fibers, excludeFibers,
        excludeSrlgs, diverseFrom);
  }

  public Constraints withExclude(Set<String> nodes, Set<String> fibers, Set<String> srlgs) {
    return new Constraints(metric, k, maxLatencyUs, includeNodes, nodes, includeFibers, fibers,
        srlgs, diverseFrom);
  }

  public Constraints withDiverseFrom(List<List<String>> routes) {
    return new Constraints(metric, k, maxLatencyUs, includeNodes, excludeNodes, includeFibers,
        excludeFibers, excludeSrlgs, routes);
  }
}
