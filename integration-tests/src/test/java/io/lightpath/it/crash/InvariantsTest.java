package io.lightpath.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.Hop;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariant checks on hand-built services and device configuration, without a controller. */
class InvariantsTest {
  // tp-a -(fa)- roadm-a -(span)- ocs -(span2)- roadm-b -(fb)- tp-b
  private static final Topology TOPOLOGY = Topology.newBuilder()
      .addNodes(node("tp-a", NodeKind.TRANSPONDER)).addNodes(node("roadm-a", NodeKind.ROADM))
      .addNodes(node("ocs", NodeKind.OCS)).addNodes(node("roadm-b", NodeKind.ROADM))
      .addNodes(node("tp-b", NodeKind.TRANSPONDER))
      .addFibers(fiber("fa", "tp-a", "line1", "roadm-a", "add1"))
      .addFibers(fiber("span", "roadm-a", "east", "ocs", "p1"))
      .addFibers(fiber("span2", "ocs", "p2", "roadm-b", "west"))
      .addFibers(fiber("fb", "roadm-b", "add1", "tp-b", "line1"))
      .build();

  private final Invariants inv = new Invariants(TOPOLOGY);

  @Test
  void aProvisionedChannelMapsToTuningMediaChannelsAndOneCrossConnect() {
    List<ConfigItem> items = inv.expectedConfig(channel(193_100_000, 50_000));
    assertEquals(List.of(
        ConfigItem.tuning("tp-a", "line1", 193_100_000),
        ConfigItem.mediaChannel("roadm-a", 193_075_000, 193_125_000, "add1", "east", true),
        ConfigItem.mediaChannel("roadm-a", 193_075_000, 193_125_000, "east", "add1", true),
        ConfigItem.crossConnect("ocs", "p2", "p1"),
        ConfigItem.mediaChannel("roadm-b", 193_075_000, 193_125_000, "west", "add1", true),
        ConfigItem.mediaChannel("roadm-b", 193_075_000, 193_125_000, "add1", "west", true),
        ConfigItem.tuning("tp-b", "line1", 193_100_000)), items);
  }

  @Test
  void devicesMatchingTheActiveServicesPass() {
    Service s = service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000);
    assertEquals(List.of(), inv.devicesMatchServices(List.of(s), inv.expectedConfig(s.getChannels(0))));
  }

  @Test
  void leftoverOfAFailedServiceAndMissingConfigOfAnActiveOneAreReported() {
    Service active = service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000);
    Service failed = service("services/f", ServiceState.FAILED, 193_200_000, 50_000);
    List<ConfigItem> config = new ArrayList<>(inv.expectedConfig(active.getChannels(0)));
    config.remove(ConfigItem.tuning("tp-b", "line1", 193_100_000));
    config.add(ConfigItem.mediaChannel("roadm-a", 193_175_000, 193_225_000, "add1", "east", true));
    List<String> v = inv.devicesMatchServices(List.of(active, failed), config);
    assertEquals(2, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("missing on device tp-b: tuning line1 193100000"), v.get(0));
    assertTrue(v.get(1).startsWith("leftover on device roadm-a: media 193175000..193225000 add1->east"), v.get(1));
  }

  @Test
  void aDisabledLeftoverCountsAsLeftover() {
    List<String> v = inv.devicesMatchServices(List.of(),
        List.of(ConfigItem.mediaChannel("roadm-a", 1, 2, "add1", "east", false)));
    assertEquals(1, v.size());
  }

  @Test
  void servicesCrossingTheSameOcsPortsShareOneCrossConnect() {
    Service a = service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000);
    Service b = service("services/b", ServiceState.ACTIVE, 193_200_000, 50_000);
    List<ConfigItem> config = new ArrayList<>(inv.expectedConfig(a.getChannels(0)));
    config.addAll(inv.expectedConfig(b.getChannels(0)).stream().filter(i -> !i.device().equals("ocs")).toList());
    List<String> v = inv.devicesMatchServices(List.of(a, b), config);
    // the transponders are double-booked (reported by noDoubleBooking), the cross-connect is not missing
    assertTrue(v.stream().noneMatch(x -> x.contains("xc")), v.toString());
  }

  @Test
  void overlappingLiveSlotsOnAFiberAreDoubleBooking() {
    Service a = service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000);
    Service b = service("services/b", ServiceState.PROVISIONING, 193_125_000, 50_000);
    List<String> v = inv.noDoubleBooking(List.of(a, b));
    // four fibers share the overlapping spectrum, and both transponder ports are taken twice
    assertEquals(6, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("fiber fa: services/a/w 193075000..193125000 overlaps services/b/w"), v.get(0));
  }

  @Test
  void adjacentSlotsAndDeadServicesAreNotDoubleBooking() {
    Service a = service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000);
    Service failed = service("services/f", ServiceState.FAILED, 193_100_000, 50_000);
    Service deleted = service("services/d", ServiceState.DELETED, 193_100_000, 50_000);
    assertEquals(List.of(), inv.noDoubleBooking(List.of(a, failed, deleted)));
    List<String> v = inv.noDoubleBooking(List.of(a, service("services/b", ServiceState.ACTIVE, 193_150_000, 50_000)));
    assertTrue(v.stream().allMatch(x -> x.startsWith("transponder port")), v.toString());
  }

  @Test
  void onlyActiveFailedAndDeletedAreSettled() {
    List<String> v = inv.settledStates(List.of(
        service("services/a", ServiceState.ACTIVE, 193_100_000, 50_000),
        service("services/b", ServiceState.PROVISIONING, 193_200_000, 50_000),
        service("services/c", ServiceState.DELETING, 193_300_000, 50_000),
        service("services/d", ServiceState.DEGRADED, 193_400_000, 50_000)));
    assertEquals(3, v.size(), v.toString());
  }

  private static Service service(String name, ServiceState state, long centreMhz, long widthMhz) {
    return Service.newBuilder().setName(name).setState(state).addChannels(channel(centreMhz, widthMhz)).build();
  }

  private static Channel channel(long centreMhz, long widthMhz) {
    return Channel.newBuilder().setId("w").setPath(Path.newBuilder()
        .setSlot(FrequencySlot.newBuilder().setCenterFrequencyMhz(centreMhz).setWidthMhz(widthMhz))
        .addHops(Hop.newBuilder().setNodeId("tp-a").setFiberId("fa"))
        .addHops(Hop.newBuilder().setNodeId("roadm-a").setFiberId("span"))
        .addHops(Hop.newBuilder().setNodeId("ocs").setFiberId("span2"))
        .addHops(Hop.newBuilder().setNodeId("roadm-b").setFiberId("fb"))
        .addHops(Hop.newBuilder().setNodeId("tp-b")))
        .build();
  }

  private static Node node(String id, NodeKind kind) {
    return Node.newBuilder().setId(id).setKind(kind).setDevice("devices/" + id).build();
  }

  private static Fiber fiber(String id, String a, String aPort, String z, String zPort) {
    return Fiber.newBuilder().setId(id).setANodeId(a).setAPortId(aPort).setZNodeId(z).setZPortId(zPort).build();
  }
}
