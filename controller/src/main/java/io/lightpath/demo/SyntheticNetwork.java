package io.lightpath.demo;

import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Port;
import io.lightpath.proto.v1.PortRole;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.Site;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TransceiverPool;

/**
 * A synthetic network for measuring the controller with many services: ROADMs in a ring, each hop
 * {@value #RING_PARALLEL} parallel 40 km fibers, each ROADM with {@value #TP_PER_ROADM}
 * transponder nodes behind it, each transponder node with {@value #TP_FIBERS} line ports, each on
 * its own fiber to its ROADM (colourless: no ADD_DROP ports, so they are not a per-channel
 * resource), and {@value #TP_TRANSCEIVERS} 100G transceivers. So nodes / 4 ROADMs; {@code --nodes
 * 1000} gives 250 ROADMs and 750 transponder nodes (216,000 line-port fibers), room for the
 * 100,000 services of the benchmark: a line port carries one channel.
 *
 * <p>Service {@code i} joins two transponder nodes behind neighbouring ROADMs (or behind the same
 * ROADM) at 100G, so capacity is bound by spectrum on the ring, not by routing.
 */
final class SyntheticNetwork {
  static final int TP_PER_ROADM = 3;
  /**
   * Line ports (each with its own fiber to the ROADM) and transceivers per transponder node. A
   * line port carries one channel, so this bounds the services ending at a node: 100,000
   * services on 1,000 nodes end at most 267 times on one transponder node.
   */
  static final int TP_FIBERS = 288;
  static final int TP_TRANSCEIVERS = TP_FIBERS;
  static final int RING_PARALLEL = 8;
  static final String TRANSCEIVER_TYPE = "CFP2-DCO-100G";

  private final int roadms;

  SyntheticNetwork(int nodes) {
    if (nodes < 8) {
      throw new IllegalArgumentException("--nodes must be at least 8, got " + nodes);
    }
    this.roadms = nodes / (TP_PER_ROADM + 1);
  }

  int nodeCount() {
    return roadms * (TP_PER_ROADM + 1);
  }

  Topology topology() {
    Topology.Builder t = Topology.newBuilder();
    for (int r = 0; r < roadms; r++) {
      String site = "s" + r;
      t.addSites(Site.newBuilder().setId(site));
      Node.Builder roadm = Node.newBuilder().setId(roadm(r)).setSiteId(site).setKind(NodeKind.ROADM)
          .setNodeDelayUs(10);
      for (int p = 0; p < RING_PARALLEL; p++) {
        roadm.addPorts(Port.newBuilder().setId("east" + p).setRole(PortRole.LINE));
        roadm.addPorts(Port.newBuilder().setId("west" + p).setRole(PortRole.LINE));
      }
      for (int k = 0; k < TP_PER_ROADM; k++) {
        Node.Builder tp = Node.newBuilder().setId(tp(r, k)).setSiteId(site)
            .setKind(NodeKind.TRANSPONDER)
            .addTransceivers(TransceiverPool.newBuilder()
                .setType(TRANSCEIVER_TYPE).setTotalCount(TP_TRANSCEIVERS));
        for (int f = 0; f < TP_FIBERS; f++) {
          tp.addPorts(Port.newBuilder().setId("line" + f).setRole(PortRole.LINE));
          // LINE, not ADD_DROP: a ROADM with add/drop ports reserves one per channel end, which
          // would cap each site at a few dozen channels; without them the ROADM is colourless
          // and the transponder fibers' spectrum is the limit
          roadm.addPorts(Port.newBuilder().setId("add" + k + "-" + f).setRole(PortRole.LINE));
          t.addFibers(Fiber.newBuilder().setId(tp(r, k) + "-" + f)
              .setANodeId(tp(r, k)).setAPortId("line" + f)
              .setZNodeId(roadm(r)).setZPortId("add" + k + "-" + f)
              .setLengthKm(0.01).setLossDb(0.5));
        }
        t.addNodes(tp);
      }
      t.addNodes(roadm);
    }
    for (int r = 0; r < roadms; r++) {
      int next = (r + 1) % roadms;
      for (int p = 0; p < RING_PARALLEL; p++) {
        t.addFibers(Fiber.newBuilder().setId(roadm(r) + "-" + roadm(next) + "-" + p)
            .setANodeId(roadm(r)).setAPortId("east" + p)
            .setZNodeId(roadm(next)).setZPortId("west" + p)
            .setLengthKm(40).setLossDb(8.8));
      }
    }
    return t.build();
  }

  /** Service {@code i}: alternately within one ROADM's site and to the next ROADM's site. */
  Service service(int i) {
    int r = i % roadms;
    int round = i / roadms;
    int ka = round % TP_PER_ROADM;
    int kz = (round + 1) % TP_PER_ROADM;
    int rz = (round & 1) == 0 ? r : (r + 1) % roadms;
    return Service.newBuilder()
        .setDisplayName("bench " + i)
        .setAEnd(Endpoint.newBuilder().setNodeId(tp(r, ka)))
        .setZEnd(Endpoint.newBuilder().setNodeId(tp(rz, kz)))
        .setRate(LineRate.LINE_RATE_100G)
        .build();
  }

  private static String roadm(int r) {
    return "r" + r;
  }

  private static String tp(int r, int k) {
    return "t" + r + "-" + k;
  }

  /** One line for the bench's output. */
  String describe() {
    return roadms + " ROADMs in a ring (" + RING_PARALLEL + " parallel 40 km fibers per hop), "
        + roadms * TP_PER_ROADM + " transponder nodes (" + TP_FIBERS + " fibers, "
        + TP_TRANSCEIVERS + " x " + TRANSCEIVER_TYPE + " each)";
  }
}
