package io.lightpath.cli;

import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.Service;
import java.io.PrintWriter;
import java.util.List;

/** Human views of services and paths. */
final class Views {
  private Views() {}

  static void services(PrintWriter out, List<Service> services) {
    Output.Table t = new Output.Table("NAME", "STATE", "A", "Z", "RATE", "CHANNELS", "REASON");
    for (Service s : services) {
      t.row(s.getName(), s.getState(), s.getAEnd().getNodeId(), s.getZEnd().getNodeId(),
          s.getRate().name().replace("LINE_RATE_", ""), s.getChannelsCount(),
          Output.reason(s.getStateReason()));
    }
    t.print(out);
  }

  static void channels(PrintWriter out, List<Channel> channels) {
    Output.Table t = new Output.Table("CHANNEL", "ROLE", Output.FREQ_HEADER, Output.WIDTH_HEADER, "MODE", "KM",
        "LATENCY_US", "GSNR_DB", "MARGIN_DB", "PJ_PER_BIT", "ROUTE");
    for (Channel c : channels) {
      Path p = c.getPath();
      t.row(c.getId(), c.getRole(), Output.thz(p.getSlot().getCenterFrequencyMhz()),
          Output.ghz(p.getSlot().getWidthMhz()),
          p.getMode().getId(), fmt(p.getLengthKm()), fmt(p.getLatencyUs()), fmt(p.getGsnrDb()),
          fmt(p.getMarginDb()), fmt(p.getEnergyPjPerBit()), Output.route(p));
    }
    t.print(out);
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
