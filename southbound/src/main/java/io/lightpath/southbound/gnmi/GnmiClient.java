package io.lightpath.southbound.gnmi;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.gnmi.CapabilityResponse;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SetResponse;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.gNMIGrpc;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Thin asynchronous gNMI client for one target on grpc-java async stubs: a {@link ManagedChannel} shared with the
 * other clients of the same endpoint ({@link GnmiChannels}), a deadline on every unary RPC, credentials as call
 * metadata, gRPC failures mapped to {@link DeviceException}.
 *
 * <p>Thread-safe. The returned futures complete on the channel's network (event loop) thread: callbacks must be
 * short and must not block.
 */
public final class GnmiClient implements AutoCloseable {

    private final GnmiDeviceConfig config;
    private final GnmiChannels.Lease lease;
    private final gNMIGrpc.gNMIStub stub;
    private final SessionState session;
    /**
     * The Context every call of this client starts in: a child of ROOT, so a call outlives the caller's RPC (see
     * {@link #detached}), and cancellable, so that {@link #close()} ends this client's calls, and refuses later ones,
     * as shutting down a channel of its own did, without touching the other devices' calls on the shared channel.
     */
    private final Context.CancellableContext calls = Context.ROOT.withCancellation();
    private volatile boolean closed;

    public GnmiClient(GnmiDeviceConfig config) {
        this(config, java.time.Clock.systemUTC());
    }

    /** @param clock time of session state changes ({@link #connectionStatus()}) */
    public GnmiClient(GnmiDeviceConfig config, java.time.Clock clock) {
        this(config, clock, GnmiChannels.shared());
    }

    /**
     * @param channels where the channel comes from: shared with the other clients of the same endpoint (host, port
     *     and transport), see {@link GnmiChannels}
     */
    GnmiClient(GnmiDeviceConfig config, java.time.Clock clock, GnmiChannels channels) {
        this.config = config;
        this.session = new SessionState(clock);
        this.lease = channels.acquire(config);
        gNMIGrpc.gNMIStub s = gNMIGrpc.newStub(lease.channel());
        if (config.credentials().isPresent()) {
            // per call, so devices with different credentials can share one channel
            s = s.withCallCredentials(new UsernamePasswordCallCredentials(config.credentials().get()));
        }
        this.stub = s;
    }

    public String deviceId() {
        return config.deviceId();
    }

    public GnmiDeviceConfig config() {
        return config;
    }

    /** What the last RPC or stream response said about the session. */
    public io.lightpath.southbound.spi.ConnectionStatus connectionStatus() {
        return session.status();
    }

    /** Reports what a call outside this class (discovery, a subscription) learned about the session. */
    SessionState session() {
        return session;
    }

    /** Capabilities, failing fast with UNAVAILABLE when the target cannot be reached. */
    public CompletableFuture<CapabilityResponse> capabilities() {
        return unary(gNMIGrpc.getCapabilitiesMethod(), CapabilityRequest.getDefaultInstance(), "Capabilities", false);
    }

    /**
     * Capabilities sent "wait for ready": the call waits, up to the RPC deadline, for the channel to connect.
     * Used as the connection probe before (re)subscribing and by discovery; gRPC's pick-first policy keeps
     * failing fast-failing calls with the last connection error until a reconnect has succeeded, so a probe
     * that waits is the reliable way to learn that the target is back.
     */
    public CompletableFuture<CapabilityResponse> probe() {
        return unary(gNMIGrpc.getCapabilitiesMethod(), CapabilityRequest.getDefaultInstance(), "Capabilities", true);
    }

    public CompletableFuture<GetResponse> get(GetRequest request) {
        return unary(gNMIGrpc.getGetMethod(), request, "Get", false);
    }

    public CompletableFuture<SetResponse> set(SetRequest request) {
        return unary(gNMIGrpc.getSetMethod(), request, "Set", false);
    }

    /**
     * One unary call, on a {@link ClientCall} of its own rather than through the async stub: the stub's
     * adapter turns every non-OK status into a {@link io.grpc.StatusRuntimeException} with a filled stack
     * trace, and NOT_FOUND is an ordinary answer here (the absent prior of every entry a service creates).
     * The call carries the stub's options (credentials) and a deadline, and starts in this client's
     * {@link Context} rather than the caller's (see {@link #detached}).
     */
    private <Q, R> CompletableFuture<R> unary(MethodDescriptor<Q, R> method, Q request, String operation,
            boolean waitForReady) {
        CompletableFuture<R> f = new CompletableFuture<>();
        CallOptions options = stub.getCallOptions()
                .withDeadlineAfter(config.rpcDeadline().toNanos(), TimeUnit.NANOSECONDS);
        if (waitForReady) {
            options = options.withWaitForReady();
        }
        ClientCall<Q, R> call = detached(method, options);
        call.start(new UnaryListener<>(f, operation), new Metadata());
        // two: a second message would be a protocol violation we want to see, not to wait for
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        return f;
    }

    /**
     * Creates the call outside the caller's gRPC {@link Context}: a driver call made while serving an RPC (e.g.
     * the connection a RegisterDevice opens) must not be cancelled, or inherit a deadline, when that RPC ends. It
     * is created in {@link #calls} instead, which only {@link #close()} cancels.
     */
    private <Q, R> ClientCall<Q, R> detached(MethodDescriptor<Q, R> method, CallOptions options) {
        Context previous = calls.attach();
        try {
            return stub.getChannel().newCall(method, options);
        } finally {
            calls.detach(previous);
        }
    }

    /** Completes a unary call's future with its one response, or with the call's status as a DeviceException. */
    private final class UnaryListener<R> extends ClientCall.Listener<R> {
        private final CompletableFuture<R> future;
        private final String operation;
        private R response;

        UnaryListener(CompletableFuture<R> future, String operation) {
            this.future = future;
            this.operation = operation;
        }

        @Override
        public void onMessage(R message) {
            if (response != null) {
                future.completeExceptionally(GnmiErrors.malformed(config.deviceId(), operation, "two responses"));
            }
            response = message;
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            if (status.isOk()) {
                session.answered();
                if (response == null) {
                    future.completeExceptionally(GnmiErrors.malformed(config.deviceId(), operation, "no response"));
                } else {
                    future.complete(response);
                }
                return;
            }
            DeviceException e = GnmiErrors.toDeviceException(config.deviceId(), operation, status, trailers);
            session.failed(e);
            if (e.kind() == DeviceException.Kind.UNAVAILABLE && !closed) {
                // Without this, calls keep failing fast with the stale error until gRPC's hidden connect
                // backoff (up to 2 minutes) expires; retry policy belongs to our callers. On a shared channel it
                // reconnects for every device of the endpoint, which is what they all need. Not once closed:
                // then the failure is this client's own cancellation, not the endpoint's.
                lease.channel().resetConnectBackoff();
            }
            future.completeExceptionally(e);
        }
    }

    /**
     * Opens a Subscribe stream, sends {@code request} and delivers responses to {@code responses}. The stream
     * has no deadline; cancel it through the handle given to {@code onStart}.
     *
     * @param onStart receives the call's request stream (whose {@code cancel} ends the subscription) before any
     *     response is delivered
     */
    public void subscribe(
            SubscribeRequest request,
            StreamObserver<SubscribeResponse> responses,
            Consumer<ClientCallStreamObserver<SubscribeRequest>> onStart) {
        Context previous = calls.attach();
        try {
            subscribeNow(request, responses, onStart);
        } finally {
            calls.detach(previous);
        }
    }

    private void subscribeNow(
            SubscribeRequest request,
            StreamObserver<SubscribeResponse> responses,
            Consumer<ClientCallStreamObserver<SubscribeRequest>> onStart) {
        StreamObserver<SubscribeRequest> requests = stub.subscribe(new ClientResponseObserver<SubscribeRequest,
                SubscribeResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
                onStart.accept(requestStream);
            }

            @Override
            public void onNext(SubscribeResponse value) {
                session.answered();
                responses.onNext(value);
            }

            @Override
            public void onError(Throwable t) {
                responses.onError(t);
            }

            @Override
            public void onCompleted() {
                responses.onCompleted();
            }
        });
        requests.onNext(request);
        // The subscription list is sent once; half-closing would end STREAM mode on some targets, so we don't.
    }

    /**
     * Asks the channel to reconnect now instead of after gRPC's own backoff: the subscription manager runs its
     * own capped backoff and calls this when a retry is due. The channel may be shared with other devices of the
     * endpoint; reconnecting sooner is right for them too.
     */
    public void resetConnectBackoff() {
        if (!closed) {
            lease.channel().resetConnectBackoff();
        }
    }

    /** The channel this client's calls use, possibly shared with other clients; for tests. */
    ManagedChannel channel() {
        return lease.channel();
    }

    /**
     * Ends this client's calls in flight (they fail UNAVAILABLE, as on a channel being shut down), makes later
     * calls fail the same way, and releases the channel: the last client of a channel shuts it down and waits up
     * to 5 s for it to terminate. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        calls.cancel(Status.UNAVAILABLE.withDescription("gNMI client of " + config.deviceId() + " is closed")
                .asRuntimeException());
        lease.release();
    }
}
