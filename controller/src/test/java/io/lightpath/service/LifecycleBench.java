package io.lightpath.service;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.server.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CreateService throughput and latency over loopback gRPC with the fake provisioner: THREADS
 * clients, each on its own connection, create services until ROUNDS × 120 have been created
 * (the test topology's two routes carry 128 400G channels), deleting them between rounds. Prints
 * one line per store backend. Usage: {@code LifecycleBench [threads] [rounds]}.
 */
public final class LifecycleBench {
  private static final int PER_ROUND = 120;

  private LifecycleBench() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    run("memory", StoreConfig.inMemory(), threads, rounds);
    Path dir = Files.createTempDirectory("lifecycle-bench");
    run("mvstore", StoreConfig.at(dir), threads, rounds);
  }

  private static void run(String label, StoreConfig store, int threads, int rounds) throws Exception {
    try (LifecycleHarness h = LifecycleHarness.start(store, Clock.systemUTC(), new FakeProvisioner())) {
      h.topology(TestTopology.build(1000));
      List<ManagedChannel> channels = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        channels.add(NettyChannelBuilder.forAddress("127.0.0.1", h.server.port()).usePlaintext().build());
      }
      List<Long> latenciesNs = Collections.synchronizedList(new ArrayList<>());
      long totalNs = 0;
      for (int r = 0; r < rounds + 1; r++) { // round 0 warms up
        AtomicInteger next = new AtomicInteger();
        List<String> names = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        int round = r;
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
          var stub = ConnectivityServiceGrpc.newBlockingStub(channels.get(t));
          new Thread(() -> {
            for (int i = next.getAndIncrement(); i < PER_ROUND; i = next.getAndIncrement()) {
              long t0 = System.nanoTime();
              Service s = stub.withDeadlineAfter(60, TimeUnit.SECONDS).createService(
                  CreateServiceRequest.newBuilder().setRequestId("b" + round + "-" + i)
                      .setService(TestTopology.service()).build());
              if (round > 0) {
                latenciesNs.add(System.nanoTime() - t0);
              }
              names.add(s.getName());
            }
            done.countDown();
          }).start();
        }
        done.await();
        if (r > 0) {
          totalNs += System.nanoTime() - start;
        }
        h.awaitIdle();
        for (String n : names) {
          h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(n).build());
        }
        h.awaitIdle();
      }
      channels.forEach(ManagedChannel::shutdownNow);
      List<Long> sorted = new ArrayList<>(latenciesNs);
      Collections.sort(sorted);
      System.out.printf("%-8s threads=%d creates=%d creates/s=%.0f p50=%.2fms p99=%.2fms%n", label,
          threads, sorted.size(), sorted.size() / (totalNs / 1e9),
          sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6);
    }
  }
}
