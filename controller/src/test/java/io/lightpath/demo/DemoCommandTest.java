package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ChannelRole;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lightpath demo}'s JSON report. */
class DemoCommandTest {

  @Test
  void jsonServicesKeepFieldsAtTheirDefaultValue() throws Exception {
    Service cut = Service.newBuilder().setName("services/metro").setState(ServiceState.DEGRADED)
        .addChannels(Channel.newBuilder().setId("w").setRole(ChannelRole.WORKING).setCarrierUp(false))
        .build();
    DemoReport report = new DemoReport(false, List.of(), List.of(), List.of(cut), List.of(), List.of(),
        List.of());

    JsonNode channel = new ObjectMapper().readTree(DemoCommand.json(report))
        .get("after_cut").get(0).get("channels").get(0);
    assertTrue(channel.has("carrier_up"), "carrier_up missing: " + channel);
    assertEquals(false, channel.get("carrier_up").booleanValue(), channel.toString());
  }
}
