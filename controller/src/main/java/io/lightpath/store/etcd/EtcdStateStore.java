package io.lightpath.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.PutResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.lease.LeaseTimeToLiveResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.LeaseOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.lightpath.store.Bytes;
import io.lightpath.store.CompactedException;
import io.lightpath.store.Compare;
import io.lightpath.store.FutureRevisionException;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.LeaseGrant;
import io.lightpath.store.LeaseNotFoundException;
import io.lightpath.store.Op;
import io.lightpath.store.OpResult;
import io.lightpath.store.RangeResult;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Txn;
import io.lightpath.store.TxnResult;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StateStore} on an etcd v3 cluster through jetcd. etcd provides the semantics natively;
 * this class maps types and errors. Differences from the embedded stores (see docs/store.md):
 * lease expiry runs on the etcd server's clock, etcd may grant a longer TTL than asked (its
 * minimum), {@link Compare.Target#LEASE} compares are not available in jetcd 0.8.7, and the
 * compaction revision in a {@link CompactedException} from a read is the newest this client
 * knows of (etcd does not report it on reads).
 */
public final class EtcdStateStore implements StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(EtcdStateStore.class);

  /** How long one etcd call may take before it fails with {@link StoreException}. */
  private static final long CALL_TIMEOUT_SECONDS = 30;

  /** etcd's range end meaning "no upper bound". */
  private static final ByteSequence NO_UPPER_BOUND = ByteSequence.from(new byte[] {0});

  private final Client client;
  private final KV kv;
  private final AtomicLong knownCompactRevision = new AtomicLong();

  private EtcdStateStore(Client client) {
    this.client = client;
    this.kv = client.getKVClient();
  }

  /** Connects to etcd at {@code endpoints} (e.g. {@code http://127.0.0.1:2379}). */
  public static EtcdStateStore connect(String... endpoints) {
    return new EtcdStateStore(Client.builder().endpoints(endpoints).build());
  }

  @Override
  public long revision() {
    return await(kv.get(NO_UPPER_BOUND, GetOption.builder().withCountOnly(true).withLimit(1).build()), 0, 0)
        .getHeader()
        .getRevision();
  }

  @Override
  public RangeResult range(KeyRange range, long atRevision) {
    GetResponse response = await(kv.get(startOf(range), getOption(range, atRevision)), atRevision, 0);
    List<KeyValue> kvs = new ArrayList<>();
    response.getKvs().forEach(k -> kvs.add(fromEtcd(k)));
    long rev = atRevision == 0 ? response.getHeader().getRevision() : atRevision;
    return new RangeResult(kvs, rev);
  }

  @Override
  public TxnResult txn(Txn txn) {
    io.etcd.jetcd.Txn etcdTxn = kv.txn();
    etcdTxn.If(txn.compares().stream().map(EtcdStateStore::toCmp).toArray(Cmp[]::new));
    etcdTxn.Then(txn.success().stream().map(EtcdStateStore::toEtcdOp).toArray(io.etcd.jetcd.op.Op[]::new));
    etcdTxn.Else(txn.failure().stream().map(EtcdStateStore::toEtcdOp).toArray(io.etcd.jetcd.op.Op[]::new));
    TxnResponse response = await(etcdTxn.commit(), 0, firstLeaseId(txn));
    List<Op> ran = response.isSucceeded() ? txn.success() : txn.failure();
    // jetcd groups results by type; etcd returns them in op order, so consume in op order.
    Iterator<PutResponse> puts = response.getPutResponses().iterator();
    Iterator<DeleteResponse> deletes = response.getDeleteResponses().iterator();
    Iterator<GetResponse> gets = response.getGetResponses().iterator();
    List<OpResult> results = new ArrayList<>();
    for (Op op : ran) {
      if (op instanceof Op.Put) {
        PutResponse put = puts.next();
        results.add(new OpResult.PutResult(put.hasPrevKv() ? fromEtcd(put.getPrevKv()) : null));
      } else if (op instanceof Op.Delete) {
        results.add(new OpResult.DeleteResult(deletes.next().getDeleted()));
      } else {
        List<KeyValue> kvs = new ArrayList<>();
        gets.next().getKvs().forEach(k -> kvs.add(fromEtcd(k)));
        results.add(new OpResult.GetResult(kvs));
      }
    }
    return new TxnResult(response.isSucceeded(), response.getHeader().getRevision(), results);
  }

  @Override
  public Watch watch(KeyRange range, long fromRevision, WatchListener listener) {
    // etcd registers a watch asynchronously: "from now" (0) could miss a write made right after
    // this method returns. Pinning the start revision makes the server replay such writes.
    long start = fromRevision == 0 ? revision() + 1 : fromRevision;
    EtcdWatch watch = new EtcdWatch(listener, start);
    WatchOption.Builder option = WatchOption.builder().withRevision(start);
    if (!range.isSingleKey()) {
      option.withRange(range.isUnbounded() ? NO_UPPER_BOUND : bs(range.end()));
    }
    watch.start(client.getWatchClient().watch(startOf(range), option.build(), watch));
    return watch;
  }

  @Override
  public void compact(long revision) {
    await(kv.compact(revision), revision, 0);
    knownCompactRevision.accumulateAndGet(revision, Math::max);
  }

  @Override
  public LeaseGrant grantLease(Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("lease TTL must be at least 1 s: " + ttl);
    }
    long seconds = (ttl.toMillis() + 999) / 1000;
    var response = await(client.getLeaseClient().grant(seconds), 0, 0);
    return new LeaseGrant(response.getID(), Duration.ofSeconds(response.getTTL()));
  }

  @Override
  public Duration keepAlive(long leaseId) {
    LeaseKeepAliveResponse response = await(client.getLeaseClient().keepAliveOnce(leaseId), 0, leaseId);
    if (response.getTTL() <= 0) {
      throw new LeaseNotFoundException(leaseId);
    }
    return Duration.ofSeconds(response.getTTL());
  }

  @Override
  public void revokeLease(long leaseId) {
    await(client.getLeaseClient().revoke(leaseId), 0, leaseId);
  }

  @Override
  public Optional<Duration> leaseTimeToLive(long leaseId) {
    LeaseTimeToLiveResponse response =
        await(client.getLeaseClient().timeToLive(leaseId, LeaseOption.DEFAULT), 0, leaseId);
    return response.getTTL() < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(response.getTTL()));
  }

  @Override
  public void close() {
    client.close();
  }

  // ------------------------------------------------------------------ mapping

  private static ByteSequence bs(Bytes bytes) {
    return ByteSequence.from(bytes.unsafeArray());
  }

  /** etcd has no empty key; "\0" is the smallest key there is. */
  private static ByteSequence startOf(KeyRange range) {
    return range.start().isEmpty() ? NO_UPPER_BOUND : bs(range.start());
  }

  private static GetOption getOption(KeyRange range, long atRevision) {
    GetOption.Builder option = GetOption.builder().withRevision(atRevision);
    if (!range.isSingleKey()) {
      option.withRange(range.isUnbounded() ? NO_UPPER_BOUND : bs(range.end()));
    }
    return option.build();
  }

  private static KeyValue fromEtcd(io.etcd.jetcd.KeyValue k) {
    return new KeyValue(
        Bytes.wrap(k.getKey().getBytes()),
        Bytes.wrap(k.getValue().getBytes()),
        k.getCreateRevision(),
        k.getModRevision(),
        k.getVersion(),
        k.getLease());
  }

  private static Cmp toCmp(Compare compare) {
    Cmp.Op op =
        switch (compare.op()) {
          case EQUAL -> Cmp.Op.EQUAL;
          case NOT_EQUAL -> Cmp.Op.NOT_EQUAL;
          case LESS -> Cmp.Op.LESS;
          case GREATER -> Cmp.Op.GREATER;
        };
    CmpTarget<?> target =
        switch (compare.target()) {
          case VALUE -> CmpTarget.value(bs((Bytes) compare.operand()));
          case VERSION -> CmpTarget.version((Long) compare.operand());
          case CREATE_REVISION -> CmpTarget.createRevision((Long) compare.operand());
          case MOD_REVISION -> CmpTarget.modRevision((Long) compare.operand());
          case LEASE ->
              throw new IllegalArgumentException("lease compares are not supported by jetcd 0.8.7");
        };
    return new Cmp(bs(compare.key()), op, target);
  }

  private static io.etcd.jetcd.op.Op toEtcdOp(Op op) {
    if (op instanceof Op.Put put) {
      return io.etcd.jetcd.op.Op.put(
          bs(put.key()),
          bs(put.value()),
          PutOption.builder().withLeaseId(put.leaseId()).withPrevKV().build());
    }
    if (op instanceof Op.Delete delete) {
      DeleteOption.Builder option = DeleteOption.builder();
      KeyRange range = delete.range();
      if (!range.isSingleKey()) {
        option.withRange(range.isUnbounded() ? NO_UPPER_BOUND : bs(range.end()));
      }
      return io.etcd.jetcd.op.Op.delete(startOf(range), option.build());
    }
    KeyRange range = ((Op.Get) op).range();
    return io.etcd.jetcd.op.Op.get(startOf(range), getOption(range, 0));
  }

  private static long firstLeaseId(Txn txn) {
    for (List<Op> branch : List.of(txn.success(), txn.failure())) {
      for (Op op : branch) {
        if (op instanceof Op.Put put && put.leaseId() != 0) {
          return put.leaseId();
        }
      }
    }
    return 0;
  }

  /**
   * Waits for an etcd call and maps its failure.
   *
   * @param revision the revision the call asked for, for error messages
   * @param leaseId the lease the call concerns, for error messages
   */
  private <T> T await(CompletableFuture<T> future, long revision, long leaseId) {
    try {
      return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for etcd", e);
    } catch (TimeoutException e) {
      throw new StoreException("etcd did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
    } catch (ExecutionException | CompletionException e) {
      throw translate(e.getCause() == null ? e : e.getCause(), revision, leaseId);
    }
  }

  private RuntimeException translate(Throwable cause, long revision, long leaseId) {
    if (cause instanceof io.etcd.jetcd.common.exception.CompactedException c) {
      knownCompactRevision.accumulateAndGet(c.getCompactedRevision(), Math::max);
      return new CompactedException(revision, c.getCompactedRevision());
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("required revision has been compacted")) {
      return new CompactedException(revision, Math.max(knownCompactRevision.get(), revision + 1));
    }
    if (message.contains("future revision")) {
      return new FutureRevisionException(revision, revision());
    }
    if (message.contains("lease not found") || cause instanceof io.etcd.jetcd.lease.NoSuchLeaseException) {
      return new LeaseNotFoundException(leaseId);
    }
    if (cause instanceof IllegalArgumentException e) {
      return e;
    }
    return new StoreException("etcd call failed: " + message, cause);
  }

  /** Adapts a jetcd watch to a {@link WatchListener}; drops events after {@link #close}. */
  private final class EtcdWatch implements Watch, io.etcd.jetcd.Watch.Listener {
    private final WatchListener listener;
    private final long fromRevision;
    private volatile io.etcd.jetcd.Watch.Watcher watcher;
    private volatile boolean closed;

    EtcdWatch(WatchListener listener, long fromRevision) {
      this.listener = listener;
      this.fromRevision = fromRevision;
    }

    void start(io.etcd.jetcd.Watch.Watcher w) {
      this.watcher = w;
      if (closed) {
        w.close();
      }
    }

    @Override
    public void onNext(io.etcd.jetcd.watch.WatchResponse response) {
      for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
        if (closed) {
          return;
        }
        KeyValue k = fromEtcd(event.getKeyValue());
        boolean put = event.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.PUT;
        if (!put) {
          k = new KeyValue(k.key(), Bytes.EMPTY, 0, k.modRevision(), 0, 0);
        }
        try {
          listener.onEvent(new WatchEvent(put ? WatchEvent.Type.PUT : WatchEvent.Type.DELETE, k));
        } catch (RuntimeException e) {
          // Same rule as the embedded stores: a listener bug must not end the watch.
          LOG.warn("watch listener failed on revision {}", k.modRevision(), e);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!closed) {
        closed = true;
        RuntimeException mapped = translate(error, fromRevision, 0);
        listener.onError(mapped instanceof StoreException s ? s : new StoreException(mapped.getMessage(), mapped));
      }
    }

    @Override
    public void onCompleted() {
      closed = true;
    }

    @Override
    public void close() {
      closed = true;
      io.etcd.jetcd.Watch.Watcher w = watcher;
      if (w != null) {
        w.close();
      }
    }
  }
}
