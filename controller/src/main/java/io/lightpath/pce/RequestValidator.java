package io.lightpath.pce;

import io.lightpath.model.TopologyIndex;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.PathRequest.Bundle;
import io.lightpath.pce.PathRequest.Protection;
import io.lightpath.pce.PathResult.Failure;
import io.lightpath.spectrum.SpectrumGrid;
import java.util.List;
import java.util.Set;

/** Rejects requests that contradict themselves or the topology, with CONSTRAINT_CONFLICT. */
final class RequestValidator {
  private final TopologyIndex index;
  private final PceConfig config;

  RequestValidator(TopologyIndex index, PceConfig config) {
    this.index = index;
    this.config = config;
  }

  /** The first problem found, or {@code null} when the request is consistent. */
  Failure validate(PathRequest r) {
    for (String n : List.of(r.aNodeId(), r.zNodeId())) {
      if (index.nodeIndex(n) < 0) {
        return conflict("unknown endpoint node " + n, n);
      }
    }
    if (r.aNodeId().equals(r.zNodeId())) {
      return conflict("both endpoints are node " + r.aNodeId(), r.aNodeId());
    }
    if (r.modes().isEmpty()) {
      return conflict("no candidate transceiver modes given", "modes");
    }
    for (TransceiverMode m : r.modes()) {
      if (m.widthMhz() <= 0 || m.widthMhz() % SpectrumGrid.WIDTH_GRANULARITY_MHZ != 0) {
        return conflict("mode " + m.id() + " has width " + m.widthMhz()
            + " MHz, not a positive multiple of 12.5 GHz", m.id());
      }
    }
    Constraints c = r.constraints();
    Failure f = unknownIds(c);
    if (f != null) {
      return f;
    }
    for (String n : c.includeNodes()) {
      if (c.excludeNodes().contains(n)) {
        return conflict("node " + n + " is both included and excluded", n);
      }
    }
    for (String fib : c.includeFibers()) {
      if (c.excludeFibers().contains(fib)) {
        return conflict("fiber " + fib + " is both included and excluded", fib);
      }
      for (String g : index.fiber(index.fiberIndex(fib)).srlgIds()) {
        if (c.excludeSrlgs().contains(g)) {
          return conflict("included fiber " + fib + " is in excluded SRLG " + g, fib);
        }
      }
    }
    for (String n : List.of(r.aNodeId(), r.zNodeId())) {
      if (c.excludeNodes().contains(n)) {
        return conflict("endpoint " + n + " is excluded", n);
      }
    }
    if (r.pinnedSlots() != null) {
      if (r.pinnedSlots().end() > config.grid().slotCount()) {
        return conflict("pinned slots " + r.pinnedSlots() + " run past the grid's "
            + config.grid().slotCount() + " slots", "pinnedSlots");
      }
      boolean widthMatches = r.modes().stream()
          .anyMatch(m -> m.widthMhz() == r.pinnedSlots().widthMhz());
      if (!widthMatches) {
        return conflict("no candidate mode is " + r.pinnedSlots().widthMhz()
            + " MHz wide like the pinned slots " + r.pinnedSlots(), "pinnedSlots");
      }
    }
    Bundle b = r.bundle();
    if (b != null) {
      if (b.channels() < 1 || b.minRoutes() < 1 || b.minRoutes() > b.channels()) {
        return conflict("bundle needs 1 <= routes (" + b.minRoutes() + ") <= channels ("
            + b.channels() + ")", "bundle");
      }
      if (r.protection() != Protection.NONE) {
        return conflict("a bundle cannot also ask for 1+1 protection", "protection");
      }
      if (r.pinnedSlots() != null) {
        return conflict("pinned slots apply to a single or 1+1 channel, not to a bundle",
            "pinnedSlots");
      }
    }
    if ((b != null || r.protection() != Protection.NONE)
        && (!c.includeNodes().isEmpty() || !c.includeFibers().isEmpty())) {
      // Which of several disjoint routes would have to pass the included element is ambiguous.
      return conflict("include constraints apply to unprotected single channels only",
          "include");
    }
    return null;
  }

  private Failure unknownIds(Constraints c) {
    for (Set<String> nodes : List.of(c.includeNodes(), c.excludeNodes())) {
      for (String n : nodes) {
        if (index.nodeIndex(n) < 0) {
          return conflict("constraint names unknown node " + n, n);
        }
      }
    }
    for (Set<String> fibers : List.of(c.includeFibers(), c.excludeFibers())) {
      for (String f : fibers) {
        if (index.fiberIndex(f) < 0) {
          return conflict("constraint names unknown fiber " + f, f);
        }
      }
    }
    for (List<String> route : c.diverseFrom()) {
      for (String f : route) {
        if (index.fiberIndex(f) < 0) {
          return conflict("diverse-from route names unknown fiber " + f, f);
        }
      }
    }
    return null;
  }

  private static Failure conflict(String message, String element) {
    return new Failure(FailureReason.CONSTRAINT_CONFLICT, message, element);
  }
}
