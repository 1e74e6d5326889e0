package io.lightpath.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.lightpath.api.internal.ErrorTranslatingInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The northbound gRPC server: the API services plus the standard health and reflection services,
 * so load balancers, orchestrators and {@code grpcurl} work without extra configuration.
 *
 * <p>Construction does no I/O; {@link #start()} binds the port. Thread-safe.
 */
public final class LightpathServer {
  private static final Logger log = LoggerFactory.getLogger(LightpathServer.class);

  private final ServerConfig config;
  private final NorthboundServices services;
  private final MeterRegistry meters;
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;

  @Inject
  public LightpathServer(ServerConfig config, NorthboundServices services, MeterRegistry meters) {
    this.config = config;
    this.services = services;
    this.meters = meters;
  }

  /** Largest request the server accepts, in bytes. */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 128 << 20;

  /** Binds the port and starts serving; every service reports SERVING. */
  public synchronized LightpathServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
    NettyServerBuilder builder = config.tls().isPresent()
        ? NettyServerBuilder.forAddress(address, credentials(config.tls().get()))
        : NettyServerBuilder.forAddress(address);
    builder.addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(legacyReflection())
        // an ImportTopology of a large network exceeds gRPC's 4 MiB default (the 1,000-node
        // benchmark network, with one patch cord per transponder line port, is ~40 MB of JSON)
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES);
    KeepAlivePolicy keepAlive = config.keepAlive();
    builder.permitKeepAliveTime(keepAlive.permitClientPingsEvery().toNanos(), TimeUnit.NANOSECONDS)
        .permitKeepAliveWithoutCalls(keepAlive.permitPingsWithoutCalls())
        .keepAliveTime(keepAlive.pingIdleAfter().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(keepAlive.pingTimeout().toNanos(), TimeUnit.NANOSECONDS);
    // grpc_server_* request counters and latency timers per method and status code
    MetricCollectingServerInterceptor metrics = new MetricCollectingServerInterceptor(meters);
    for (BindableService service : services.services()) {
      // interceptors run last-added first: metrics see the status the error translation produced
      builder.addService(
          ServerInterceptors.intercept(service, new ErrorTranslatingInterceptor(), metrics));
    }
    server = builder.build().start();
    for (BindableService service : services.services()) {
      ServerServiceDefinition definition = service.bindService();
      health.setStatus(definition.getServiceDescriptor().getName(), ServingStatus.SERVING);
    }
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    log.info("lightpath server listening on {}:{} ({})", config.bindAddress(), port(),
        config.tls().map(t -> t.mutual() ? "TLS, client certificates required" : "TLS")
            .orElse("plaintext"));
    if (config.tls().isEmpty() && !isLoopback(address)) {
      log.warn("the gRPC endpoint on {} is plaintext: use --tls-cert/--tls-key unless this is a "
          + "closed management network", config.bindAddress());
    }
    return this;
  }

  private static ServerCredentials credentials(TlsConfig tls) throws IOException {
    tls.checkReadable();
    TlsServerCredentials.Builder b = TlsServerCredentials.newBuilder()
        .keyManager(tls.certificateChain().toFile(), tls.privateKey().toFile());
    if (tls.clientCa().isPresent()) {
      b.trustManager(tls.clientCa().get().toFile())
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return b.build();
  }

  private static boolean isLoopback(InetSocketAddress address) {
    return address.getAddress() != null && address.getAddress().isLoopbackAddress();
  }

  /**
   * grpcurl and many other clients still speak only the v1alpha reflection protocol, so both are
   * served; the v1alpha class is deprecated in favour of v1, which we also register.
   */
  @SuppressWarnings("deprecation")
  private static BindableService legacyReflection() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }

  /** The bound port (useful when the configured port was 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  /**
   * Stops accepting calls, reports NOT_SERVING, lets in-flight calls finish within the grace
   * period, then cancels what is left.
   */
  public void stop() throws InterruptedException {
    Server s;
    synchronized (this) {
      s = server;
    }
    if (s == null || s.isTerminated()) {
      return;
    }
    health.enterTerminalState();
    s.shutdown();
    if (!s.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn("calls still running after {}; cancelling them", config.shutdownGrace());
      s.shutdownNow();
      s.awaitTermination(5, TimeUnit.SECONDS);
    }
    log.info("lightpath server stopped");
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    Server s;
    synchronized (this) {
      s = server;
    }
    if (s != null) {
      s.awaitTermination();
    }
  }
}
