package io.lightpath.service;

import io.lightpath.proto.v1.Amplifier;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.Span;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TransceiverPool;

/**
 * Two transponders (ta, tz), joined by two disjoint routes (ta-ra-rb-tz with 160 km between the
 * ROADMs, and ta-rc-rd-tz with 240 km), with one line port (and patch cord) per transceiver
 * toward each of their ROADMs; plus a pair (tx, ty) joined by one 300 km unamplified fiber, where no mode
 * clears its GSNR threshold.
 */
final class TestTopology {
  static final String MODE_TYPE = "400ZR";
  static final java.util.List<String> FIBERS =
      java.util.List.of("ta-ra", "ra-rb", "rb-tz", "ta-rc", "rc-rd", "rd-tz");

  private TestTopology() {}

  static Topology build(int transceiversPerEnd) {
    Topology.Builder t = Topology.newBuilder();
    for (String id : new String[] {"ta", "tz", "tx", "ty"}) {
      t.addNodes(Node.newBuilder().setId(id).setKind(NodeKind.TRANSPONDER)
          .addTransceivers(TransceiverPool.newBuilder().setType(MODE_TYPE)
              .setTotalCount(transceiversPerEnd)));
    }
    for (String id : new String[] {"ra", "rb", "rc", "rd"}) {
      t.addNodes(Node.newBuilder().setId(id).setKind(NodeKind.ROADM));
    }
    t.addFibers(amplified("ta-ra", "ta", "ra", 0));
    t.addFibers(amplified("ra-rb", "ra", "rb", 2));
    t.addFibers(amplified("rb-tz", "rb", "tz", 0));
    t.addFibers(amplified("ta-rc", "ta", "rc", 0));
    t.addFibers(amplified("rc-rd", "rc", "rd", 3));
    t.addFibers(amplified("rd-tz", "rd", "tz", 0));
    // A line port carries one channel: one more patch cord (own line port) per transceiver
    for (int i = 2; i <= transceiversPerEnd; i++) {
      for (String[] end : new String[][] {{"ta", "ra"}, {"rb", "tz"}, {"ta", "rc"}, {"rd", "tz"}}) {
        t.addFibers(amplified(end[0] + "-" + end[1], end[0], end[1], 0, "-" + i));
      }
    }
    t.addFibers(Fiber.newBuilder().setId("tx-ty").setANodeId("tx").setZNodeId("ty")
        .setLengthKm(300).addSpans(Span.newBuilder().setLengthKm(300)));
    return t.build();
  }

  /** A fiber of {@code spans} 80 km amplified spans (0 = a 1 km patch cord). */
  private static Fiber amplified(String id, String a, String z, int spans) {
    return amplified(id, a, z, spans, "");
  }

  /** {@code suffix} is appended to the fiber id and both port ids (parallel patch cords). */
  private static Fiber amplified(String id, String a, String z, int spans, String suffix) {
    Fiber.Builder f = Fiber.newBuilder().setId(id + suffix).setANodeId(a)
        .setAPortId("to-" + z + suffix).setZNodeId(z).setZPortId("to-" + a + suffix);
    if (spans == 0) {
      return f.setLengthKm(1).build();
    }
    for (int i = 0; i < spans; i++) {
      f.addSpans(Span.newBuilder().setLengthKm(80)
          .setAmplifier(Amplifier.newBuilder().setId(id + "-amp" + i)));
    }
    return f.build();
  }

  /** A 400G service from ta to tz. */
  static Service service() {
    return Service.newBuilder()
        .setAEnd(Endpoint.newBuilder().setNodeId("ta"))
        .setZEnd(Endpoint.newBuilder().setNodeId("tz"))
        .setRate(LineRate.LINE_RATE_400G)
        .build();
  }
}
