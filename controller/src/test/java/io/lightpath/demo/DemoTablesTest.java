package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.cli.Output;
import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.Service;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTablesTest {

  private static Channel channel(double latencyUs) {
    return Channel.newBuilder().setPath(Path.newBuilder().setLatencyUs(latencyUs)).build();
  }

  @Test
  void boundsShowWhatTheChannelsAchieveAgainstTheLimits() {
    Service bundle = Service.newBuilder()
        .setConstraints(Constraints.newBuilder().setMaxLatencyUs(600))
        .setBundle(Bundle.newBuilder().setChannelCount(2).setMaxSkewUs(150))
        .addChannels(channel(392.1)).addChannels(channel(490.1)).build();
    assertEquals("latency 490.1/600 us, skew 98.0/150 us", DemoTables.bounds(bundle));
    assertEquals("-", DemoTables.bounds(Service.newBuilder().addChannels(channel(152)).build()));
    assertEquals("latency 152.0/200 us", DemoTables.bounds(Service.newBuilder()
        .setConstraints(Constraints.newBuilder().setMaxLatencyUs(200)).addChannels(channel(152)).build()));
  }

  @Test
  void channelsShowFrequencyAndWidthInTheCliUnits() {
    Service s = Service.newBuilder().setName("services/x").addChannels(Channel.newBuilder().setId("w")
        .setPath(Path.newBuilder().setSlot(FrequencySlot.newBuilder()
            .setCenterFrequencyMhz(193_106_250).setWidthMhz(75_000)))).build();
    StringWriter out = new StringWriter();
    DemoTables.channels(new PrintWriter(out), List.of(s));
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).contains(" " + Output.FREQ_HEADER + " ")
        && lines.get(0).contains(" " + Output.WIDTH_HEADER + " "), lines.get(0));
    assertTrue(lines.get(1).contains(" 193.10625 ") && lines.get(1).contains(" 75.0 "), lines.get(1));
  }
}
