package io.lightpath.qot;

import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.TransceiverMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders shared by the QoT tests. */
final class QotFixtures {
  private QotFixtures() {}

  /** A 32 GBd DP-QPSK 100G mode needing 12 dB GSNR, tx OSNR 40 dB. */
  static final TransceiverMode MODE_32G =
      new TransceiverMode("100G-QPSK", "CFP2", 100, 32.0, "DP-QPSK", 50_000, 12.0, 40.0, -10, 0, 15);

  /** An 80 km SSMF span (0.2 dB/km, D 16.7, γ 1.3) with a 16 dB / 5 dB NF amplifier. */
  static Span span80() {
    return new Span(80, 0.2, 16.7, 1.3, 0.0, new Amplifier("amp", 16.0, 5.0, 0.0));
  }

  static Fiber fiber(String id, String a, String z, List<Span> spans) {
    double length = spans.stream().mapToDouble(Span::lengthKm).sum();
    return new Fiber(id, a, "", z, "", length, 0.0, Fiber.DEFAULT_GROUP_DELAY_US_PER_KM, spans, Set.of());
  }

  static Fiber fiberOfSpans(String id, int spans) {
    List<Span> list = new ArrayList<>();
    for (int i = 0; i < spans; i++) {
      list.add(span80());
    }
    return fiber(id, "A", "Z", list);
  }

  static Node node(String id, NodeKind kind, double insertionLossDb) {
    return new Node(id, "", kind, List.of(), 0.0, insertionLossDb, Map.of());
  }

  static List<Node> terminals() {
    return List.of(node("A", NodeKind.TRANSPONDER, 0), node("Z", NodeKind.TRANSPONDER, 0));
  }
}
