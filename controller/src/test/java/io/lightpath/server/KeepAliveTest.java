package io.lightpath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.WatchServicesRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A watch held open by a client that pings every 10 s (the shortest interval grpc-java clients can
 * ask for) survives: with gRPC's server default (one ping per 5 minutes) the third early ping
 * gets a GOAWAY (too_many_pings) after ~30 s and the watch fails. This test needs real time: the
 * pings are the transport's, on its own clock.
 */
class KeepAliveTest {

  @Test
  void aWatchOfAClientPingingEveryTenSecondsStaysOpen() throws Exception {
    try (RunningServer server = RunningServer.start()) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.server.port())
          .usePlaintext().keepAliveTime(10, TimeUnit.SECONDS).keepAliveWithoutCalls(true).build();
      OpenWatch watch = OpenWatch.start(channel);
      try {
        assertFalse(watch.ended.await(35, TimeUnit.SECONDS),
            () -> "the watch ended: " + watch.error.get());
      } finally {
        watch.context.cancel(null);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aWatcherWhoseHostVanishedIsCutOffByTheServersPing() throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(2)).withKeepAlive(
        new KeepAlivePolicy(Duration.ofSeconds(10), true, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    try (RunningServer server = RunningServer.start(config);
        FreezableProxy proxy = new FreezableProxy(server.server.port())) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port())
          .usePlaintext().build();
      OpenWatch watch = OpenWatch.start(channel);
      try {
        awaitReady(channel);
        // The client's host is gone: nothing it sent or would answer arrives any more.
        proxy.freeze();
        // With gRPC's default (no server pings) the connection would stay open indefinitely.
        assertTrue(proxy.upstreamClosed.await(30, TimeUnit.SECONDS),
            "the server closed the silent connection");
      } finally {
        watch.context.cancel(null);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** A WatchServices stream held open until its context is cancelled, and whether it ended. */
  private record OpenWatch(Context.CancellableContext context, CountDownLatch ended,
      AtomicReference<Throwable> error) {

    static OpenWatch start(ManagedChannel channel) {
      OpenWatch w = new OpenWatch(Context.current().withCancellation(), new CountDownLatch(1),
          new AtomicReference<>());
      w.context.run(() -> ConnectivityServiceGrpc.newStub(channel).watchServices(
          WatchServicesRequest.getDefaultInstance(), new StreamObserver<ServiceEvent>() {
            @Override
            public void onNext(ServiceEvent value) {}

            @Override
            public void onError(Throwable t) {
              w.error.set(t);
              w.ended.countDown();
            }

            @Override
            public void onCompleted() {
              w.ended.countDown();
            }
          }));
      return w;
    }
  }

  private static void awaitReady(ManagedChannel channel) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (ConnectivityState state = channel.getState(true); state != ConnectivityState.READY;
        state = channel.getState(true)) {
      assertTrue(System.nanoTime() < deadline, "the channel did not connect: " + state);
      CountDownLatch changed = new CountDownLatch(1);
      channel.notifyWhenStateChanged(state, changed::countDown);
      changed.await(1, TimeUnit.SECONDS);
    }
  }

  @Test
  void policyDurationsMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KeepAlivePolicy(Duration.ZERO, true, Duration.ofMinutes(2), Duration.ofSeconds(20)));
    assertEquals("keepalive durations must be positive, got PT0S", e.getMessage());
  }
}
