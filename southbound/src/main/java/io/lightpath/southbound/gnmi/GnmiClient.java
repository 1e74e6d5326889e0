package io.lightpath.southbound.gnmi;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Thin asynchronous gNMI client for one target on grpc-java async stubs: one {@link ManagedChannel}, a deadline
 * on every unary RPC, credentials as call metadata, gRPC failures mapped to {@link DeviceException}.
 *
 * <p>Thread-safe. The returned futures complete on the channel's network (event loop) thread: callbacks must be
 * short and must not block.
 */
public final class GnmiClient implements AutoCloseable {

    private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final GnmiDeviceConfig config;
    private final ManagedChannel channel;
    private final gNMIGrpc.gNMIStub stub;
    private final SessionState session;

    public GnmiClient(GnmiDeviceConfig config) {
        this(config, java.time.Clock.systemUTC());
    }

    /** @param clock time of session state changes ({@link #connectionStatus()}) */
    public GnmiClient(GnmiDeviceConfig config, java.time.Clock clock) {
        this.config = config;
        this.session = new SessionState(clock);
        ManagedChannelBuilder<?> builder =
                Grpc.newChannelBuilderForAddress(config.host(), config.port(), channelCredentials(config.transport()))
                        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                        // Responses are handled on the channel's network thread instead of being handed to gRPC's
                        // cached executor: every callback of this driver is short and never blocks (the SPI
                        // forbids blocking in callbacks), and the hand-off was a thread wake-up per RPC.
                        .directExecutor()
                        // Retries are our callers' decision (backoff, compensation); gRPC's retry support, on by
                        // default, wraps every call in a buffering layer this channel does not need.
                        .disableRetry();
        if (config.transport() instanceof GnmiTransport.Tls tls) {
            tls.authorityOverride().ifPresent(builder::overrideAuthority);
        }
        this.channel = builder.build();
        gNMIGrpc.gNMIStub s = gNMIGrpc.newStub(channel);
        if (config.credentials().isPresent()) {
            s = s.withCallCredentials(new UsernamePasswordCallCredentials(config.credentials().get()));
        }
        this.stub = s;
    }

    private static ChannelCredentials channelCredentials(GnmiTransport transport) {
        if (transport instanceof GnmiTransport.Tls tls) {
            TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
            if (tls.trustedCertificatesPem().isPresent()) {
                try {
                    b.trustManager(new ByteArrayInputStream(tls.trustedCertificatesPem().get()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read trusted certificates", e);
                }
            }
            return b.build();
        }
        return InsecureChannelCredentials.create();
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
     * The call carries the stub's options (credentials) and a deadline, and starts outside the caller's
     * {@link Context} (see {@link #detached}).
     */
    private <Q, R> CompletableFuture<R> unary(MethodDescriptor<Q, R> method, Q request, String operation,
            boolean waitForReady) {
        CompletableFuture<R> f = new CompletableFuture<>();
        CallOptions options = stub.getCallOptions()
                .withDeadlineAfter(config.rpcDeadline().toNanos(), TimeUnit.NANOSECONDS);
        if (waitForReady) {
            options = options.withWaitForReady();
        }
        ClientCall<Q, R> call = detached(stub.getChannel(), method, options);
        call.start(new UnaryListener<>(f, operation), new Metadata());
        // two: a second message would be a protocol violation we want to see, not to wait for
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        return f;
    }

    /**
     * Creates the call outside the caller's gRPC {@link Context}: a driver call made while serving an RPC (e.g.
     * the connection a RegisterDevice opens) must not be cancelled, or inherit a deadline, when that RPC ends.
     */
    private static <Q, R> ClientCall<Q, R> detached(io.grpc.Channel channel, MethodDescriptor<Q, R> method,
            CallOptions options) {
        Context previous = Context.ROOT.attach();
        try {
            return channel.newCall(method, options);
        } finally {
            Context.ROOT.detach(previous);
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
            if (e.kind() == DeviceException.Kind.UNAVAILABLE) {
                // Without this, calls keep failing fast with the stale error until gRPC's hidden connect
                // backoff (up to 2 minutes) expires; retry policy belongs to our callers.
                channel.resetConnectBackoff();
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
        Context previous = Context.ROOT.attach();
        try {
            subscribeNow(request, responses, onStart);
        } finally {
            Context.ROOT.detach(previous);
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
     * own capped backoff and calls this when a retry is due.
     */
    public void resetConnectBackoff() {
        channel.resetConnectBackoff();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
