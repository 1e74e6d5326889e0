package io.lightpath.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.proto.v1.Topology;
import io.lightpath.store.Bytes;
import io.lightpath.store.KeyValue;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.memory.InMemoryStateStore;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Holds the current topology and its etag, persisted in the {@link StateStore} under {@value
 * #KEY} (protobuf bytes, etag included) so it survives a restart. Changes are serialized and
 * conditional on the etag when the client gives one, so two operators editing at once cannot
 * silently overwrite each other. A change is written to the store before it becomes current.
 * Thread-safe.
 */
public final class TopologyHolder {
  /** Store key of the topology. */
  public static final String KEY = "/topology";

  private final StateStore store;
  private final TopologyGuard guard;
  private Topology current;
  private long generation;

  @Inject
  public TopologyHolder(StateStore store, TopologyGuard guard) {
    this.store = store;
    this.guard = guard;
  }

  /** A holder kept in memory only, without a guard (tests of other subsystems). */
  public TopologyHolder() {
    this(new InMemoryStateStore(), TopologyGuard.NONE);
  }

  /** A holder without a guard (tests of the holder alone). */
  public TopologyHolder(StateStore store) {
    this(store, TopologyGuard.NONE);
  }

  public synchronized Topology current() {
    load();
    return current;
  }

  /** Replaces the topology if {@code etag} is empty or matches; returns the new topology. */
  public Topology replace(Topology next, String etag) {
    return update(ignored -> next, etag);
  }

  /** Applies {@code change} to the current topology under the etag condition. */
  public synchronized Topology update(UnaryOperator<Topology> change, String etag) {
    load();
    if (!etag.isEmpty() && !etag.equals(current.getEtag())) {
      throw RpcErrors.error(
          Code.ABORTED,
          "ETAG_MISMATCH",
          "topology changed since etag " + etag + " (now " + current.getEtag() + "); re-read and retry",
          Map.of("current_etag", current.getEtag()));
    }
    Topology next = change.apply(current).toBuilder().setEtag(Long.toString(generation + 1)).build();
    guard.check(next);
    store.put(Bytes.utf8(KEY), Bytes.wrap(next.toByteArray()));
    generation++;
    current = next;
    return current;
  }

  /** Reads the stored topology on first use (not in the constructor: injection does no I/O). */
  private void load() {
    if (current != null) {
      return;
    }
    Optional<KeyValue> kv = store.get(KEY);
    if (kv.isEmpty()) {
      current = Topology.newBuilder().setEtag("0").build();
      generation = 0;
      return;
    }
    try {
      current = Topology.parseFrom(kv.get().value().toByteArray());
      generation = Long.parseLong(current.getEtag());
    } catch (InvalidProtocolBufferException | NumberFormatException e) {
      throw new StoreException("corrupt topology record " + KEY, e);
    }
  }
}
