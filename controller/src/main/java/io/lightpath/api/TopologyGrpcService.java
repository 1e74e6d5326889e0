package io.lightpath.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import io.grpc.stub.StreamObserver;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.gnpy.GnpyImport;
import io.lightpath.gnpy.GnpyNetworkReader;
import io.lightpath.proto.v1.GetTopologyRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.PatchTopologyRequest;
import io.lightpath.proto.v1.ReplaceTopologyRequest;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * TopologyService over the controller's topology holder. Every change is validated as a whole
 * and applied atomically; a rejected change leaves the topology as it was.
 */
public final class TopologyGrpcService extends TopologyServiceGrpc.TopologyServiceImplBase {
  private final TopologyHolder holder;

  @Inject
  public TopologyGrpcService(TopologyHolder holder) {
    this.holder = holder;
  }

  @Override
  public void getTopology(GetTopologyRequest request, StreamObserver<Topology> response) {
    reply(response, holder.current());
  }

  @Override
  public void replaceTopology(ReplaceTopologyRequest request, StreamObserver<Topology> response) {
    FieldViolations v = new FieldViolations();
    v.check(request.hasTopology(), "topology", "is required");
    TopologyValidator.validate(request.getTopology(), "topology", v);
    v.throwIfAny();
    reply(response, holder.replace(request.getTopology(), request.getEtag()));
  }

  @Override
  public void patchTopology(PatchTopologyRequest request, StreamObserver<Topology> response) {
    reply(response, holder.update(current -> patch(current, request), request.getEtag()));
  }

  @Override
  public void importTopology(ImportTopologyRequest request, StreamObserver<Topology> response) {
    FieldViolations v = new FieldViolations();
    v.check(
        request.getFormat() != TopologyFormat.TOPOLOGY_FORMAT_UNSPECIFIED
            && request.getFormat() != TopologyFormat.UNRECOGNIZED,
        "format",
        "must be LIGHTPATH_JSON, LIGHTPATH_YAML or GNPY_JSON");
    v.check(!request.getDocument().isEmpty(), "document", "is required");
    v.throwIfAny();
    Topology parsed = parse(request.getFormat(), request.getDocument().toString(StandardCharsets.UTF_8));
    FieldViolations content = new FieldViolations();
    TopologyValidator.validate(parsed, "document", content);
    content.throwIfAny();
    reply(response, holder.replace(parsed, request.getEtag()));
  }

  /** Parses a topology document; the Lightpath formats are the proto3 JSON mapping of Topology. */
  static Topology parse(TopologyFormat format, String text) {
    try {
      if (format == TopologyFormat.GNPY_JSON) {
        // gnpy describes line systems element by element; the reader collapses them into fibers
        GnpyImport imported = new GnpyNetworkReader().read(new ObjectMapper().readTree(text));
        return TopologyMapper.toProto(imported.topology());
      }
      String json =
          format == TopologyFormat.LIGHTPATH_YAML
              ? new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(text))
              : text;
      Topology.Builder b = Topology.newBuilder();
      JsonFormat.parser().merge(json, b);
      return b.build();
    } catch (io.grpc.StatusRuntimeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // InvalidProtocolBufferException is an IOException: a document that is not a topology
      throw RpcErrors.error(
          Code.INVALID_ARGUMENT,
          "MALFORMED_DOCUMENT",
          "cannot parse " + format + " document: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Topology patch(Topology current, PatchTopologyRequest p) {
    Topology.Builder b = Topology.newBuilder();
    b.addAllSites(merge(current.getSitesList(), p.getUpsertSitesList(), p.getRemoveSiteIdsList(),
        s -> s.getId()).values());
    b.addAllNodes(merge(current.getNodesList(), p.getUpsertNodesList(), p.getRemoveNodeIdsList(),
        n -> n.getId()).values());
    b.addAllFibers(merge(current.getFibersList(), p.getUpsertFibersList(), p.getRemoveFiberIdsList(),
        f -> f.getId()).values());
    b.addAllSrlgs(merge(current.getSrlgsList(), p.getUpsertSrlgsList(), p.getRemoveSrlgIdsList(),
        s -> s.getId()).values());
    Topology next = b.build();
    FieldViolations v = new FieldViolations();
    TopologyValidator.validate(next, "patched_topology", v);
    v.throwIfAny();
    return next;
  }

  private static <T> Map<String, T> merge(
      Iterable<T> current, Iterable<T> upserts, Iterable<String> removals, Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    current.forEach(t -> out.put(id.apply(t), t));
    Set<String> gone = new java.util.HashSet<>();
    removals.forEach(gone::add);
    out.keySet().removeAll(gone);
    upserts.forEach(t -> out.put(id.apply(t), t));
    return out;
  }

  private static void reply(StreamObserver<Topology> response, Topology t) {
    response.onNext(t);
    response.onCompleted();
  }
}
