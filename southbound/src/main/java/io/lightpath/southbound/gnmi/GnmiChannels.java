package io.lightpath.southbound.gnmi;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gNMI channels of the process, shared by the clients of devices that sit behind one endpoint.
 *
 * <p>Why: a gNMI gateway (or the emulated lab's shared-port mode) serves many devices on one {@code host:port} and
 * tells them apart by {@code prefix.target}. A channel per device opened hundreds of HTTP/2 connections to that one
 * address; each connection costs the controller its own event-loop work, buffers and flow-control bookkeeping, and
 * a unary call measured about twice the CPU spread over 600 connections as over one (GnmiCallBench,
 * docs/benchmarks.md). HTTP/2 multiplexes the devices' calls over few connections instead.
 *
 * <p>Why not a single connection: a Netty server runs a connection's handlers on that connection's event loop (the
 * emulated lab does), so one connection would put the whole endpoint on one server thread. Each endpoint therefore
 * gets up to {@code channelsPerEndpoint} channels (each one HTTP/2 connection, gRPC's pick-first to one address);
 * {@link #acquire} gives a device the one with the fewest users (the lowest index on a tie), which is round-robin
 * while devices are only added and refills a channel whose devices went away. A device keeps its channel until it
 * releases it. An endpoint with one device has exactly one channel, built as before the registry existed.
 *
 * <p>Everything that makes two channels different is in the key ({@link Endpoint}): host, port and the transport
 * (TLS or not, the trusted certificates compared by content, the authority override). The per-device credentials are
 * not: they are per-call {@code CallCredentials} on each client's stub. Neither is the device id nor the gNMI target
 * name, which travels in every request.
 *
 * <p>Reference counted: {@link Lease#release()} of the last user of a channel shuts it down (shutdownNow, waiting
 * up to 5 s for termination as a client closing its own channel did). Thread-safe; channels of distinct endpoints
 * are built and shut down without waiting for each other.
 */
final class GnmiChannels {

    /** Channels per endpoint unless a registry is built with another count; see the class comment. */
    static final int DEFAULT_CHANNELS_PER_ENDPOINT = 2;

    private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final GnmiChannels SHARED = new GnmiChannels(DEFAULT_CHANNELS_PER_ENDPOINT);

    private final int channelsPerEndpoint;
    private final ConcurrentHashMap<Endpoint, Slots> endpoints = new ConcurrentHashMap<>();

    /** @param channelsPerEndpoint most channels (connections) one endpoint gets; at least 1 */
    GnmiChannels(int channelsPerEndpoint) {
        if (channelsPerEndpoint < 1) {
            throw new IllegalArgumentException("channelsPerEndpoint must be at least 1: " + channelsPerEndpoint);
        }
        this.channelsPerEndpoint = channelsPerEndpoint;
    }

    /** The registry every {@link GnmiClient} uses unless given another (tests). */
    static GnmiChannels shared() {
        return SHARED;
    }

    /**
     * A channel to {@code config}'s endpoint: an existing one of the endpoint's, or a new one while the endpoint has
     * fewer than {@code channelsPerEndpoint}. The caller must {@link Lease#release()} it.
     */
    Lease acquire(GnmiDeviceConfig config) {
        Endpoint key = Endpoint.of(config);
        Lease[] lease = new Lease[1];
        // compute locks only this endpoint's entry: the building, if any, does not hold up other endpoints
        endpoints.compute(key, (k, slots) -> {
            Slots s = slots != null ? slots : new Slots(channelsPerEndpoint);
            int i = s.leastUsed();
            if (s.channels[i] == null) {
                s.channels[i] = build(config);
            }
            s.users[i]++;
            lease[0] = new Lease(k, i, s.channels[i]);
            return s;
        });
        return lease[0];
    }

    private ManagedChannel release(Lease lease) {
        ManagedChannel[] last = new ManagedChannel[1];
        endpoints.computeIfPresent(lease.endpoint, (k, s) -> {
            if (s.channels[lease.slot] != lease.channel) {
                throw new IllegalStateException("lease of a channel the registry no longer holds");
            }
            if (--s.users[lease.slot] == 0) {
                last[0] = s.channels[lease.slot];
                s.channels[lease.slot] = null;
            }
            return s.isEmpty() ? null : s;
        });
        return last[0];
    }

    /** Open channels of every endpoint; for tests. */
    int openChannels() {
        int n = 0;
        for (Slots s : endpoints.values()) {
            for (ManagedChannel c : s.channels) {
                n += c == null ? 0 : 1;
            }
        }
        return n;
    }

    /** The channel as {@link GnmiClient} built its own before channels were shared: same options. */
    private static ManagedChannel build(GnmiDeviceConfig config) {
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
        return builder.build();
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

    /** One user's hold on a shared channel. */
    final class Lease {
        private final Endpoint endpoint;
        private final int slot;
        private final ManagedChannel channel;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Endpoint endpoint, int slot, ManagedChannel channel) {
            this.endpoint = endpoint;
            this.slot = slot;
            this.channel = channel;
        }

        ManagedChannel channel() {
            return channel;
        }

        /**
         * Gives the channel back; the last user's release shuts it down and waits (up to 5 s) for it to terminate.
         * A second call does nothing.
         */
        void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            ManagedChannel last = GnmiChannels.this.release(this);
            if (last == null) {
                return;
            }
            last.shutdownNow();
            try {
                last.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The channels of one endpoint and how many leases each has; guarded by the map entry's lock. */
    private static final class Slots {
        final ManagedChannel[] channels;
        final int[] users;

        Slots(int n) {
            channels = new ManagedChannel[n];
            users = new int[n];
        }

        int leastUsed() {
            int best = 0;
            for (int i = 1; i < users.length; i++) {
                if (users[i] < users[best]) {
                    best = i;
                }
            }
            return best;
        }

        boolean isEmpty() {
            for (int u : users) {
                if (u > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What determines a channel: address and transport. A record would compare the trusted certificates (a byte
     * array) by identity, so two devices configured from the same CA file would not share.
     */
    static final class Endpoint {
        private final String host;
        private final int port;
        private final boolean tls;
        private final byte[] trustedPem;
        private final String authority;

        private Endpoint(String host, int port, boolean tls, byte[] trustedPem, String authority) {
            this.host = host;
            this.port = port;
            this.tls = tls;
            this.trustedPem = trustedPem;
            this.authority = authority;
        }

        static Endpoint of(GnmiDeviceConfig config) {
            if (config.transport() instanceof GnmiTransport.Tls t) {
                // a copy: the record's accessor hands out the array the record holds, and a key must not change
                return new Endpoint(config.host(), config.port(), true,
                        t.trustedCertificatesPem().map(byte[]::clone).orElse(null), t.authorityOverride().orElse(null));
            }
            return new Endpoint(config.host(), config.port(), false, null, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint e && port == e.port && tls == e.tls && host.equals(e.host)
                    && Arrays.equals(trustedPem, e.trustedPem) && Objects.equals(authority, e.authority);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, port, tls, Arrays.hashCode(trustedPem), authority);
        }

        @Override
        public String toString() {
            return (tls ? "tls" : "plaintext") + "://" + host + ":" + port
                    + (authority != null ? " (authority " + authority + ")" : "");
        }
    }
}
