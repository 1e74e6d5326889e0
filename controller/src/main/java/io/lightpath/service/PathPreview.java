package io.lightpath.service;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.PathComputer;
import io.lightpath.pce.PathRequest;
import io.lightpath.pce.PathResult;
import io.lightpath.proto.v1.Candidate;
import io.lightpath.proto.v1.ComputePathsResponse;
import io.lightpath.proto.v1.Service;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ComputePaths: a dry run against the current topology and reservations. The first candidate is
 * what CreateService would choose now; each further candidate is computed with every fiber of
 * the candidates before it excluded, so alternatives are link-disjoint from each other (fewer are
 * returned when the topology has fewer such routes). Reserves nothing.
 */
public final class PathPreview {
  private final RequestMapper mapper;
  private final PathEngine engine;

  @Inject
  public PathPreview(RequestMapper mapper, PathEngine engine) {
    this.mapper = mapper;
    this.engine = engine;
  }

  public ComputePathsResponse compute(Service service, int maxCandidates) {
    RequestMapper.Plan plan = mapper.map(service, "service", engine.config().grid(),
        engine.config().qotMarginDb());
    PathComputer computer = engine.computer(plan.marginDb());
    ComputePathsResponse.Builder out = ComputePathsResponse.newBuilder();
    PathRequest request = plan.request();
    Set<String> used = new HashSet<>(request.constraints().excludeFibers());
    for (int i = 0; i < maxCandidates; i++) {
      PathResult r = computer.compute(request);
      if (r instanceof PathResult.Failure f) {
        if (i == 0) {
          out.setFailure(PathFailures.toProto(f));
        }
        break;
      }
      List<ComputedChannel> channels = ((PathResult.Success) r).channels();
      out.addCandidates(Candidate.newBuilder()
          .addAllChannels(ChannelViews.of(channels, engine.topology()))
          .setSkewUs(skew(channels)));
      channels.forEach(ch -> used.addAll(ch.fiberIds()));
      request = request.withConstraints(request.constraints().withExclude(
          request.constraints().excludeNodes(), used, request.constraints().excludeSrlgs()));
    }
    return out.build();
  }

  private static double skew(List<ComputedChannel> channels) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (ComputedChannel c : channels) {
      min = Math.min(min, c.latencyUs());
      max = Math.max(max, c.latencyUs());
    }
    return channels.isEmpty() ? 0 : max - min;
  }
}
