package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.gnmi.CapabilityResponse;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.ModelData;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SetResponse;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.UpdateResult;
import io.lightpath.proto.gnmi.gNMIGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small but real gNMI target for driver tests: a Netty gRPC server on a loopback port serving a JSON tree
 * datastore with atomic Set, CONFIG/ALL Get, STREAM Subscribe (initial values, sync_response, then ON_CHANGE
 * updates; SAMPLE subscriptions are served like ON_CHANGE), optional TLS and username/password checks, and fault
 * injection: rejected Sets, latency, malformed Get replies, stop and restart on the same port.
 */
final class TestGnmiTarget implements AutoCloseable {

    private final List<ModelData> models;
    private final ServerCredentials credentials;
    private final Optional<GnmiCredentials> requiredLogin;
    private final Object lock = new Object();
    private JsonTreeStore store = new JsonTreeStore();
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscribeCalls = new AtomicInteger();
    private final List<String> seenUsernames = new CopyOnWriteArrayList<>();

    private volatile Status failSetsWith;
    private volatile int failSetsRemaining;
    private volatile long latencyMillis;
    private volatile int delayedSetsRemaining;
    private volatile boolean malformedGets;
    private volatile int ignoredSetsRemaining;
    private volatile long slowReplyMillis;
    private volatile int slowRepliesRemaining;
    private final AtomicInteger setCalls = new AtomicInteger();
    private final AtomicInteger getCalls = new AtomicInteger();

    private Server server;
    private int port;

    TestGnmiTarget(List<String> modelNames, ServerCredentials credentials, Optional<GnmiCredentials> requiredLogin) {
        this.models = modelNames.stream()
                .map(n -> ModelData.newBuilder().setName(n).setOrganization("test").setVersion("1.0.0").build())
                .toList();
        this.credentials = credentials;
        this.requiredLogin = requiredLogin;
    }

    static TestGnmiTarget plaintext(GnmiDeviceType type) {
        return new TestGnmiTarget(List.copyOf(type.requiredModels()), InsecureServerCredentials.create(),
                Optional.empty());
    }

    TestGnmiTarget start() {
        startOn(0);
        return this;
    }

    private void startOn(int requestedPort) {
        try {
            server = NettyServerBuilder
                    .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), credentials)
                    .addService(ServerInterceptors.intercept(new Service(), new LoginCheck()))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getPort();
    }

    int port() {
        return port;
    }

    /** A plaintext client configuration for this target: 5 s RPC deadline, default backoff, no login. */
    GnmiDeviceConfig clientConfig(String deviceId, GnmiDeviceType type) {
        return new GnmiDeviceConfig(deviceId, type, "127.0.0.1", port, new GnmiTransport.PlaintextForLabOnly(),
                Optional.empty(), java.time.Duration.ofSeconds(5), BackoffPolicy.DEFAULT);
    }

    /** Simulates the device going down: the server stops and every open stream is cut. */
    void stop() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        streams.clear();
    }

    /**
     * Brings the device back on the same port, with the configuration it had. The freed port is in the
     * ephemeral range, so an outgoing connection of another test may hold it for a moment as its local
     * port: binding is retried for up to 5 s instead of failing the test on that coincidence.
     */
    void restart() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                startOn(port);
                return;
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- fault injection and inspection ---------------------------------------------------------------

    void failNextSets(int count, Status status) {
        failSetsWith = status;
        failSetsRemaining = count;
    }

    /** Delays the next {@code count} Sets by {@code millis}; a delayed Set whose deadline passed is not applied. */
    void delayNextSets(int count, long millis) {
        latencyMillis = millis;
        delayedSetsRemaining = count;
    }

    void malformedGets(boolean on) {
        malformedGets = on;
    }

    /** The next {@code count} Sets are acknowledged but not applied: a lying device. */
    void ackWithoutApplyingNextSets(int count) {
        ignoredSetsRemaining = count;
    }

    /** The next {@code count} Sets are applied at once but answered only after {@code millis}. */
    void applyThenReplySlowlyToNextSets(int count, long millis) {
        slowReplyMillis = millis;
        slowRepliesRemaining = count;
    }

    /** Number of Set RPCs received. */
    int getCalls() {
        return getCalls.get();
    }

    int setCalls() {
        return setCalls.get();
    }

    int activeSubscribeStreams() {
        return (int) streams.stream().filter(s -> !s.call.isCancelled()).count();
    }

    /** Waits (bounded, real time) until the target serves exactly {@code count} Subscribe streams. */
    void awaitActiveSubscribeStreams(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (streams) {
            while (activeSubscribeStreams() != count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " Subscribe streams, have "
                            + activeSubscribeStreams());
                }
                TimeUnit.NANOSECONDS.timedWait(streams, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
    }

    int subscribeCalls() {
        return subscribeCalls.get();
    }

    List<String> seenUsernames() {
        return List.copyOf(seenUsernames);
    }

    /** Writes a value directly (as the device itself would, e.g. a state change) and notifies subscribers. */
    void put(String path, JsonNode value) {
        synchronized (lock) {
            store.replace(GnmiPaths.parse(path), value);
        }
        notifySubscribers();
    }

    /** Full CONFIG tree in canonical form. */
    String configSnapshot() {
        synchronized (lock) {
            return JsonTreeStore.canonical(JsonTreeStore.configOnly(store.root())).toString();
        }
    }

    // ---- service ------------------------------------------------------------------------------------------

    private final class LoginCheck implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String user = headers.get(UsernamePasswordCallCredentials.USERNAME);
            String password = headers.get(UsernamePasswordCallCredentials.PASSWORD);
            if (user != null) {
                seenUsernames.add(user);
            }
            if (requiredLogin.isPresent() && !(requiredLogin.get().username().equals(user)
                    && requiredLogin.get().password().equals(password))) {
                call.close(Status.UNAUTHENTICATED.withDescription("bad username or password"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            return next.startCall(call, headers);
        }
    }

    private void delaySet() {
        long ms = delayedSetsRemaining > 0 ? latencyMillis : 0;
        if (ms > 0) {
            delayedSetsRemaining--;
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Service extends gNMIGrpc.gNMIImplBase {

        @Override
        public void capabilities(CapabilityRequest request, StreamObserver<CapabilityResponse> out) {
            out.onNext(CapabilityResponse.newBuilder().addAllSupportedModels(models)
                    .addSupportedEncodings(Encoding.JSON_IETF).addSupportedEncodings(Encoding.JSON)
                    .setGNMIVersion("0.10.0").build());
            out.onCompleted();
        }

        @Override
        public void get(GetRequest request, StreamObserver<GetResponse> out) {
            getCalls.incrementAndGet();
            GetResponse.Builder response = GetResponse.newBuilder();
            synchronized (lock) {
                for (Path p : request.getPathList()) {
                    Path path = GnmiPaths.join(request.getPrefix(), p);
                    Optional<JsonNode> value = store.get(path);
                    if (request.getType() == GetRequest.DataType.CONFIG) {
                        value = value.map(JsonTreeStore::configOnly).filter(v -> !(v.isObject() && v.isEmpty()));
                    }
                    if (value.isEmpty()) {
                        out.onError(Status.NOT_FOUND.withDescription(GnmiPaths.format(path)).asRuntimeException());
                        return;
                    }
                    ByteString bytes = malformedGets ? ByteString.copyFromUtf8("{\"truncated\": ")
                            : IetfJson.toBytes(JsonTreeStore.canonical(value.get()));
                    response.addNotification(Notification.newBuilder().setTimestamp(System.nanoTime())
                            .addUpdate(Update.newBuilder().setPath(path)
                                    .setVal(TypedValue.newBuilder().setJsonIetfVal(bytes))));
                }
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void set(SetRequest request, StreamObserver<SetResponse> out) {
            setCalls.incrementAndGet();
            delaySet();
            if (Context.current().isCancelled()) {
                return; // the client's deadline passed while we were slow: honour it and change nothing
            }
            if (failSetsRemaining > 0) {
                failSetsRemaining--;
                out.onError(failSetsWith.asRuntimeException());
                return;
            }
            SetResponse.Builder response = SetResponse.newBuilder().setTimestamp(System.nanoTime());
            if (ignoredSetsRemaining > 0) {
                ignoredSetsRemaining--;
                out.onNext(response.build());
                out.onCompleted();
                return;
            }
            synchronized (lock) {
                JsonTreeStore candidate = store.copy();
                try {
                    for (Path p : request.getDeleteList()) {
                        candidate.delete(GnmiPaths.join(request.getPrefix(), p));
                        response.addResponse(UpdateResult.newBuilder().setPath(p).setOp(UpdateResult.Operation.DELETE));
                    }
                    for (Update u : request.getReplaceList()) {
                        candidate.replace(GnmiPaths.join(request.getPrefix(), u.getPath()),
                                IetfJson.parse(u.getVal().getJsonIetfVal()));
                        response.addResponse(UpdateResult.newBuilder().setPath(u.getPath())
                                .setOp(UpdateResult.Operation.REPLACE));
                    }
                    if (request.getUpdateCount() > 0) {
                        throw new IllegalArgumentException("this target only supports replace and delete");
                    }
                } catch (IllegalArgumentException e) {
                    out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
                    return;
                }
                store = candidate;
            }
            if (slowRepliesRemaining > 0) {
                slowRepliesRemaining--;
                try {
                    Thread.sleep(slowReplyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.onNext(response.build());
            out.onCompleted();
            notifySubscribers();
        }

        @Override
        public StreamObserver<SubscribeRequest> subscribe(StreamObserver<SubscribeResponse> out) {
            subscribeCalls.incrementAndGet();
            ServerCallStreamObserver<SubscribeResponse> call = (ServerCallStreamObserver<SubscribeResponse>) out;
            Stream[] holder = new Stream[1];
            call.setOnCancelHandler(() -> {
                synchronized (holder) {
                    streams.remove(holder[0]);
                }
                synchronized (streams) {
                    streams.notifyAll();
                }
            });
            return new StreamObserver<>() {
                private Stream stream;

                @Override
                public void onNext(SubscribeRequest request) {
                    if (stream != null || !request.hasSubscribe()) {
                        call.onError(Status.INVALID_ARGUMENT.withDescription("one SubscriptionList per stream")
                                .asRuntimeException());
                        return;
                    }
                    stream = new Stream(call, request.getSubscribe().getSubscriptionList());
                    synchronized (holder) {
                        holder[0] = stream;
                        streams.add(stream);
                    }
                    stream.sendChanges(true);
                }

                @Override
                public void onError(Throwable t) {
                    streams.remove(stream);
                }

                @Override
                public void onCompleted() {
                    // STREAM mode: the client half-closing does not end the subscription.
                }
            };
        }
    }

    private void notifySubscribers() {
        for (Stream s : streams) {
            s.sendChanges(false);
        }
    }

    /** One open Subscribe stream and the last value it sent per path. */
    private final class Stream {
        final ServerCallStreamObserver<SubscribeResponse> call;
        final List<Subscription> subscriptions;
        final Map<Path, JsonNode> sent = new HashMap<>();

        Stream(ServerCallStreamObserver<SubscribeResponse> call, List<Subscription> subscriptions) {
            this.call = call;
            this.subscriptions = new ArrayList<>(subscriptions);
        }

        synchronized void sendChanges(boolean initial) {
            Notification.Builder n = Notification.newBuilder().setTimestamp(System.currentTimeMillis() * 1_000_000);
            synchronized (lock) {
                for (Subscription s : subscriptions) {
                    Optional<JsonNode> v = store.get(s.getPath());
                    if (v.isPresent() && !v.get().equals(sent.get(s.getPath()))) {
                        sent.put(s.getPath(), v.get());
                        n.addUpdate(Update.newBuilder().setPath(s.getPath())
                                .setVal(TypedValue.newBuilder().setJsonIetfVal(IetfJson.toBytes(v.get()))));
                    }
                }
            }
            if (call.isCancelled()) {
                return;
            }
            if (n.getUpdateCount() > 0) {
                call.onNext(SubscribeResponse.newBuilder().setUpdate(n).build());
            }
            if (initial) {
                call.onNext(SubscribeResponse.newBuilder().setSyncResponse(true).build());
            }
        }
    }
}
