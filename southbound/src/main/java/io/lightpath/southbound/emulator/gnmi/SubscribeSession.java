package io.lightpath.southbound.emulator.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.SubscriptionList;
import io.lightpath.proto.gnmi.SubscriptionMode;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.device.TreeListener;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Subscribe stream: ONCE, POLL, or STREAM with ON_CHANGE / TARGET_DEFINED (treated as
 * ON_CHANGE) and SAMPLE subscriptions. Values are sent leaf by leaf as scalar typed values.
 * Sends are serialised on this object.
 */
final class SubscribeSession implements StreamObserver<SubscribeRequest>, TreeListener {
  /** Sample interval used when a SAMPLE subscription gives none, ns. */
  static final long DEFAULT_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Shortest accepted sample interval, ns. */
  static final long MIN_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private record Sub(DataPath pattern, SubscriptionMode mode) {}

  private final GnmiTargetService service;
  private final StreamObserver<SubscribeResponse> observer;
  private final ScheduledExecutorService scheduler;
  private final List<Sub> subs = new ArrayList<>();
  private final List<ScheduledFuture<?>> samplers = new ArrayList<>();
  private SubscriptionList.Mode mode;
  private EmulatedDevice device;
  private boolean closed;

  SubscribeSession(
      GnmiTargetService service,
      StreamObserver<SubscribeResponse> observer,
      ScheduledExecutorService scheduler) {
    this.service = service;
    this.observer = observer;
    this.scheduler = scheduler;
    if (observer instanceof ServerCallStreamObserver<SubscribeResponse> call) {
      call.setOnCancelHandler(this::cleanup);
    }
  }

  @Override
  public void onNext(SubscribeRequest request) {
    try {
      if (request.hasSubscribe()) {
        start(request.getSubscribe());
      } else if (request.hasPoll()) {
        if (mode != SubscriptionList.Mode.POLL) {
          throw Status.INVALID_ARGUMENT
              .withDescription("poll requests are only valid on a POLL subscription")
              .asException();
        }
        if (device.faults().down()) {
          throw Status.UNAVAILABLE.withDescription("device " + device.name() + " is down")
              .asException();
        }
        sendSnapshot(device.tree(), true);
      } else {
        throw Status.INVALID_ARGUMENT.withDescription("empty SubscribeRequest").asException();
      }
    } catch (StatusException e) {
      error(e);
    }
  }

  private void start(SubscriptionList list) throws StatusException {
    synchronized (this) {
      if (mode != null) {
        throw Status.INVALID_ARGUMENT.withDescription("stream is already subscribed").asException();
      }
      device = service.resolve(list.getPrefix());
      for (Subscription s : list.getSubscriptionList()) {
        DataPath pattern = GnmiValues.toDataPath(list.getPrefix(), s.getPath());
        GnmiTargetService.checkPattern(device.schema(), pattern);
        subs.add(new Sub(pattern, s.getMode()));
      }
      if (subs.isEmpty()) {
        subs.add(new Sub(GnmiValues.toDataPath(list.getPrefix(), Path.getDefaultInstance()),
            SubscriptionMode.TARGET_DEFINED));
      }
      mode = list.getMode();
    }
    switch (mode) {
      case ONCE -> {
        sendSnapshot(device.tree(), true);
        complete();
      }
      case POLL -> sendSnapshot(device.tree(), true);
      case STREAM -> startStream(list);
      default -> throw Status.INVALID_ARGUMENT
          .withDescription("unknown subscription mode " + list.getModeValue()).asException();
    }
  }

  private void startStream(SubscriptionList list) {
    // Registered, snapshotted and synced under the device lock: no change is missed, sent twice
    // or sent before the snapshot.
    device.subscribe(this, tree -> {
      if (!list.getUpdatesOnly()) {
        sendSnapshot(tree, false);
      }
      send(SubscribeResponse.newBuilder().setSyncResponse(true).build());
    });
    int i = 0;
    for (Subscription s : list.getSubscriptionList()) {
      Sub sub = subs.get(i++);
      if (s.getMode() == SubscriptionMode.SAMPLE) {
        long interval = s.getSampleInterval() == 0 ? DEFAULT_SAMPLE_NANOS
            : Math.max(MIN_SAMPLE_NANOS, s.getSampleInterval());
        synchronized (this) {
          if (!closed) {
            samplers.add(scheduler.scheduleAtFixedRate(
                () -> sample(sub), interval, interval, TimeUnit.NANOSECONDS));
          }
        }
      }
    }
  }

  private void sample(Sub sub) {
    if (device.faults().down()) {
      onDeviceDown();
      return;
    }
    Notification n = notification(matching(device.tree(), List.of(sub)), List.of(sub),
        service.nowNanos());
    if (n.getUpdateCount() > 0) {
      send(SubscribeResponse.newBuilder().setUpdate(n).build());
    }
  }

  /** The leaves of {@code tree} under any of {@code which}, by range lookups. */
  private Map<DataPath, JsonNode> matching(NavigableMap<DataPath, JsonNode> tree, List<Sub> which) {
    Map<DataPath, JsonNode> out = new java.util.TreeMap<>();
    for (Sub s : which) {
      for (Map.Entry<DataPath, JsonNode> e : JsonTree.subtree(device.schema(), tree, s.pattern())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private void sendSnapshot(NavigableMap<DataPath, JsonNode> tree, boolean sync) {
    Notification n = notification(matching(tree, subs), subs, service.nowNanos());
    if (n.getUpdateCount() > 0) {
      send(SubscribeResponse.newBuilder().setUpdate(n).build());
    }
    if (sync) {
      send(SubscribeResponse.newBuilder().setSyncResponse(true).build());
    }
  }

  private Notification notification(Map<DataPath, JsonNode> leaves, List<Sub> which, long ts) {
    return notificationBuilder(leaves, which, ts).build();
  }

  private Notification.Builder notificationBuilder(Map<DataPath, JsonNode> leaves, List<Sub> which, long ts) {
    Notification.Builder n = Notification.newBuilder().setTimestamp(ts)
        .setPrefix(Path.newBuilder().setTarget(device.name()));
    for (Map.Entry<DataPath, JsonNode> e : leaves.entrySet()) {
      if (matches(e.getKey(), which)) {
        n.addUpdate(Update.newBuilder()
            .setPath(GnmiValues.toPath(e.getKey()))
            .setVal(GnmiValues.scalar(device.schema(), e.getKey(), e.getValue())));
      }
    }
    return n;
  }

  private static boolean matches(DataPath leaf, List<Sub> which) {
    for (Sub s : which) {
      if (leaf.isUnder(s.pattern())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onChange(long timestampNanos, Map<DataPath, JsonNode> updated, Set<DataPath> deleted) {
    List<Sub> onChange = new ArrayList<>();
    for (Sub s : subs) {
      if (s.mode() != SubscriptionMode.SAMPLE) {
        onChange.add(s);
      }
    }
    if (onChange.isEmpty()) {
      return;
    }
    Notification.Builder n = notificationBuilder(new java.util.TreeMap<>(updated), onChange, timestampNanos);
    for (DataPath d : deleted) {
      if (matches(d, onChange)) {
        n.addDelete(GnmiValues.toPath(d));
      }
    }
    if (n.getUpdateCount() > 0 || n.getDeleteCount() > 0) {
      send(SubscribeResponse.newBuilder().setUpdate(n).build());
    }
  }

  @Override
  public void onDeviceDown() {
    error(Status.UNAVAILABLE.withDescription("device " + device.name() + " is down").asException());
  }

  private synchronized void send(SubscribeResponse response) {
    if (!closed) {
      observer.onNext(response);
    }
  }

  private void complete() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      observer.onCompleted();
    }
    cleanup();
  }

  private void error(StatusException e) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      observer.onError(e);
    }
    cleanup();
  }

  private void cleanup() {
    synchronized (this) {
      closed = true;
      samplers.forEach(f -> f.cancel(false));
      samplers.clear();
    }
    if (device != null) {
      device.removeListener(this);
    }
  }

  @Override
  public void onError(Throwable t) {
    cleanup();
  }

  @Override
  public void onCompleted() {
    complete();
  }
}
