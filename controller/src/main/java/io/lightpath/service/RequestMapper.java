package io.lightpath.service;

import com.google.rpc.Code;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.Constraints;
import io.lightpath.pce.ModePreference;
import io.lightpath.pce.PathRequest;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.spectrum.SpectrumGrid;
import io.lightpath.transceiver.TransceiverCatalog;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an API service request (already syntactically valid) to a {@link PathRequest}: transceiver
 * modes from the catalog, constraints, protection, bundle, pinned slot and the routes of the
 * services it must be diverse from. Semantic problems the request alone shows (unknown mode, mode
 * of another rate) are INVALID_ARGUMENT; unknown services named in diverse_from are NOT_FOUND;
 * whether ids exist in the topology is path computation's to say (CONSTRAINT_CONFLICT).
 */
public final class RequestMapper {
  /** A mapped request and the QoT margin it asks for, in dB. */
  public record Plan(PathRequest request, double marginDb) {}

  private final TransceiverCatalog catalog;
  private final ServiceRepository services;

  @Inject
  public RequestMapper(TransceiverCatalog catalog, ServiceRepository services) {
    this.catalog = catalog;
    this.services = services;
  }

  /** Maps {@code s}; {@code f} prefixes field paths in violations ("service"). */
  public Plan map(Service s, String f, SpectrumGrid grid, double defaultMarginDb) {
    FieldViolations v = new FieldViolations();
    List<TransceiverMode> modes = modes(s, f, v);
    io.lightpath.proto.v1.Constraints c = s.getConstraints();
    v.check(c.getIncludeSrlgIdsCount() == 0, f + ".constraints.include_srlg_ids",
        "is not supported by this controller's path computation; use include_fiber_ids");
    SlotRange pinned = null;
    if (c.hasPinnedSlot() && !modes.isEmpty()) {
      long width = c.getPinnedSlot().getWidthMhz();
      if (width == 0) {
        modes.sort(ModePreference.HIGHEST_RATE.order());
        width = modes.get(0).widthMhz();
      }
      try {
        pinned = grid.rangeOf(c.getPinnedSlot().getCenterFrequencyMhz(), width);
      } catch (IllegalArgumentException e) {
        v.add(f + ".constraints.pinned_slot", e.getMessage());
      }
    }
    v.throwIfAny();
    Constraints constraints = Constraints.NONE
        .withMaxLatencyUs(c.hasMaxLatencyUs() ? c.getMaxLatencyUs() : 0)
        .withInclude(new HashSet<>(c.getIncludeNodeIdsList()), new HashSet<>(c.getIncludeFiberIdsList()))
        .withExclude(new HashSet<>(c.getExcludeNodeIdsList()), new HashSet<>(c.getExcludeFiberIdsList()),
            new HashSet<>(c.getExcludeSrlgIdsList()))
        .withDiverseFrom(diverseRoutes(c.getDiverseFromServicesList()));
    PathRequest r = new PathRequest(s.getAEnd().getNodeId(), s.getZEnd().getNodeId(), modes,
        ModePreference.HIGHEST_RATE, constraints,
        s.getProtection() == Protection.ONE_PLUS_ONE
            ? PathRequest.Protection.ONE_PLUS_ONE : PathRequest.Protection.NONE,
        s.hasBundle() ? new PathRequest.Bundle(s.getBundle().getChannelCount(),
            Math.max(1, s.getBundle().getMinDisjointRoutes()),
            s.getBundle().hasMaxSkewUs() ? s.getBundle().getMaxSkewUs() : 0) : null,
        pinned);
    return new Plan(r, c.hasMinMarginDb() ? c.getMinMarginDb() : defaultMarginDb);
  }

  private List<TransceiverMode> modes(Service s, String f, FieldViolations v) {
    int gbps = gbps(s.getRate());
    if (!s.getTransceiverMode().isEmpty()) {
      Optional<TransceiverMode> m = catalog.mode(s.getTransceiverMode());
      if (m.isEmpty()) {
        v.add(f + ".transceiver_mode", "unknown transceiver mode \"" + s.getTransceiverMode()
            + "\"; the catalog has " + catalog.modes().size() + " modes");
        return new ArrayList<>();
      }
      v.check(m.get().lineRateGbps() == gbps, f + ".transceiver_mode", "mode "
          + m.get().id() + " carries " + m.get().lineRateGbps() + "G, not the requested " + gbps + "G");
      return new ArrayList<>(List.of(m.get()));
    }
    List<TransceiverMode> modes = new ArrayList<>(
        catalog.modes().stream().filter(m -> m.lineRateGbps() == gbps).toList());
    v.check(!modes.isEmpty(), f + ".rate", "the transceiver catalog has no " + gbps + "G mode");
    return modes;
  }

  private List<List<String>> diverseRoutes(List<String> names) {
    List<List<String>> routes = new ArrayList<>();
    for (String name : names) {
      StoredService other = services.get(ServiceNames.id(name)).orElseThrow(() -> RpcErrors.error(
          Code.NOT_FOUND, "RESOURCE_NOT_FOUND",
          "constraints.diverse_from_services: " + name + " not found", Map.of("resource", name)));
      other.channels().forEach(ch -> routes.add(ch.fiberIds()));
    }
    return routes;
  }

  static int gbps(LineRate rate) {
    return switch (rate) {
      case LINE_RATE_100G -> 100;
      case LINE_RATE_200G -> 200;
      case LINE_RATE_400G -> 400;
      case LINE_RATE_800G -> 800;
      default -> 0;
    };
  }

  static LineRate rate(int gbps) {
    return switch (gbps) {
      case 100 -> LineRate.LINE_RATE_100G;
      case 200 -> LineRate.LINE_RATE_200G;
      case 400 -> LineRate.LINE_RATE_400G;
      case 800 -> LineRate.LINE_RATE_800G;
      default -> LineRate.LINE_RATE_UNSPECIFIED;
    };
  }
}
