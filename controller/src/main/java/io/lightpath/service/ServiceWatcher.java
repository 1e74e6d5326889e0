package io.lightpath.service;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.store.CompactedException;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * WatchServices over {@link StateStore#watch} on the services prefix: every change of a service
 * record is one event carrying the store revision of the change, in revision order, with no gap
 * between history and live events (the store's guarantee). A start revision older than the
 * store's compaction point fails with OUT_OF_RANGE / REVISION_COMPACTED.
 */
public final class ServiceWatcher {
  private final StateStore store;
  private final ServiceRecovery recovery;

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
          Service s = e.type() == WatchEvent.Type.PUT ? ServiceCodec.decode(e.kv()).service()
              : Service.newBuilder().setName(ServiceNames.name(ServiceNames.idOfKey(e.kv().key())))
                  .setState(ServiceState.DELETED).setRevision(e.revision()).build();
          if (names.isEmpty() || names.contains(s.getName())) {
            onEvent.accept(ServiceEvent.newBuilder().setRevision(e.revision()).setService(s).build());
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
