package io.lightpath.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real server on a free loopback port plus a channel to it, for tests. Close it after use. */
public final class RunningServer implements AutoCloseable {
  public final Injector injector;
  public final LightpathServer server;
  public final ManagedChannel channel;

  private RunningServer(Injector injector, LightpathServer server) {
    this.injector = injector;
    this.server = server;
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  public static RunningServer start() throws Exception {
    return start(new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(2)));
  }

  /** A server with {@code config} (bind it to 127.0.0.1, port 0). */
  public static RunningServer start(ServerConfig config) throws Exception {
    Injector injector = Guice.createInjector(new ServerModule(config, Clock.systemUTC()));
    return new RunningServer(injector, injector.getInstance(LightpathServer.class).start());
  }

  public String target() {
    return "127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // sessions to devices registered through the API would otherwise keep reconnecting for the
      // rest of the test JVM (outgoing connections that can also take a freed ephemeral port)
      injector.getInstance(io.lightpath.provisioning.DeviceDrivers.class).close();
    }
  }
}
