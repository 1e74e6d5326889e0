package io.lightpath.it.crash;

import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Hop;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.Topology;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The crash invariants that can be judged from a settled controller's services and the devices'
 * configuration alone (the ones that need the controller's answers, such as idempotent re-creates
 * and the leak probe, live in {@link CrashTrial}). Every method returns human-readable violations;
 * an empty list means the invariant holds.
 */
public final class Invariants {
  /** States a service may be in once reconciliation has finished. */
  static final Set<ServiceState> SETTLED = EnumSet.of(ServiceState.ACTIVE, ServiceState.FAILED,
      ServiceState.DELETED);
  /** States whose services own resources and (except PENDING) device configuration. */
  static final Set<ServiceState> LIVE = EnumSet.of(ServiceState.PENDING, ServiceState.PROVISIONING,
      ServiceState.ACTIVE, ServiceState.DEGRADED, ServiceState.DELETING);

  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Fiber> fibers = new HashMap<>();

  public Invariants(Topology topology) {
    topology.getNodesList().forEach(n -> nodes.put(n.getId(), n));
    topology.getFibersList().forEach(f -> fibers.put(f.getId(), f));
  }

  /** Every service is ACTIVE, FAILED or DELETED. */
  List<String> settledStates(List<Service> services) {
    List<String> out = new ArrayList<>();
    for (Service s : services) {
      if (!SETTLED.contains(s.getState())) {
        out.add(s.getName() + " is " + s.getState() + " after reconciliation ("
            + s.getStateReason().getCode() + " " + s.getStateReason().getMessage() + ")");
      }
    }
    return out;
  }

  /** No two channels of live services share spectrum on a fiber or a transponder port. */
  public List<String> noDoubleBooking(List<Service> services) {
    List<String> out = new ArrayList<>();
    record Use(String service, String channel, long lowerMhz, long upperMhz) {}
    Map<String, List<Use>> byFiber = new TreeMap<>();
    Map<String, Use> byTransponderPort = new TreeMap<>();
    for (Service s : services) {
      if (!LIVE.contains(s.getState())) {
        continue;
      }
      for (Channel ch : s.getChannelsList()) {
        long centre = ch.getPath().getSlot().getCenterFrequencyMhz();
        long half = ch.getPath().getSlot().getWidthMhz() / 2;
        Use use = new Use(s.getName(), ch.getId(), centre - half, centre + half);
        for (Hop h : ch.getPath().getHopsList()) {
          if (!h.getFiberId().isEmpty()) {
            for (Use other : byFiber.computeIfAbsent(h.getFiberId(), k -> new ArrayList<>())) {
              if (other.lowerMhz() < use.upperMhz() && use.lowerMhz() < other.upperMhz()) {
                out.add("fiber " + h.getFiberId() + ": " + other.service() + "/" + other.channel() + " "
                    + other.lowerMhz() + ".." + other.upperMhz() + " overlaps " + use.service() + "/"
                    + use.channel() + " " + use.lowerMhz() + ".." + use.upperMhz());
              }
            }
            byFiber.get(h.getFiberId()).add(use);
          }
        }
        for (Map.Entry<String, String> end : transponderPorts(ch).entrySet()) {
          String key = end.getKey() + ":" + end.getValue();
          Use other = byTransponderPort.putIfAbsent(key, use);
          if (other != null) {
            out.add("transponder port " + key + " used by " + other.service() + "/" + other.channel()
                + " and " + use.service() + "/" + use.channel());
          }
        }
      }
    }
    return out;
  }

  /**
   * The devices hold exactly the configuration of the services that should be lit (ACTIVE, and
   * DEGRADED, which is configured but dark): nothing missing, nothing left over from a FAILED or
   * DELETED one.
   */
  public List<String> devicesMatchServices(List<Service> services, List<ConfigItem> actual) {
    Map<ConfigItem, List<String>> expected = new TreeMap<>();
    for (Service s : services) {
      if (s.getState() == ServiceState.ACTIVE || s.getState() == ServiceState.DEGRADED) {
        for (Channel ch : s.getChannelsList()) {
          for (ConfigItem item : expectedConfig(ch)) {
            expected.computeIfAbsent(item, k -> new ArrayList<>()).add(s.getName() + "/" + ch.getId());
          }
        }
      }
    }
    Map<ConfigItem, Integer> present = new TreeMap<>();
    actual.forEach(i -> present.merge(i, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    expected.forEach((item, owners) -> {
      int have = present.getOrDefault(item, 0);
      // services crossing an OCS on the same two ports share its one cross-connect
      int want = item.text().startsWith("xc ") ? 1 : owners.size();
      if (have < want) {
        out.add("missing on device " + item + " (for " + String.join(", ", owners) + ")");
      } else if (have > want) {
        out.add("duplicated on device " + item + " (" + have + "x, for " + String.join(", ", owners) + ")");
      }
    });
    present.forEach((item, count) -> {
      if (!expected.containsKey(item)) {
        out.add("leftover on device " + item + (count > 1 ? " (" + count + "x)" : "")
            + ": no ACTIVE service owns it");
      }
    });
    return out;
  }

  /** What a provisioned channel puts on the devices (the provisioner's mapping, docs/crash-testing.md). */
  List<ConfigItem> expectedConfig(Channel ch) {
    List<ConfigItem> items = new ArrayList<>();
    List<Hop> hops = ch.getPath().getHopsList();
    long centre = ch.getPath().getSlot().getCenterFrequencyMhz();
    long half = ch.getPath().getSlot().getWidthMhz() / 2;
    for (int i = 0; i < hops.size(); i++) {
      String nodeId = hops.get(i).getNodeId();
      Node node = nodes.get(nodeId);
      String in = i == 0 ? null : portAt(hops.get(i - 1).getFiberId(), nodeId);
      String out = i == hops.size() - 1 ? null : portAt(hops.get(i).getFiberId(), nodeId);
      String device = device(nodeId);
      NodeKind kind = node == null ? NodeKind.NODE_KIND_UNSPECIFIED : node.getKind();
      switch (kind) {
        case TRANSPONDER -> items.add(ConfigItem.tuning(device, in == null ? out : in, centre));
        case ROADM -> {
          items.add(ConfigItem.mediaChannel(device, centre - half, centre + half, in, out, true));
          items.add(ConfigItem.mediaChannel(device, centre - half, centre + half, out, in, true));
        }
        case OCS -> items.add(ConfigItem.crossConnect(device, in, out));
        default -> items.add(new ConfigItem(device, "unknown node kind of " + nodeId));
      }
    }
    return items;
  }

  /** Transponder node to line port of the channel's two ends. */
  Map<String, String> transponderPorts(Channel ch) {
    Map<String, String> ends = new TreeMap<>();
    List<Hop> hops = ch.getPath().getHopsList();
    if (hops.size() >= 2) {
      String a = hops.get(0).getNodeId();
      String z = hops.get(hops.size() - 1).getNodeId();
      ends.put(a, String.valueOf(portAt(hops.get(0).getFiberId(), a)));
      ends.put(z, String.valueOf(portAt(hops.get(hops.size() - 2).getFiberId(), z)));
    }
    return ends;
  }

  private String device(String nodeId) {
    Node n = nodes.get(nodeId);
    return n == null || n.getDevice().isEmpty() ? nodeId : n.getDevice().substring("devices/".length());
  }

  private String portAt(String fiberId, String nodeId) {
    Fiber f = fibers.get(fiberId);
    if (f == null) {
      return "?" + fiberId;
    }
    return f.getANodeId().equals(nodeId) ? f.getAPortId() : f.getZPortId();
  }
}
