package io.lightpath.southbound.emulator.optics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: after any sequence of view changes, cuts and repairs, {@link IncrementalOptics} holds
 * exactly (bit for bit) what {@link OpticsEngine#compute} computes from scratch. Views are random
 * but obey the ROADM model's invariant (enabled channels from one source port do not overlap);
 * frequencies come from a handful of slots so carriers collide, share ports and loop.
 */
class IncrementalOpticsTest {
  private static final long F = 193_100_000L;
  private static final long SLOT_MHZ = 50_000L;
  private static final int SLOTS = 4;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void incrementalEqualsFullRecomputeOnHexaMetro(long seed) throws Exception {
    check(LabTopologyFile.readBundled("hexa-metro.yaml"), seed, 400);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void incrementalEqualsFullRecomputeOnRandomMesh(long seed) {
    check(randomMesh(new Random(seed), 6), seed, 400);
  }

  private static void check(LabTopology topology, long seed, int steps) {
    Random random = new Random(seed);
    Map<String, OpticalView> views = new HashMap<>();
    for (DeviceSpec d : topology.devices()) {
      views.put(d.name(), randomView(random, d));
    }
    Set<String> cut = new HashSet<>();
    IncrementalOptics incremental = new IncrementalOptics(topology, views::get);
    assertSame(topology, views, cut, incremental, "initial");
    List<String> fibers = topology.fibers().stream().map(FiberSpec::name).toList();
    List<DeviceSpec> devices = topology.devices();
    int lit = 0;
    for (int step = 0; step < steps; step++) {
      Map<String, DeviceOptics> before = incremental.all();
      Map<String, DeviceOptics> changed;
      String what;
      if (random.nextInt(8) == 0) {
        String fiber = fibers.get(random.nextInt(fibers.size()));
        boolean doCut = random.nextBoolean();
        if (doCut) {
          cut.add(fiber);
        } else {
          cut.remove(fiber);
        }
        changed = incremental.setCut(fiber, doCut);
        what = (doCut ? "cut " : "repair ") + fiber;
      } else {
        DeviceSpec d = devices.get(random.nextInt(devices.size()));
        OpticalView v = random.nextInt(3) == 0 ? randomView(random, d)
            : mutate(random, d, views.get(d.name()));
        views.put(d.name(), v);
        changed = incremental.update(d.name(), v);
        what = "update " + d.name() + " to " + v;
      }
      String context = "seed " + seed + " step " + step + ": " + what;
      assertSame(topology, views, cut, incremental, context);
      // The reported change set is exactly the devices whose state differs.
      Map<String, DeviceOptics> after = incremental.all();
      for (DeviceSpec d : devices) {
        DeviceOptics b = before.getOrDefault(d.name(), DeviceOptics.DARK);
        DeviceOptics a = after.getOrDefault(d.name(), DeviceOptics.DARK);
        assertEquals(!a.equals(b), changed.containsKey(d.name()), context + " change of " + d.name());
      }
      for (DeviceOptics o : after.values()) {
        lit += (int) o.receivers().values().stream().filter(OpticalReading::carrierPresent).count();
      }
    }
    assertTrue(lit > 0, "the random walk lit some carriers (else the property is vacuous)");
  }

  private static void assertSame(LabTopology topology, Map<String, OpticalView> views,
      Set<String> cut, IncrementalOptics incremental, String context) {
    Map<String, DeviceOptics> full = OpticsEngine.compute(topology, views::get, cut);
    for (DeviceSpec d : topology.devices()) {
      assertEquals(full.getOrDefault(d.name(), DeviceOptics.DARK), incremental.optics(d.name()),
          context + ": optics of " + d.name());
    }
  }

  private static OpticalView randomView(Random random, DeviceSpec d) {
    List<String> ports = d.ports();
    return switch (d.role()) {
      case TRANSPONDER -> {
        Map<String, OpticalView.Tuning> tuning = new HashMap<>();
        for (String p : ports) {
          if (random.nextInt(4) != 0) {
            tuning.put(p, randomTuning(random));
          }
        }
        yield new OpticalView.Transponder(tuning);
      }
      case OCS -> {
        List<String> shuffled = new ArrayList<>(ports);
        java.util.Collections.shuffle(shuffled, random);
        Map<String, String> peer = new HashMap<>();
        for (int i = 0; i + 1 < shuffled.size(); i += 2) {
          if (random.nextInt(3) != 0) {
            peer.put(shuffled.get(i), shuffled.get(i + 1));
            peer.put(shuffled.get(i + 1), shuffled.get(i));
          }
        }
        yield new OpticalView.Ocs(peer);
      }
      case ROADM -> {
        List<OpticalView.MediaChannel> channels = new ArrayList<>();
        int n = random.nextInt(3 * ports.size() + 1);
        for (int i = 0; i < n; i++) {
          channels.add(randomChannel(random, ports, i + 1, channels));
        }
        yield new OpticalView.Roadm(channels);
      }
    };
  }

  private static OpticalView.Tuning randomTuning(Random random) {
    double power = random.nextInt(5) == 0 ? -14.0 : random.nextInt(3) - 1.0;
    return new OpticalView.Tuning(F + SLOT_MHZ * random.nextInt(SLOTS), power);
  }

  /** A channel over a random range of slots; disabled when it would overlap an enabled one. */
  private static OpticalView.MediaChannel randomChannel(
      Random random, List<String> ports, long index, List<OpticalView.MediaChannel> others) {
    String src = ports.get(random.nextInt(ports.size()));
    String dst = ports.get(random.nextInt(ports.size()));
    int first = random.nextInt(SLOTS);
    int last = first + random.nextInt(SLOTS - first);
    // Sometimes a passband too narrow for a 37.5 GHz signal.
    long margin = random.nextInt(6) == 0 ? 10_000 : 25_000;
    long lower = F + SLOT_MHZ * first - margin;
    long upper = F + SLOT_MHZ * last + margin;
    boolean enabled = random.nextInt(5) != 0;
    for (OpticalView.MediaChannel o : others) {
      if (o.enabled() && o.sourcePort().equals(src)
          && o.lowerFrequencyMhz() < upper && lower < o.upperFrequencyMhz()) {
        enabled = false;
      }
    }
    return new OpticalView.MediaChannel(index, lower, upper, src, dst, enabled);
  }

  private static OpticalView mutate(Random random, DeviceSpec d, OpticalView view) {
    if (view instanceof OpticalView.Transponder t) {
      Map<String, OpticalView.Tuning> tuning = new HashMap<>(t.tuning());
      String port = d.ports().get(random.nextInt(d.ports().size()));
      if (random.nextInt(3) == 0) {
        tuning.remove(port);
      } else {
        tuning.put(port, randomTuning(random));
      }
      return new OpticalView.Transponder(tuning);
    }
    if (view instanceof OpticalView.Roadm r) {
      List<OpticalView.MediaChannel> channels = new ArrayList<>(r.channels());
      if (!channels.isEmpty() && random.nextBoolean()) {
        OpticalView.MediaChannel gone = channels.remove(random.nextInt(channels.size()));
        if (random.nextBoolean()) {
          // Toggle admin state instead of deleting, when still valid.
          channels.add(randomChannelLike(gone, channels));
        }
      } else {
        long index = channels.stream().mapToLong(OpticalView.MediaChannel::index).max().orElse(0) + 1;
        channels.add(randomChannel(random, d.ports(), index, channels));
      }
      return new OpticalView.Roadm(channels);
    }
    return randomView(random, d);
  }

  private static OpticalView.MediaChannel randomChannelLike(
      OpticalView.MediaChannel mc, List<OpticalView.MediaChannel> others) {
    boolean enable = !mc.enabled();
    for (OpticalView.MediaChannel o : others) {
      if (o.enabled() && o.sourcePort().equals(mc.sourcePort())
          && o.lowerFrequencyMhz() < mc.upperFrequencyMhz()
          && mc.lowerFrequencyMhz() < o.upperFrequencyMhz()) {
        enable = false;
      }
    }
    return new OpticalView.MediaChannel(mc.index(), mc.lowerFrequencyMhz(), mc.upperFrequencyMhz(),
        mc.sourcePort(), mc.destPort(), enable);
  }

  /**
   * {@code sites} sites of a ROADM (add1, add2, a, b, c), an OCS (p1..p4) and a two-port
   * transponder; ROADM degree ports joined at random, so paths branch and loop.
   */
  private static LabTopology randomMesh(Random random, int sites) {
    List<DeviceSpec> devices = new ArrayList<>();
    List<FiberSpec> fibers = new ArrayList<>();
    List<PortRef> free = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      String tp = "tp" + s;
      String ocs = "ocs" + s;
      String roadm = "roadm" + s;
      devices.add(DeviceSpec.of(tp, DeviceRole.TRANSPONDER, "", List.of("l1", "l2")));
      devices.add(DeviceSpec.of(ocs, DeviceRole.OCS, "", List.of("p1", "p2", "p3", "p4")));
      devices.add(DeviceSpec.of(roadm, DeviceRole.ROADM, "", List.of("add1", "add2", "a", "b", "c")));
      fibers.add(new FiberSpec(tp + "-1", new PortRef(tp, "l1"), new PortRef(ocs, "p1"), 0, 0.3));
      fibers.add(new FiberSpec(tp + "-2", new PortRef(tp, "l2"), new PortRef(ocs, "p2"), 0, 0.3));
      fibers.add(new FiberSpec(ocs + "-3", new PortRef(ocs, "p3"), new PortRef(roadm, "add1"), 0, 0.3));
      fibers.add(new FiberSpec(ocs + "-4", new PortRef(ocs, "p4"), new PortRef(roadm, "add2"), 0, 0.3));
      for (String p : List.of("a", "b", "c")) {
        free.add(new PortRef(roadm, p));
      }
    }
    java.util.Collections.shuffle(free, random);
    for (int i = 0; i + 1 < free.size(); i += 2) {
      double loss = 5 + random.nextInt(30); // some spans too lossy to detect
      fibers.add(new FiberSpec("span" + i, free.get(i), free.get(i + 1), loss / 0.22, loss));
    }
    return new LabTopology("mesh", devices, fibers);
  }
}
