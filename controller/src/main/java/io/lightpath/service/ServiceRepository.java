package io.lightpath.service;

import com.google.protobuf.Timestamp;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.store.Bytes;
import io.lightpath.store.Compare;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.RangeResult;
import io.lightpath.store.StateStore;
import io.lightpath.store.Txn;
import io.lightpath.store.TxnResult;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Service records in the {@link StateStore}, one key per service under {@value
 * ServiceNames#KEY_PREFIX}. Every change is a compare-and-set on the key's modRevision, so two
 * writers (a provisioning completion and a delete) never overwrite each other. Records are never
 * deleted: DELETED is a state, so a watcher always sees the final state.
 */
public final class ServiceRepository {
  private final StateStore store;
  private final Clock clock;

  @Inject
  public ServiceRepository(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A before/after pair of one successful change. */
  public record Transition(StoredService before, StoredService after) {
    /** Whether this change moved the service out of the states that hold resources. */
    public boolean releasedResources() {
      return before.live() && !after.live();
    }
  }

  /** One page of a listing. */
  public record Page(List<Service> services, String lastId, boolean more, long revision) {}

  public Optional<StoredService> get(String id) {
    return store.get(ServiceNames.key(id)).map(ServiceCodec::decode);
  }

  /** Every service record, in id order. */
  public List<StoredService> all() {
    return store.range(ServiceNames.range()).kvs().stream().map(ServiceCodec::decode).toList();
  }

  /**
   * Every service record, in id order, without channels (empty {@link StoredService#channels()}):
   * what startup needs for the ledger; {@link #get} reads one record whole. Decoded in parallel:
   * with many services decoding, not reading, is what takes the time.
   */
  List<StoredService> allWithoutChannels() {
    return store.range(ServiceNames.range()).kvs().parallelStream()
        .map(ServiceCodec::decodeWithoutChannels).toList();
  }

  /** Services after {@code afterId} in id order, filtered by state (empty = all). */
  public Page list(String afterId, int pageSize, Set<ServiceState> states) {
    KeyRange all = ServiceNames.range();
    KeyRange range = afterId.isEmpty() ? all
        : KeyRange.between(ServiceNames.key(afterId).concat(Bytes.wrap(new byte[] {0})), all.end());
    RangeResult r = store.range(range);
    List<Service> page = new ArrayList<>();
    String last = "";
    boolean more = false;
    for (KeyValue kv : r.kvs()) {
      Service s = ServiceCodec.decodeView(kv);
      if (!states.isEmpty() && !states.contains(s.getState())) {
        continue;
      }
      if (page.size() == pageSize) {
        more = true;
        break;
      }
      page.add(s);
      last = ServiceNames.idOfKey(kv.key());
    }
    return new Page(page, last, more, r.revision());
  }

  /**
   * Writes a new service record and its idempotency record in one transaction, if neither the
   * service id nor the request id is taken (the request record may exist when it expired: its
   * modRevision must then still be {@code requestModRevision}).
   *
   * @return the stored service with its revision, or empty when a compare failed
   */
  Optional<StoredService> create(StoredService s, Bytes requestKey, long requestModRevision,
      Bytes requestRecord) {
    Bytes key = ServiceNames.key(s.id());
    TxnResult r = store.txn(Txn.builder()
        .when(Compare.absent(key),
            Compare.modRevision(requestKey, Compare.Operator.EQUAL, requestModRevision))
        .then(Op.put(key, ServiceCodec.encode(s)), Op.put(requestKey, requestRecord))
        .build());
    if (!r.succeeded()) {
      return Optional.empty();
    }
    return Optional.of(s.withService(s.service().toBuilder().setRevision(r.revision()).build()));
  }

  /**
   * Applies {@code change} to the current record by compare-and-set, retrying on conflict. The
   * change may return its argument unchanged to write nothing.
   *
   * @return the transition, or empty when the service does not exist or nothing changed
   */
  public Optional<Transition> update(String id, UnaryOperator<StoredService> change) {
    return update(id, null, change);
  }

  /**
   * As {@link #update(String, UnaryOperator)}, trying {@code known} first: a record this process
   * wrote, whose {@code revision} is its modRevision (as {@link #create} returns it), so the
   * common case (nothing changed it since) needs no read and no decoding. If it is stale the
   * compare fails and the record is read from the store as usual.
   */
  Optional<Transition> update(String id, StoredService known, UnaryOperator<StoredService> change) {
    Bytes key = ServiceNames.key(id);
    StoredService hint = known;
    while (true) {
      StoredService before;
      long modRevision;
      if (hint != null && hint.service().getRevision() > 0) {
        before = hint;
        modRevision = hint.service().getRevision();
        hint = null;
      } else {
        Optional<KeyValue> kv = store.get(key);
        if (kv.isEmpty()) {
          return Optional.empty();
        }
        before = ServiceCodec.decode(kv.get());
        modRevision = kv.get().modRevision();
      }
      StoredService after = change.apply(before);
      if (after == before) {
        if (known != null && modRevision == known.service().getRevision()) {
          hint = null;
          known = null;
          continue; // decided on the hint alone: confirm against the stored record
        }
        return Optional.empty();
      }
      after = after.withService(after.service().toBuilder().setUpdateTime(now()).build());
      TxnResult r = store.txn(Txn.builder()
          .when(Compare.modRevision(key, Compare.Operator.EQUAL, modRevision))
          .then(Op.put(key, ServiceCodec.encode(after)))
          .build());
      if (r.succeeded()) {
        return Optional.of(new Transition(before,
            after.withService(after.service().toBuilder().setRevision(r.revision()).build())));
      }
    }
  }

  Timestamp now() {
    Instant t = clock.instant();
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
