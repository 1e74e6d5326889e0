package io.lightpath.service;

import io.lightpath.api.StatusDetails;
import static io.lightpath.service.ConnectivityServiceTest.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.pce.Reservation;
import io.lightpath.pce.ResourceSnapshot;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.server.StoreConfig;
import io.lightpath.spectrum.SlotRange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 64 gRPC clients, each on its own connection, create (and some delete) services between the
 * same two transponders at once: more requests than the two routes have slots or the ends have
 * transceivers. Afterwards no two live services in the store overlap on any fiber's slots, no
 * transceiver pool is overbooked, and the in-memory ledger holds exactly what the store's live
 * records hold.
 */
class ConcurrentCreateTest {
  private static final int CLIENTS = 64;
  private static final int PER_CLIENT = 3;
  private static final int TRANSCEIVERS = 100;

  @Test
  void concurrentCreatesNeverDoubleBook() throws Exception {
    try (LifecycleHarness h = LifecycleHarness.start(StoreConfig.inMemory(), Clock.systemUTC(),
        new FakeProvisioner())) {
      h.topology(TestTopology.build(TRANSCEIVERS));
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger created = new AtomicInteger();
      Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
      List<Throwable> unexpected = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      List<ManagedChannel> channels = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", h.server.port())
            .usePlaintext().build();
        channels.add(ch);
        int client = c;
        threads.add(new Thread(() -> {
          var stub = ConnectivityServiceGrpc.newBlockingStub(ch).withDeadlineAfter(60, TimeUnit.SECONDS);
          try {
            go.await();
            for (int i = 0; i < PER_CLIENT; i++) {
              try {
                Service s = stub.createService(create("c" + client + "-" + i, TestTopology.service()));
                created.incrementAndGet();
                if (client % 8 == 0 && i == 0) {
                  stub.deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
                }
              } catch (StatusRuntimeException e) {
                rejected.computeIfAbsent(StatusDetails.reason(e), k -> new AtomicInteger()).incrementAndGet();
              }
            }
          } catch (Throwable t) {
            synchronized (unexpected) {
              unexpected.add(t);
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      go.countDown();
      for (Thread t : threads) {
        t.join(120_000);
      }
      channels.forEach(ManagedChannel::shutdownNow);
      h.awaitIdle();
      assertTrue(unexpected.isEmpty(), unexpected.toString());
      assertTrue(created.get() > 0);
      assertFalse(rejected.isEmpty(), "the test must contend: 192 requests, 100 transceivers");
      rejected.keySet().forEach(r -> assertTrue(r.equals("NO_SPECTRUM") || r.equals("NO_TRANSCEIVER"), r));
      checkInvariants(h);
    }
  }

  static void checkInvariants(LifecycleHarness h) {
    List<StoredService> live = h.injector.getInstance(ServiceRepository.class).all().stream()
        .filter(StoredService::live).toList();
    Map<String, List<SlotRange>> perFiber = new HashMap<>();
    Map<String, Integer> transceivers = new HashMap<>();
    for (StoredService s : live) {
      for (Reservation.SlotClaim c : s.reservation().slots()) {
        List<SlotRange> taken = perFiber.computeIfAbsent(c.fiberId(), k -> new ArrayList<>());
        for (SlotRange other : taken) {
          assertFalse(other.overlaps(c.range()),
              "fiber " + c.fiberId() + ": " + other + " overlaps " + c.range());
        }
        taken.add(c.range());
      }
      for (Reservation.TransceiverClaim t : s.reservation().transceivers()) {
        transceivers.merge(t.nodeId() + "/" + t.type(), 1, Integer::sum);
      }
    }
    ResourceSnapshot ledger = h.ledger().snapshot();
    for (String f : TestTopology.FIBERS) {
      int slots = perFiber.getOrDefault(f, List.of()).stream().mapToInt(SlotRange::count).sum();
      assertEquals(slots, ledger.usedSlots(f), "ledger vs store on fiber " + f);
    }
    for (String node : List.of("ta", "tz")) {
      int stored = transceivers.getOrDefault(node + "/" + TestTopology.MODE_TYPE, 0);
      assertTrue(stored <= TRANSCEIVERS, node + " overbooked: " + stored);
      assertEquals(stored, ledger.transceiversUsed(node, TestTopology.MODE_TYPE), "ledger vs store at " + node);
    }
  }
}
