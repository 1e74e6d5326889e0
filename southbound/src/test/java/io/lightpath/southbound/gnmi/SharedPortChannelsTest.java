package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.gNMIGrpc;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.DeviceException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel sharing against the emulated {@code hexa-metro} lab in shared-port mode (every device on one port,
 * addressed by {@code prefix.target}), over real loopback connections: the eight transponders' clients ride two
 * TCP connections, each client's Get and Set still reach its own device, and closing a client leaves the others'
 * calls alone.
 */
class SharedPortChannelsTest {

    private static final String FREQUENCY = "/components/component[name=line1]/optical-channel/config/frequency";

    private EmulatedLab lab;
    private final List<GnmiClient> clients = new ArrayList<>();

    @BeforeEach
    void startLab() throws Exception {
        lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"),
                LabOptions.defaults().withSharedPort(true).withAdminPort(-1));
    }

    @AfterEach
    void stopLab() {
        clients.forEach(GnmiClient::close);
        if (lab != null) {
            lab.close();
        }
    }

    private List<DeviceEndpoint> transponders() {
        List<DeviceEndpoint> tps = lab.endpoints().stream().filter(ep -> ep.role() == DeviceRole.TRANSPONDER)
                .toList();
        assertEquals(8, tps.size());
        assertEquals(1, tps.stream().map(DeviceEndpoint::port).distinct().count(), "one shared port");
        return tps;
    }

    private static GnmiDeviceConfig config(DeviceEndpoint ep) {
        return new GnmiDeviceConfig(ep.name(), GnmiDeviceType.TRANSPONDER, ep.host(), ep.port(),
                new GnmiTransport.PlaintextForLabOnly(), Optional.empty(), Duration.ofSeconds(10),
                InTestTargetContractTest.BACKOFF, ep.target());
    }

    private List<GnmiClient> connectTransponders(GnmiChannels channels) {
        for (DeviceEndpoint ep : transponders()) {
            clients.add(new GnmiClient(config(ep), Clock.systemUTC(), channels));
        }
        return clients;
    }

    private static long frequencyOf(int device) {
        return 191_500_000L + device * 100_000L;
    }

    private static CompletableFuture<?> tune(GnmiClient client, long mhz) {
        return client.set(SetRequest.newBuilder().setPrefix(client.config().prefix())
                .addUpdate(Update.newBuilder().setPath(GnmiPaths.parse(FREQUENCY)).setVal(TypedValue.newBuilder()
                        .setJsonIetfVal(ByteString.copyFrom("\"" + mhz + "\"", StandardCharsets.UTF_8))))
                .build());
    }

    private static CompletableFuture<GetResponse> readFrequency(GnmiClient client) {
        return client.get(GetRequest.newBuilder().setPrefix(client.config().prefix())
                .addPath(GnmiPaths.parse(FREQUENCY)).setType(GetRequest.DataType.CONFIG)
                .setEncoding(Encoding.JSON_IETF).build());
    }

    private static String value(GetResponse r) {
        return r.getNotification(0).getUpdate(0).getVal().getJsonIetfVal().toStringUtf8();
    }

    /** The local address of the TCP connection a Capabilities call on {@code channel} went over. */
    private static SocketAddress connectionOf(ManagedChannel channel) {
        AtomicReference<SocketAddress> local = new AtomicReference<>();
        ClientInterceptor recorder = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                    Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        ClientCall<Q, R> call = delegate();
                        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onHeaders(Metadata h) {
                                local.set(call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR));
                                super.onHeaders(h);
                            }
                        }, headers);
                    }
                };
            }
        };
        gNMIGrpc.newBlockingStub(ClientInterceptors.intercept(channel, recorder))
                .withDeadlineAfter(10, TimeUnit.SECONDS).capabilities(CapabilityRequest.getDefaultInstance());
        assertNotNull(local.get(), "no local address reported");
        return local.get();
    }

    @Test
    void eightDevicesRideTwoConnectionsAndEachGetAndSetReachesItsOwnDevice() throws Exception {
        GnmiChannels channels = new GnmiChannels(2);
        List<GnmiClient> tps = connectTransponders(channels);

        assertEquals(2, channels.openChannels());
        Set<SocketAddress> connections = new HashSet<>();
        for (int i = 0; i < tps.size(); i++) {
            assertSame(tps.get(i % 2).channel(), tps.get(i).channel(), tps.get(i).deviceId());
            connections.add(connectionOf(tps.get(i).channel()));
        }
        assertEquals(2, connections.size(), "TCP connections used by 8 devices: " + connections);

        List<CompletableFuture<?>> sets = new ArrayList<>();
        for (int i = 0; i < tps.size(); i++) {
            sets.add(tune(tps.get(i), frequencyOf(i)));
        }
        for (CompletableFuture<?> f : sets) {
            f.get(20, TimeUnit.SECONDS);
        }
        for (int i = 0; i < tps.size(); i++) {
            GnmiClient c = tps.get(i);
            assertEquals("\"" + frequencyOf(i) + "\"", value(readFrequency(c).get(20, TimeUnit.SECONDS)),
                    c.deviceId());
            assertEquals(1, lab.device(c.deviceId()).setsAnswered(), c.deviceId());
            assertEquals(1, lab.device(c.deviceId()).getsAnswered(), c.deviceId());
        }
    }

    @Test
    void closingADeviceEndsItsOwnCallsOnlyAndTheLastCloseTerminatesTheChannels() throws Exception {
        GnmiChannels channels = new GnmiChannels(2);
        List<GnmiClient> tps = connectTransponders(channels);
        GnmiClient closing = tps.get(0);
        GnmiClient neighbour = tps.get(2);
        ManagedChannel shared = closing.channel();
        assertSame(shared, neighbour.channel());
        tune(closing, frequencyOf(0)).get(20, TimeUnit.SECONDS);
        tune(neighbour, frequencyOf(2)).get(20, TimeUnit.SECONDS);
        // both have a reply in flight when the first closes
        lab.device(closing.deviceId()).faults().setLatencyMs(30_000);
        lab.device(neighbour.deviceId()).faults().setLatencyMs(1_000);
        CompletableFuture<GetResponse> cut = readFrequency(closing);
        CompletableFuture<GetResponse> carriedOn = readFrequency(neighbour);

        closing.close();

        ExecutionException e = assertThrows(ExecutionException.class, () -> cut.get(5, TimeUnit.SECONDS));
        DeviceException de = assertInstanceOf(DeviceException.class, e.getCause());
        assertEquals(DeviceException.Kind.UNAVAILABLE, de.kind(), de.getMessage());
        assertEquals(Status.Code.UNAVAILABLE, Status.fromThrowable(de.getCause()).getCode(), de.getMessage());
        assertEquals("\"" + frequencyOf(2) + "\"", value(carriedOn.get(20, TimeUnit.SECONDS)));
        assertFalse(shared.isShutdown());
        for (GnmiClient c : tps.subList(1, tps.size())) {
            tune(c, frequencyOf(3)).get(20, TimeUnit.SECONDS);
        }

        List<ManagedChannel> all = List.of(tps.get(0).channel(), tps.get(1).channel());
        assertNotEquals(all.get(0), all.get(1));
        tps.forEach(GnmiClient::close);

        for (ManagedChannel ch : all) {
            assertTrue(ch.isTerminated());
        }
        assertEquals(0, channels.openChannels());
    }

    @Test
    void driversOfOneEndpointShareTheProcessWideChannels() throws Exception {
        List<GnmiDeviceDriver> drivers = new ArrayList<>();
        try {
            for (DeviceEndpoint ep : transponders()) {
                drivers.add(new GnmiDeviceDriver(config(ep), PayloadValidator.NONE, new ManualScheduler()));
            }
            Set<ManagedChannel> used = new HashSet<>();
            for (GnmiDeviceDriver d : drivers) {
                assertEquals(d.deviceId(), d.discover().get(20, TimeUnit.SECONDS).deviceId());
                used.add(d.session().client().channel());
            }
            assertEquals(GnmiChannels.DEFAULT_CHANNELS_PER_ENDPOINT, used.size());
            drivers.forEach(GnmiDeviceDriver::close);
            for (ManagedChannel ch : used) {
                assertTrue(ch.isTerminated(), "closing every driver shuts their channels down");
            }
        } finally {
            drivers.forEach(GnmiDeviceDriver::close);
        }
    }
}
