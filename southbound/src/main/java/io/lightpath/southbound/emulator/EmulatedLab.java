package io.lightpath.southbound.emulator;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.lightpath.southbound.emulator.admin.LabAdminService;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.gnmi.CredentialsInterceptor;
import io.lightpath.southbound.emulator.gnmi.GnmiTargetService;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.lightpath.yang.YangSchema;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running emulated lab: every device of a {@link LabTopology} served as a real gNMI target on
 * loopback, plus the LabAdmin fault-injection service.
 *
 * <pre>{@code
 * try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"))) {
 *   DeviceEndpoint ep = lab.endpoint("alder-tp1");   // host, port, gNMI target name
 *   ManagedChannel ch = Grpc.newChannelBuilder(ep.address(), InsecureChannelCredentials.create()).build();
 *   // ... gNMI calls with prefix.target = ep.target() ...
 *   lab.network().cutFiber("alder-birch");            // or through LabAdmin at lab.adminAddress()
 * }
 * }</pre>
 *
 * <p>Per-device mode (default) gives each device its own port; shared mode ({@link
 * LabOptions#withSharedPort}) serves all devices on one port, addressed by {@code prefix.target}.
 * {@link #stop()} (or close) releases every port.
 */
public final class EmulatedLab implements AutoCloseable {
  private final LabNetwork network;
  private final LabOptions options;
  private final Map<String, DeviceEndpoint> endpoints = new LinkedHashMap<>();
  private final List<Server> servers = new ArrayList<>();
  private final Map<String, Server> deviceServers = new LinkedHashMap<>();
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ScheduledExecutorService scheduler;
  private Server adminServer;

  private EmulatedLab(LabTopology topology, LabOptions options) {
    this.options = options;
    this.network = new LabNetwork(topology, options.clock(),
        options.yangValidation() ? YangSchema.bundled() : null);
    this.boss = new MultiThreadIoEventLoopGroup(1, ioHandlers());
    this.workers = new MultiThreadIoEventLoopGroup(0, ioHandlers());
    this.scheduler = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "lab-scheduler");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code topology} with {@link LabOptions#defaults()}. */
  public static EmulatedLab start(LabTopology topology) throws IOException {
    return start(topology, LabOptions.defaults());
  }

  /** Starts {@code topology}; fails (releasing what it bound) when a port cannot be bound. */
  public static EmulatedLab start(LabTopology topology, LabOptions options) throws IOException {
    EmulatedLab lab = new EmulatedLab(topology, options);
    try {
      lab.bind();
    } catch (IOException | RuntimeException e) {
      lab.stop();
      throw e;
    }
    return lab;
  }

  private void bind() throws IOException {
    if (options.sharedPort()) {
      Server s = server(options.basePort(),
          new GnmiTargetService(network, null, scheduler, options.clock()));
      for (DeviceSpec d : network.topology().devices()) {
        endpoints.put(d.name(),
            new DeviceEndpoint(d.name(), d.role(), options.host(), s.getPort(), d.name()));
      }
    } else {
      int i = 0;
      for (DeviceSpec d : network.topology().devices()) {
        int port = options.basePort() == 0 ? 0 : options.basePort() + i;
        Server s = server(port, new GnmiTargetService(network, d.name(), scheduler, options.clock()));
        deviceServers.put(d.name(), s);
        endpoints.put(d.name(),
            new DeviceEndpoint(d.name(), d.role(), options.host(), s.getPort(), d.name()));
        i++;
      }
    }
    if (options.adminPort() >= 0) {
      adminServer = builder(options.adminPort())
          .addService(new LabAdminService(this))
          .build()
          .start();
    }
  }

  private NettyServerBuilder builder(int port) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), port))
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(serverChannelType())
        // Handlers never block for long (one short lab lock), so run them on the event loop.
        .directExecutor();
  }

  /**
   * Linux's native epoll transport when its library loads, as the controller's gRPC uses: fewer
   * syscalls and wake-ups per RPC than NIO, which stays the fallback elsewhere. The lab shares
   * the controller's cores in {@code lightpath bench}, so its cost per RPC is the bench's too.
   */
  private static IoHandlerFactory ioHandlers() {
    return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  private static Class<? extends ServerChannel> serverChannelType() {
    return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  private Server server(int port, BindableService gnmi) throws IOException {
    NettyServerBuilder b = builder(port);
    ServerServiceDefinition def = gnmi.bindService();
    if (options.credentials() != null) {
      def = ServerInterceptors.intercept(def, new CredentialsInterceptor(
          options.credentials().username(), options.credentials().password()));
    }
    b.addService(def);
    if (options.tls() != null) {
      b.sslContext(GrpcSslContexts.forServer(
          options.tls().certChainPem().toFile(), options.tls().privateKeyPem().toFile()).build());
    }
    Server s = b.build().start();
    servers.add(s);
    return s;
  }

  /** The endpoint of device {@code name}; IllegalArgumentException when there is none. */
  public DeviceEndpoint endpoint(String name) {
    DeviceEndpoint ep = endpoints.get(name);
    if (ep == null) {
      throw new IllegalArgumentException("no device named '" + name + "'");
    }
    return ep;
  }

  /** Every device's endpoint, in topology order. */
  public List<DeviceEndpoint> endpoints() {
    return List.copyOf(endpoints.values());
  }

  /** {@code host:port} of the LabAdmin service; IllegalStateException when it is disabled. */
  public String adminAddress() {
    if (adminServer == null) {
      throw new IllegalStateException("admin service disabled");
    }
    return options.host() + ":" + adminServer.getPort();
  }

  /** The emulated network, for in-process fault injection and inspection. */
  public LabNetwork network() {
    return network;
  }

  /** Device {@code name}, for in-process fault injection. */
  public EmulatedDevice device(String name) {
    return network.device(name)
        .orElseThrow(() -> new IllegalArgumentException("no device named '" + name + "'"));
  }

  /**
   * Takes a device down or brings it back. Down: every gNMI call and open stream of the device
   * fails UNAVAILABLE and, on a per-device port, its server closes the port (clients see the
   * connection drop and new connections refused). Up: the server listens again on the same port.
   * Optics are unaffected (a management-plane outage).
   *
   * @throws IOException if the port cannot be bound again
   */
  public synchronized void setDeviceDown(String name, boolean down) throws IOException {
    EmulatedDevice device = device(name);
    device.setDown(down);
    Server s = deviceServers.get(name);
    if (s == null) {
      return;
    }
    if (down && !s.isShutdown()) {
      s.shutdownNow();
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (!down && s.isShutdown()) {
      deviceServers.put(name, server(endpoint(name).port(),
          new GnmiTargetService(network, name, scheduler, options.clock())));
    }
  }

  /** Stops every server and thread; idempotent. */
  public synchronized void stop() {
    List<Server> all = new ArrayList<>(servers);
    if (adminServer != null) {
      all.add(adminServer);
    }
    all.forEach(Server::shutdownNow);
    for (Server s : all) {
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scheduler.shutdownNow();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    stop();
  }
}
