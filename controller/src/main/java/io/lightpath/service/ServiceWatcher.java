package io.lightpath.service;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.store.Bytes;
import io.lightpath.store.CompactedException;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * WatchServices over {@link StateStore#watch} on the services prefix: every change of a service
 * record is one event carrying the store revision of the change, in revision order, with no gap
 * between history and live events (the store's guarantee). A start revision older than the
 * store's compaction point fails with OUT_OF_RANGE / REVISION_COMPACTED.
 *
 * <p>Decoding is shared: every watch of this watcher gets the same {@link ServiceEvent} object
 * for one change, decoded once (a small cache keyed by revision and key, so watchers that lag a
 * little still hit it), and a watch filtered by name decides on the key before decoding anything.
 */
@Singleton
public final class ServiceWatcher {
  /** Slots of the decoded-event cache (a power of two); a change evicted early is decoded again. */
  static final int CACHE_SLOTS = 4096;

  private final StateStore store;
  private final ServiceRecovery recovery;
  private final AtomicReferenceArray<Decoded> cache = new AtomicReferenceArray<>(CACHE_SLOTS);
  private final LongAdder decodes = new LongAdder();

  /** One decoded change. */
  private record Decoded(long revision, WatchEvent.Type type, Bytes key, ServiceEvent event) {}

  @Inject
  public ServiceWatcher(StateStore store, ServiceRecovery recovery) {
    this.store = store;
    this.recovery = recovery;
  }

  /**
   * Starts a watch. {@code onEvent} and {@code onError} are called sequentially on a store thread.
   *
   * @param names service names to follow, empty for all
   * @throws StatusRuntimeException OUT_OF_RANGE when {@code fromRevision} is compacted
   */
  public Watch watch(long fromRevision, Set<String> names, Consumer<ServiceEvent> onEvent,
      Consumer<StatusRuntimeException> onError) {
    recovery.ensureRecovered();
    try {
      return store.watch(ServiceNames.range(), fromRevision, new WatchListener() {
        @Override
        public void onEvent(WatchEvent e) {
          if (names.isEmpty()
              || names.contains(ServiceNames.name(ServiceNames.idOfKey(e.kv().key())))) {
            onEvent.accept(event(e));
          }
        }

        @Override
        public void onError(StoreException error) {
          onError.accept(translate(error));
        }
      });
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  /** The API event of a store change, decoded once for all watches. */
  ServiceEvent event(WatchEvent e) {
    int slot = (Long.hashCode(e.revision()) * 31 + e.kv().key().hashCode()) & (CACHE_SLOTS - 1);
    Decoded d = cache.get(slot);
    if (d != null && d.revision() == e.revision() && d.type() == e.type()
        && d.key().equals(e.kv().key())) {
      return d.event();
    }
    decodes.increment();
    Service s = e.type() == WatchEvent.Type.PUT ? ServiceCodec.decodeView(e.kv())
        : Service.newBuilder().setName(ServiceNames.name(ServiceNames.idOfKey(e.kv().key())))
            .setState(ServiceState.DELETED).setRevision(e.revision()).build();
    ServiceEvent event = ServiceEvent.newBuilder().setRevision(e.revision()).setService(s).build();
    cache.set(slot, new Decoded(e.revision(), e.type(), e.kv().key(), event));
    return event;
  }

  /** How many store changes this watcher has decoded, for tests. */
  long decodes() {
    return decodes.sum();
  }

  private static StatusRuntimeException translate(StoreException e) {
    if (e instanceof CompactedException c) {
      return RpcErrors.error(Code.OUT_OF_RANGE, "REVISION_COMPACTED", "revision "
          + c.requestedRevision() + " is compacted; the oldest kept is " + c.compactRevision()
          + ": re-list and watch from the listing's revision + 1",
          Map.of("compact_revision", Long.toString(c.compactRevision())));
    }
    return Status.UNAVAILABLE.withDescription("watch ended: " + e.getMessage()).withCause(e)
        .asRuntimeException();
  }
}
