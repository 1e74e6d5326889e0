package io.lightpath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
      Context.CancellableContext watch = Context.current().withCancellation();
      CountDownLatch failed = new CountDownLatch(1);
      AtomicReference<Throwable> error = new AtomicReference<>();
      try {
        watch.run(() -> ConnectivityServiceGrpc.newStub(channel).watchServices(
            WatchServicesRequest.getDefaultInstance(), new StreamObserver<ServiceEvent>() {
              @Override
              public void onNext(ServiceEvent value) {}

              @Override
              public void onError(Throwable t) {
                error.set(t);
                failed.countDown();
              }

              @Override
              public void onCompleted() {
                failed.countDown();
              }
            }));
        assertFalse(failed.await(35, TimeUnit.SECONDS), () -> "the watch ended: " + error.get());
      } finally {
        watch.cancel(null);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void policyDurationsMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KeepAlivePolicy(Duration.ZERO, true, Duration.ofMinutes(2), Duration.ofSeconds(20)));
    assertEquals("keepalive durations must be positive, got PT0S", e.getMessage());
  }
}
