package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.southbound.spi.StateEvent;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gNMI Subscribe stream kept alive across connection loss.
 *
 * <p>When the stream fails, the retry is scheduled after {@link BackoffPolicy#delay(int)} of the number of
 * consecutive failures, the channel's own backoff is reset so that the retry connects at once, and the same
 * SubscribeRequest is sent on a new stream. The attempt counter goes back to zero as soon as the new stream
 * delivers a response. At most one stream is open at any time: a new one is opened only after the old one has
 * ended (or has been cancelled), and callbacks of an old stream are ignored by generation number, so a
 * reconnect never duplicates a subscription.
 *
 * <p>Thread-safe. Listener calls are made under this object's lock, hence never concurrently.
 */
final class ResilientSubscription implements StateSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientSubscription.class);

    /** Key value of a wildcard subscription path: the resource is then the key of the concrete path. */
    static final String ANY = "*";

    /** Which resource and metric a subscribed leaf reports ({@link #ANY}: the wildcard key's value). */
    record Target(String resource, StateMetric metric) {
    }

    /**
     * What a stream delivers, in order, under the subscription's lock (never concurrently): every new stream
     * starts with {@link #onStreamStart()}, then its notifications, its sync marker, and at most one
     * {@link #onDisconnected} per outage.
     */
    interface StreamHandler {
        /** A new stream is about to be opened: what earlier streams delivered may be out of date. */
        default void onStreamStart() {
        }

        void onNotification(Notification notification);

        void onSynced();

        void onDisconnected(DeviceException cause);
    }

    private final GnmiClient client;
    private final Scheduler scheduler;
    private final BackoffPolicy backoff;
    private final SubscribeRequest request;
    private final StreamHandler handler;

    private volatile boolean closed;
    /**
     * Read without the lock by {@link #connected()}: listeners are called with this subscription's
     * lock held, and a listener may ask another device's subscription whether it is connected while
     * that one is delivering too (the carrier cache does); with both locks needed that deadlocked.
     */
    private volatile boolean connected;
    /** Whether the listener has been told about the current outage (told once per outage). */
    private boolean outageReported;
    private int generation;
    private int failures;
    private ClientCallStreamObserver<SubscribeRequest> call;
    private Scheduler.Cancellable pendingRetry;

    /** A stream whose responses go to {@code handler} as they come. */
    ResilientSubscription(GnmiClient client, Scheduler scheduler, BackoffPolicy backoff, SubscribeRequest request,
            StreamHandler handler) {
        this.client = client;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.request = request;
        this.handler = handler;
    }

    /** A stream of state metrics: each update at a subscribed leaf ({@code targets}) becomes a {@link StateEvent}. */
    static ResilientSubscription ofStates(GnmiClient client, Scheduler scheduler, BackoffPolicy backoff,
            SubscribeRequest request, Map<Path, Target> targets, StateListener listener) {
        return new ResilientSubscription(client, scheduler, backoff, request,
                new StateDelivery(client.deviceId(), targets, listener));
    }

    /**
     * Opens the first stream once the target answers a wait-for-ready probe: a Subscribe sent while the channel is
     * still connecting (many devices dialled at once) would otherwise fail fast and count as an outage.
     */
    synchronized void start() {
        int myGeneration = generation;
        client.probe().whenComplete((caps, error) -> {
            synchronized (this) {
                if (closed || myGeneration != generation) {
                    return;
                }
                if (error != null) {
                    scheduleRetry(GnmiErrors.toDeviceException(client.deviceId(), "Capabilities", error));
                } else {
                    open();
                }
            }
        });
    }

    private void open() {
        if (closed) {
            return;
        }
        if (call != null) {
            call.cancel("replaced by a new stream", null);
            call = null;
        }
        int myGeneration = ++generation;
        handler.onStreamStart();
        client.subscribe(request, new StreamObserver<>() {
            @Override
            public void onNext(SubscribeResponse response) {
                handle(myGeneration, response);
            }

            @Override
            public void onError(Throwable t) {
                ended(myGeneration, GnmiErrors.toDeviceException(client.deviceId(), "Subscribe", t));
            }

            @Override
            public void onCompleted() {
                ended(myGeneration, new DeviceException(client.deviceId(), DeviceException.Kind.UNAVAILABLE,
                        "Subscribe stream ended by the target"));
            }
        }, started -> {
            synchronized (this) {
                if (generation == myGeneration) {
                    call = started;
                }
            }
        });
    }

    private synchronized void handle(int myGeneration, SubscribeResponse response) {
        if (closed || myGeneration != generation) {
            return;
        }
        connected = true;
        outageReported = false;
        failures = 0;
        switch (response.getResponseCase()) {
            case SYNC_RESPONSE -> handler.onSynced();
            case UPDATE -> handler.onNotification(response.getUpdate());
            default -> LOG.debug("{}: ignoring Subscribe response {}", client.deviceId(), response.getResponseCase());
        }
    }

    /**
     * The value of the wildcard key when {@code path} is the leaf {@code pattern} names (same elements, keys equal
     * or wildcard in the pattern); empty otherwise.
     */
    static Optional<String> wildcardResource(Path pattern, Path path) {
        return wildcardResource(GnmiPath.of(pattern), GnmiPath.of(path));
    }

    /** As {@link #wildcardResource(Path, Path)}, on converted paths (no protobuf key map access per element). */
    static Optional<String> wildcardResource(GnmiPath pattern, GnmiPath path) {
        if (pattern.size() != path.size()) {
            return Optional.empty();
        }
        String resource = null;
        for (int i = 0; i < pattern.size(); i++) {
            GnmiPath.Elem p = pattern.elem(i);
            GnmiPath.Elem e = path.elem(i);
            if (!p.name().equals(e.name()) || p.keys().size() != e.keys().size()) {
                return Optional.empty();
            }
            // both sorted by name and of one size: the same names are at the same positions
            for (int k = 0; k < p.keys().size(); k++) {
                GnmiPath.Key pk = p.keys().get(k);
                GnmiPath.Key ek = e.keys().get(k);
                if (!pk.name().equals(ek.name())) {
                    return Optional.empty();
                }
                if (ANY.equals(pk.value())) {
                    resource = ek.value();
                } else if (!pk.value().equals(ek.value())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(resource);
    }

    private synchronized void ended(int myGeneration, DeviceException cause) {
        if (closed || myGeneration != generation) {
            return;
        }
        call = null;
        connected = false;
        if (!outageReported) {
            // Once per outage: a stream that fails again before delivering anything is the same outage.
            outageReported = true;
            handler.onDisconnected(cause);
        }
        scheduleRetry(cause);
    }

    private void scheduleRetry(DeviceException cause) {
        Duration delay = backoff.delay(Math.min(failures, 62));
        failures++;
        LOG.info("{}: subscription down ({}); attempt {} in {}", client.deviceId(), cause.getMessage(), failures, delay);
        pendingRetry = scheduler.schedule(this::retry, delay);
    }

    /** Probes the target (waiting for the connection, bounded by the RPC deadline), then re-subscribes. */
    private synchronized void retry() {
        pendingRetry = null;
        if (closed) {
            return;
        }
        client.resetConnectBackoff();
        client.session().reconnecting("reconnecting, attempt " + failures);
        int myGeneration = generation;
        client.probe().whenComplete((caps, error) -> {
            synchronized (this) {
                if (closed || myGeneration != generation) {
                    return;
                }
                if (error != null) {
                    scheduleRetry(GnmiErrors.toDeviceException(client.deviceId(), "Capabilities", error));
                } else {
                    open();
                }
            }
        });
    }

    /** Number of consecutive failed attempts since the last response (for tests and metrics). */
    synchronized int consecutiveFailures() {
        return failures;
    }

    /** Never blocks (see {@link #connected}): safe to call from any listener. */
    @Override
    public boolean connected() {
        return connected && !closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connected = false;
        if (pendingRetry != null) {
            pendingRetry.cancel();
            pendingRetry = null;
        }
        if (call != null) {
            call.cancel("subscription closed", null);
            call = null;
        }
    }

    /** Turns the updates of subscribed state leaves into {@link StateEvent}s for a {@link StateListener}. */
    private static final class StateDelivery implements StreamHandler {
        private final String deviceId;
        /** The subscribed leaves, converted once, in the iteration order of an immutable copy of the targets. */
        private final List<Map.Entry<GnmiPath, Target>> targets;
        private final StateListener listener;

        StateDelivery(String deviceId, Map<Path, Target> targets, StateListener listener) {
            this.deviceId = deviceId;
            this.targets = Map.copyOf(targets).entrySet().stream()
                    .map(t -> Map.entry(GnmiPath.of(t.getKey()), t.getValue())).toList();
            this.listener = listener;
        }

        @Override
        public void onSynced() {
            listener.onSynced();
        }

        @Override
        public void onDisconnected(DeviceException cause) {
            listener.onDisconnected(cause);
        }

        @Override
        public void onNotification(Notification notification) {
            Instant at = Instant.ofEpochSecond(0, notification.getTimestamp());
            GnmiPath prefix = GnmiPath.of(notification.getPrefix());
            for (Update update : notification.getUpdateList()) {
                GnmiPath path = prefix.append(update.getPath());
                JsonNode value;
                try {
                    value = TypedValues.toJson(update.getVal());
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: ignoring malformed update at {}: {}", deviceId, path.format(),
                            e.getMessage());
                    continue;
                }
                for (Map.Entry<GnmiPath, Target> t : targets) {
                    Target target = t.getValue();
                    if (ANY.equals(target.resource())) {
                        // Wildcard targets: the target reports each matching leaf at its concrete path.
                        wildcardResource(t.getKey(), path).flatMap(r -> event(new Target(r, target.metric()), value, at))
                                .ifPresent(listener::onEvent);
                        continue;
                    }
                    if (!t.getKey().startsWith(path)) {
                        continue;
                    }
                    Optional<JsonNode> leaf = IetfJson.at(value, t.getKey(), path.size());
                    leaf.flatMap(v -> event(target, v, at)).ifPresent(listener::onEvent);
                }
            }
        }

        private Optional<StateEvent> event(Target target, JsonNode value, Instant at) {
            String device = deviceId;
            try {
                return Optional.of(switch (target.metric()) {
                    case OPER_STATUS -> {
                        OperStatus s = switch (IetfJson.identity(value)) {
                            case "UP", "ACTIVE" -> OperStatus.UP;
                            case "DOWN", "INACTIVE", "DISABLED" -> OperStatus.DOWN;
                            default -> OperStatus.UNKNOWN;
                        };
                        yield new StateEvent(device, target.resource(), target.metric(), s == OperStatus.UP ? 1 : 0, s, at);
                    }
                    case LOSS_OF_SIGNAL -> {
                        if (!value.isBoolean()) {
                            throw new IllegalArgumentException("carrier-present is not a boolean: " + value);
                        }
                        yield new StateEvent(device, target.resource(), target.metric(), value.booleanValue() ? 0 : 1,
                                OperStatus.UNKNOWN, at);
                    }
                    default -> new StateEvent(device, target.resource(), target.metric(),
                            IetfJson.decimal(value).doubleValue(), OperStatus.UNKNOWN, at);
                });
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: ignoring malformed {} of {}: {}", device, target.metric(), target.resource(), e.getMessage());
                return Optional.empty();
            }
        }
    }
}
