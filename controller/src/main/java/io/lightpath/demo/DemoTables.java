package io.lightpath.demo;

import io.lightpath.cli.Output;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Terminal tables for the demo, in the same layout as the CLI's (left-aligned, two spaces). */
final class DemoTables {
  private DemoTables() {}

  static void services(PrintWriter out, List<Service> services) {
    Output.Table t = new Output.Table("SERVICE", "STATE", "A", "Z", "RATE", "SCHEME", "CHANNELS", "BOUNDS",
        "REASON");
    for (Service s : services) {
      String rate = s.getRate().name().replace("LINE_RATE_", "");
      t.row(id(s), s.getState(), s.getAEnd().getNodeId(), s.getZEnd().getNodeId(),
          // a bundle's rate is per channel: say so, or "800G" reads as the service's capacity
          s.hasBundle() ? s.getBundle().getChannelCount() + " x " + rate : rate,
          s.getProtection() == Protection.ONE_PLUS_ONE ? "1+1" : s.hasBundle() ? "bundle" : "none",
          s.getChannelsCount(), bounds(s), reason(s));
    }
    t.print(out, "  ");
  }

  /**
   * The service's latency and skew bounds with what its channels achieve, e.g. {@code latency
   * 490.1/600 us, skew 98.0/150 us}; "-" without bounds.
   */
  static String bounds(Service s) {
    List<String> parts = new ArrayList<>();
    DoubleSummaryStatistics latencyUs = s.getChannelsList().stream()
        .mapToDouble(c -> c.getPath().getLatencyUs()).summaryStatistics();
    if (s.getConstraints().hasMaxLatencyUs()) {
      parts.add(fmt("latency %.1f", latencyUs.getMax()) + fmt("/%.0f us", s.getConstraints().getMaxLatencyUs()));
    }
    if (s.hasBundle() && s.getBundle().hasMaxSkewUs()) {
      double skewUs = latencyUs.getCount() == 0 ? 0 : latencyUs.getMax() - latencyUs.getMin();
      parts.add(fmt("skew %.1f", skewUs) + fmt("/%.0f us", s.getBundle().getMaxSkewUs()));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  static void channels(PrintWriter out, List<Service> services) {
    Output.Table t = new Output.Table("SERVICE", "CH", "ROLE", "CARRIER", Output.FREQ_HEADER, Output.WIDTH_HEADER,
        "MODE", "KM", "LATENCY_US", "GSNR_DB", "MARGIN_DB", "PJ_PER_BIT", "ROUTE");
    for (Service s : services) {
      for (Channel c : s.getChannelsList()) {
        Path p = c.getPath();
        t.row(id(s), c.getId(), c.getRole(), c.getCarrierUp() ? "up" : "DOWN",
            Output.thz(p.getSlot().getCenterFrequencyMhz()),
            Output.ghz(p.getSlot().getWidthMhz()), p.getMode().getId(),
            fmt("%.1f", p.getLengthKm()), fmt("%.1f", p.getLatencyUs()),
            fmt("%.1f", p.getGsnrDb()), fmt("%.1f", p.getMarginDb()),
            fmt("%.1f", p.getEnergyPjPerBit()), Output.route(p));
      }
    }
    t.print(out, "  ");
  }

  static String event(long sinceMs, ServiceEvent e) {
    Service s = e.getService();
    String carriers = s.getChannelsList().stream()
        .map(c -> c.getId() + (c.getCarrierUp() ? ":up" : ":DOWN"))
        .collect(Collectors.joining(" "));
    return String.format(Locale.ROOT, "  +%5d ms  rev %-5d %-22s %-12s %s%s", sinceMs,
        e.getRevision(), id(s), s.getState(), carriers,
        reason(s).isEmpty() ? "" : "  (" + reason(s) + ")");
  }

  static String id(Service s) {
    return s.getName().startsWith("services/") ? s.getName().substring(9) : s.getName();
  }

  static String reason(Service s) {
    return Output.reason(s.getStateReason());
  }

  static String fmt(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }

}
