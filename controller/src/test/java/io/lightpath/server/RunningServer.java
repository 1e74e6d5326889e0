package io.lightpath.server;

import com.google.inject.Guice;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real server on a free loopback port plus a channel to it, for tests. Close it after use. */
public final class RunningServer implements AutoCloseable {
  public final LightpathServer server;
  public final ManagedChannel channel;

  private RunningServer(LightpathServer server) {
    this.server = server;
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  public static RunningServer start() throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(2));
    LightpathServer s = Guice.createInjector(new ServerModule(config, Clock.systemUTC()))
        .getInstance(LightpathServer.class);
    return new RunningServer(s.start());
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
    }
  }
}
