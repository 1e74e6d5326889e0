package io.lightpath.api;

import com.google.rpc.Code;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.proto.v1.Topology;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Holds the current topology and its etag. Changes are serialized and conditional on the etag
 * when the client gives one, so two operators editing at once cannot silently overwrite each
 * other. Thread-safe.
 */
public final class TopologyHolder {
  private Topology current = Topology.newBuilder().setEtag("0").build();
  private long generation;

  public synchronized Topology current() {
    return current;
  }

  /** Replaces the topology if {@code etag} is empty or matches; returns the new topology. */
  public Topology replace(Topology next, String etag) {
    return update(ignored -> next, etag);
  }

  /** Applies {@code change} to the current topology under the etag condition. */
  public synchronized Topology update(UnaryOperator<Topology> change, String etag) {
    if (!etag.isEmpty() && !etag.equals(current.getEtag())) {
      throw RpcErrors.error(
          Code.ABORTED,
          "ETAG_MISMATCH",
          "topology changed since etag " + etag + " (now " + current.getEtag() + "); re-read and retry",
          Map.of("current_etag", current.getEtag()));
    }
    Topology next = change.apply(current);
    generation++;
    current = next.toBuilder().setEtag(Long.toString(generation)).build();
    return current;
  }
}
