package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.optics.OpticsEngine;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Racing Sets over real sockets: conflicts resolve to exactly one winner, state stays consistent. */
class ConcurrencyTest {
  private static final long F = 193_100_000L;

  @Test
  void racingConflictingMediaChannelsHaveExactlyOneWinner() throws Exception {
    int racers = 8;
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"))) {
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Status.Code>> results = new ArrayList<>();
      for (int i = 1; i <= racers; i++) {
        int index = i;
        results.add(pool.submit(() -> {
          try (GnmiTestClient c = new GnmiTestClient(lab.endpoint("alder-roadm"))) {
            go.await();
            c.mediaChannel(index, F - 25_000, F + 25_000, "add1", "east");
            return Status.Code.OK;
          } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
          }
        }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Status.Code> f : results) {
        Status.Code code = f.get(60, TimeUnit.SECONDS);
        if (code == Status.Code.OK) {
          ok++;
        } else {
          assertEquals(Status.Code.FAILED_PRECONDITION, code);
        }
      }
      pool.shutdown();
      assertEquals(1, ok);
      try (GnmiTestClient c = new GnmiTestClient(lab.endpoint("alder-roadm"))) {
        JsonNode channels = new ObjectMapper()
            .readTree(c.getJson("/wavelength-router/media-channels")).get("channel");
        assertEquals(1, channels.size());
      }
    }
  }

  @Test
  void parallelSetsOnManyDevicesLeaveOpticsConsistent() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"))) {
      List<String> transponders = lab.endpoints().stream()
          .filter(ep -> ep.role() == io.lightpath.southbound.emulator.topology.DeviceRole.TRANSPONDER)
          .map(DeviceEndpoint::name).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (String name : transponders) {
        done.add(pool.submit(() -> {
          try (GnmiTestClient c = new GnmiTestClient(lab.endpoint(name))) {
            for (int i = 0; i < 20; i++) {
              c.tune("line1", F + 50_000L * (i % 3));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      // What devices report equals a fresh computation from their final configs.
      Map<String, io.lightpath.southbound.emulator.optics.DeviceOptics> fresh = OpticsEngine.compute(
          lab.network().topology(), n -> lab.device(n).opticalView(), Set.of());
      Map<PortRef, OpticalReading> reported = lab.network().opticalState();
      reported.forEach((port, reading) -> assertEquals(
          fresh.get(port.device()).receivers().getOrDefault(port.port(), OpticalReading.DARK),
          reading, port.toString()));
      assertTrue(reported.size() >= transponders.size());
    }
  }

  @Test
  void parallelSetsOnRoadmsAndTranspondersConvergeToAFullRecompute() throws Exception {
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"))) {
      List<DeviceEndpoint> endpoints = lab.endpoints().stream()
          .filter(ep -> ep.role() != io.lightpath.southbound.emulator.topology.DeviceRole.OCS)
          .toList();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (DeviceEndpoint ep : endpoints) {
        done.add(pool.submit(() -> {
          java.util.Random random = new java.util.Random(ep.name().hashCode());
          try (GnmiTestClient c = new GnmiTestClient(ep)) {
            go.await();
            for (int i = 0; i < 30; i++) {
              long f = F + 50_000L * random.nextInt(3);
              if (ep.role() == io.lightpath.southbound.emulator.topology.DeviceRole.ROADM) {
                // Every ROADM passes add1 <-> east/west at random slots; conflicts are fine.
                String[] ports = {"east", "west"};
                try {
                  c.mediaChannel(1 + random.nextInt(4), f - 25_000, f + 25_000,
                      random.nextBoolean() ? "add1" : ports[random.nextInt(2)],
                      ports[random.nextInt(2)]);
                } catch (StatusRuntimeException e) {
                  assertTrue(e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                      || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT, e.toString());
                }
              } else {
                c.tune("line1", f);
              }
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      Map<String, io.lightpath.southbound.emulator.optics.DeviceOptics> fresh = OpticsEngine.compute(
          lab.network().topology(), n -> lab.device(n).opticalView(), Set.of());
      for (var d : lab.network().devices()) {
        assertEquals(fresh.getOrDefault(d.name(),
            io.lightpath.southbound.emulator.optics.DeviceOptics.DARK), d.optics(), d.name());
        // Every device's published tree shows its final optics.
        for (var r : d.optics().receivers().entrySet()) {
          JsonNode carrier = d.tree().get(io.lightpath.southbound.emulator.store.DataPath.parse(
              "/components/component[name=" + r.getKey() + "]/optical-channel/state/carrier-present"));
          assertEquals(r.getValue().carrierPresent(), carrier.asBoolean(), d.name() + " " + r.getKey());
        }
      }
    }
  }
}
