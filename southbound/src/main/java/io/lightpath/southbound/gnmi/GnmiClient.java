package io.lightpath.southbound.gnmi;

import io.grpc.ChannelCredentials;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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

    private gNMIGrpc.gNMIStub unaryStub() {
        return stub.withDeadlineAfter(config.rpcDeadline().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Capabilities, failing fast with UNAVAILABLE when the target cannot be reached. */
    public CompletableFuture<CapabilityResponse> capabilities() {
        CompletableFuture<CapabilityResponse> f = new CompletableFuture<>();
        detached(() -> unaryStub().capabilities(CapabilityRequest.getDefaultInstance(), observer(f, "Capabilities")));
        return f;
    }

    /**
     * Capabilities sent "wait for ready": the call waits, up to the RPC deadline, for the channel to connect.
     * Used as the connection probe before (re)subscribing and by discovery; gRPC's pick-first policy keeps
     * failing fast-failing calls with the last connection error until a reconnect has succeeded, so a probe
     * that waits is the reliable way to learn that the target is back.
     */
    public CompletableFuture<CapabilityResponse> probe() {
        CompletableFuture<CapabilityResponse> f = new CompletableFuture<>();
        detached(() -> unaryStub().withWaitForReady().capabilities(CapabilityRequest.getDefaultInstance(),
                observer(f, "Capabilities")));
        return f;
    }

    public CompletableFuture<GetResponse> get(GetRequest request) {
        CompletableFuture<GetResponse> f = new CompletableFuture<>();
        detached(() -> unaryStub().get(request, observer(f, "Get")));
        return f;
    }

    public CompletableFuture<SetResponse> set(SetRequest request) {
        CompletableFuture<SetResponse> f = new CompletableFuture<>();
        detached(() -> unaryStub().set(request, observer(f, "Set")));
        return f;
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

    /**
     * Starts a call outside the caller's gRPC {@link Context}: a driver call made while serving an RPC (e.g. the
     * connection a RegisterDevice opens) must not be cancelled, or inherit a deadline, when that RPC ends.
     */
    private static void detached(Runnable start) {
        Context previous = Context.ROOT.attach();
        try {
            start.run();
        } finally {
            Context.ROOT.detach(previous);
        }
    }

    private <T> StreamObserver<T> observer(CompletableFuture<T> f, String operation) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                session.answered();
                f.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                DeviceException e = GnmiErrors.toDeviceException(config.deviceId(), operation, t);
                session.failed(e);
                if (e.kind() == DeviceException.Kind.UNAVAILABLE) {
                    // Without this, calls keep failing fast with the stale error until gRPC's hidden connect
                    // backoff (up to 2 minutes) expires; retry policy belongs to our callers.
                    channel.resetConnectBackoff();
                }
                f.completeExceptionally(e);
            }

            @Override
            public void onCompleted() {
                if (!f.isDone()) {
                    f.completeExceptionally(GnmiErrors.malformed(config.deviceId(), operation, "no response"));
                }
            }
        };
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
