package io.lightpath.southbound.gnmi.bench;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SetResponse;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.UpdateResult;
import io.lightpath.proto.gnmi.gNMIGrpc;
import io.lightpath.southbound.gnmi.BackoffPolicy;
import io.lightpath.southbound.gnmi.GnmiClient;
import io.lightpath.southbound.gnmi.GnmiDeviceConfig;
import io.lightpath.southbound.gnmi.GnmiDeviceType;
import io.lightpath.southbound.gnmi.GnmiPaths;
import io.lightpath.southbound.gnmi.GnmiTransport;
import io.lightpath.southbound.spi.DeviceException;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gNMI transport's floor on this machine (not a test): how many unary gNMI calls per second the controller's
 * {@link GnmiClient} and a gRPC target that does no work at all (canned answers) sustain together on loopback,
 * with both ends in this JVM, sharing the machine's cores as {@code lightpath bench} does with its lab. The call
 * mix is a service's: 10 Gets (2 of them answered NOT_FOUND, as the ROADMs' absent priors are) to 4 Sets, with
 * payloads the size of a media-channel entry. Prints calls/s, CPU per call, and what that floor alone allows in
 * services/s at the round trips a service costs. Command in docs/benchmarks.md.
 *
 * <p>Arguments: {@code [in-flight calls=16] [seconds=10] [devices=1]}: with several devices, the target listens
 * on one port per device (as the emulated lab does), the client opens one channel to each, and each call goes to
 * the next device in turn, so the calls are spread thin over many connections, as a bench service's are.
 */
public final class GnmiCallBench {

    /** gNMI calls per service against the bench lab (docs/benchmarks.md: 10 Get + 4 Set). */
    private static final int DEVICE_CALLS_PER_SERVICE = 14;
    /** Of every 14 calls, these are NOT_FOUND Gets (two absent media-channel priors). */
    private static final int[] NOT_FOUND_SLOTS = {3, 10};
    private static final int[] SET_SLOTS = {1, 5, 8, 12};

    private GnmiCallBench() {
    }

    public static void main(String[] args) throws Exception {
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean epoll = Epoll.isAvailable();
        MultiThreadIoEventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        MultiThreadIoEventLoopGroup workers = new MultiThreadIoEventLoopGroup(0,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        List<Server> servers = new ArrayList<>();
        List<GnmiClient> clients = new ArrayList<>();
        try {
            for (int d = 0; d < devices; d++) {
                // Built as EmulatedLab builds its device servers: handlers on the event loop.
                Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .bossEventLoopGroup(boss).workerEventLoopGroup(workers)
                        .channelType(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                        .directExecutor().addService(new CannedTarget()).build().start();
                servers.add(server);
                clients.add(new GnmiClient(new GnmiDeviceConfig("bench" + d, GnmiDeviceType.ROADM, "127.0.0.1",
                        server.getPort(), new GnmiTransport.PlaintextForLabOnly(), Optional.empty(),
                        Duration.ofSeconds(10), BackoffPolicy.DEFAULT, "bench" + d)));
            }
            run(clients, inFlight, Duration.ofSeconds(Math.max(5, seconds / 2)), false);
            run(clients, inFlight, Duration.ofSeconds(seconds), true);
        } finally {
            clients.forEach(GnmiClient::close);
            for (Server server : servers) {
                server.shutdownNow().awaitTermination();
            }
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }

    private static void run(List<GnmiClient> clients, int inFlight, Duration length, boolean print)
            throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong calls = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        CountDownLatch done = new CountDownLatch(inFlight);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            next(clients, i, i % clients.size(), inFlight, calls, deadline, done);
        }
        done.await();
        long wallNs = System.nanoTime() - t0;
        long cpuNs = os.getProcessCpuTime() - cpu0;
        if (!print) {
            return;
        }
        double perSecond = calls.get() * 1e9 / wallNs;
        double cpuUsPerCall = cpuNs / 1e3 / calls.get();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("transport: %s, %d calls in flight over %d device connection(s), %d cores%n",
                Epoll.isAvailable() ? "epoll" : "nio", inFlight, clients.size(), cores);
        System.out.printf("calls: %d in %.1f s = %.0f calls/s; CPU %.1f us per call (client and target together)%n",
                calls.get(), wallNs / 1e9, perSecond, cpuUsPerCall);
        System.out.printf("floor: at %d device calls per service, %d cores spent on nothing but these calls carry"
                        + " at most %.0f services/s%n", DEVICE_CALLS_PER_SERVICE, cores,
                cores * 1e6 / (cpuUsPerCall * DEVICE_CALLS_PER_SERVICE));
    }

    /**
     * Sends call number {@code n} of this in-flight slot's sequence to device {@code device}, and the next one, to
     * the device {@code inFlight} further on (so no two slots share a device at once), when it is answered.
     */
    private static void next(List<GnmiClient> clients, long n, int device, int inFlight, AtomicLong calls,
            long deadline, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        int slot = (int) (n % DEVICE_CALLS_PER_SERVICE);
        GnmiClient client = clients.get(device);
        CompletableFuture<?> call = contains(SET_SLOTS, slot) ? client.set(SET)
                : client.get(contains(NOT_FOUND_SLOTS, slot) ? ABSENT : PRESENT);
        call.whenComplete((r, t) -> {
            if (t != null && !(DeviceException.unwrap(t) != null
                    && DeviceException.unwrap(t).kind() == DeviceException.Kind.NOT_FOUND)) {
                t.printStackTrace();
                done.countDown();
                return;
            }
            calls.incrementAndGet();
            next(clients, n + 1, (device + inFlight) % clients.size(), inFlight, calls, deadline, done);
        });
    }

    private static boolean contains(int[] slots, int slot) {
        for (int s : slots) {
            if (s == slot) {
                return true;
            }
        }
        return false;
    }

    /** A media-channel entry as the emulated ROADM renders it (about 300 bytes of JSON_IETF). */
    private static final ByteString ENTRY = ByteString.copyFrom(("{\"openconfig-wavelength-router:index\":1,"
            + "\"openconfig-wavelength-router:config\":{\"index\":1,\"lower-frequency\":\"193075000\","
            + "\"upper-frequency\":\"193125000\",\"admin-status\":\"ENABLED\"},"
            + "\"openconfig-wavelength-router:source\":{\"config\":{\"port-name\":\"west\"}},"
            + "\"openconfig-wavelength-router:dest\":{\"config\":{\"port-name\":\"add1\"}}}")
            .getBytes(StandardCharsets.UTF_8));
    private static final io.lightpath.proto.gnmi.Path CHANNEL =
            GnmiPaths.parse("/wavelength-router/media-channels/channel[index=1]");
    private static final GetRequest PRESENT = GetRequest.newBuilder().addPath(CHANNEL)
            .setType(GetRequest.DataType.CONFIG).build();
    private static final GetRequest ABSENT = GetRequest.newBuilder()
            .addPath(GnmiPaths.parse("/wavelength-router/media-channels/channel[index=2]"))
            .setType(GetRequest.DataType.CONFIG).build();
    private static final SetRequest SET = SetRequest.newBuilder().addReplace(Update.newBuilder().setPath(CHANNEL)
            .setVal(TypedValue.newBuilder().setJsonIetfVal(ENTRY))).build();

    /** Answers every Get of channel 1 with {@link #ENTRY}, every other Get with NOT_FOUND, every Set with OK. */
    private static final class CannedTarget extends gNMIGrpc.gNMIImplBase {
        private static final GetResponse ENTRY_RESPONSE = GetResponse.newBuilder()
                .addNotification(Notification.newBuilder().addUpdate(Update.newBuilder().setPath(CHANNEL)
                        .setVal(TypedValue.newBuilder().setJsonIetfVal(ENTRY)))).build();

        @Override
        public void get(GetRequest request, StreamObserver<GetResponse> out) {
            if (!request.getPath(0).equals(CHANNEL)) {
                out.onError(Status.NOT_FOUND.withDescription("no such entry").asRuntimeException());
                return;
            }
            out.onNext(ENTRY_RESPONSE.toBuilder().setNotification(0, ENTRY_RESPONSE.getNotification(0).toBuilder()
                    .setTimestamp(System.nanoTime())).build());
            out.onCompleted();
        }

        @Override
        public void set(SetRequest request, StreamObserver<SetResponse> out) {
            out.onNext(SetResponse.newBuilder().setTimestamp(System.nanoTime()).addResponse(UpdateResult.newBuilder()
                    .setPath(request.getReplace(0).getPath()).setOp(UpdateResult.Operation.REPLACE)).build());
            out.onCompleted();
        }
    }
}
