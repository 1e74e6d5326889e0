package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.Service;
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
}
