package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.gnmi.CapabilityResponse;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.UpdateResult;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capabilities, Get, Set and their rejections over real loopback sockets. */
class GnmiTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EmulatedLab lab;
  private GnmiTestClient tp;
  private GnmiTestClient roadm;

  @BeforeEach
  void start() throws Exception {
    lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"));
    tp = new GnmiTestClient(lab.endpoint("alder-tp1"));
    roadm = new GnmiTestClient(lab.endpoint("alder-roadm"));
  }

  @AfterEach
  void stop() throws Exception {
    tp.close();
    roadm.close();
    lab.stop();
  }

  @Test
  void capabilitiesListModelsAndEncodings() {
    CapabilityResponse caps = roadm.blocking.capabilities(CapabilityRequest.getDefaultInstance());
    assertEquals("0.10.0", caps.getGNMIVersion());
    assertTrue(caps.getSupportedEncodingsList().contains(Encoding.JSON_IETF));
    assertEquals("openconfig-wavelength-router", caps.getSupportedModels(0).getName());
  }

  @Test
  void getReturnsBootConfigAsJsonIetf() throws Exception {
    JsonNode root = JSON.readTree(tp.getJson("/"));
    JsonNode component = root.get("openconfig-platform:components").get("component").get(0);
    assertEquals("line1", component.get("name").asText());
    assertEquals("line1", component.get("config").get("name").asText());
  }

  @Test
  void setThenGetRoundTripsAndMirrorsState() throws Exception {
    tp.tune("line1", 193_100_000L);
    JsonNode och = JSON.readTree(tp.getJson("/components/component[name=line1]/optical-channel"));
    assertEquals("193100000", och.get("config").get("frequency").asText());
    assertEquals("193100000", och.get("state").get("frequency").asText());
    assertEquals(false, och.get("state").get("carrier-present").asBoolean());

    GetResponse configOnly = tp.get("/components/component[name=line1]/optical-channel",
        GetRequest.DataType.CONFIG);
    JsonNode c = JSON.readTree(
        configOnly.getNotification(0).getUpdate(0).getVal().getJsonIetfVal().toStringUtf8());
    assertTrue(c.has("config"));
    assertTrue(!c.has("state"));
  }

  @Test
  void setReportsEachOperation() {
    var r = roadm.set(SetRequest.newBuilder()
        .addDelete(GnmiTestClient.path("/wavelength-router/media-channels/channel[index=9]"))
        .addUpdate(GnmiTestClient.upd("/wavelength-router/media-channels/channel[index=1]",
            "{\"config\": {\"lower-frequency\": \"193075000\", \"upper-frequency\": \"193125000\"},"
                + "\"source\": {\"config\": {\"port-name\": \"add1\"}},"
                + "\"dest\": {\"config\": {\"port-name\": \"east\"}}}")));
    assertEquals(UpdateResult.Operation.DELETE, r.getResponse(0).getOp());
    assertEquals(UpdateResult.Operation.UPDATE, r.getResponse(1).getOp());
  }

  @Test
  void getOfLeafReturnsScalarJson() {
    tp.tune("line1", 193_150_000L);
    assertEquals("\"193150000\"",
        tp.getJson("/components/component[name=line1]/optical-channel/config/frequency"));
  }

  @Test
  void unknownPathIsInvalidArgument() {
    var e = assertThrows(StatusRuntimeException.class,
        () -> tp.update("/components/component[name=line1]/optical-channel/config/colour", "\"red\""));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("unknown path"), e.getMessage());
  }

  @Test
  void wrongTypeIsInvalidArgument() {
    var e = assertThrows(StatusRuntimeException.class,
        () -> tp.update("/components/component[name=line1]/optical-channel/config/frequency", "\"lots\""));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("uint64"), e.getMessage());
  }

  @Test
  void stateIsReadOnly() {
    var e = assertThrows(StatusRuntimeException.class,
        () -> tp.update("/components/component[name=line1]/optical-channel/state/frequency", "\"193100000\""));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("read-only"), e.getMessage());
  }

  @Test
  void offGridFrequencyIsRejected() {
    var e = assertThrows(StatusRuntimeException.class, () -> tp.tune("line1", 193_100_001L));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("grid"), e.getMessage());
  }

  @Test
  void unknownComponentIsRejected() {
    var e = assertThrows(StatusRuntimeException.class, () -> tp.tune("line7", 193_100_000L));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
  }

  @Test
  void overlappingMediaChannelsOnAPortConflict() {
    roadm.mediaChannel(1, 193_075_000L, 193_125_000L, "add1", "east");
    var e = assertThrows(StatusRuntimeException.class,
        () -> roadm.mediaChannel(2, 193_100_000L, 193_150_000L, "add1", "west"));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("overlaps media channel 1"), e.getMessage());
    // Same spectrum on other ports is fine.
    roadm.mediaChannel(3, 193_075_000L, 193_125_000L, "east", "add1");
  }

  @Test
  void failedSetAppliesNothing() throws Exception {
    String before = roadm.getJson("/");
    var e = assertThrows(StatusRuntimeException.class, () -> roadm.set(SetRequest.newBuilder()
        .addUpdate(GnmiTestClient.upd("/wavelength-router/media-channels/channel[index=1]",
            "{\"config\": {\"lower-frequency\": \"193075000\", \"upper-frequency\": \"193125000\"},"
                + "\"source\": {\"config\": {\"port-name\": \"add1\"}},"
                + "\"dest\": {\"config\": {\"port-name\": \"east\"}}}"))
        .addUpdate(GnmiTestClient.upd(
            "/wavelength-router/media-channels/channel[index=2]/config/lower-frequency",
            "\"193000000\""))));
    // Channel 2 lacks an upper frequency and ports: the whole Set fails, channel 1 included.
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(before, roadm.getJson("/"));
  }

  @Test
  void deleteRemovesListEntry() {
    roadm.mediaChannel(1, 193_075_000L, 193_125_000L, "add1", "east");
    roadm.delete("/wavelength-router/media-channels/channel[index=1]");
    var e = assertThrows(StatusRuntimeException.class,
        () -> roadm.get("/wavelength-router/media-channels/channel[index=1]", GetRequest.DataType.ALL));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
  }

  @Test
  void replaceSwapsSubtree() throws Exception {
    roadm.mediaChannel(1, 193_075_000L, 193_125_000L, "add1", "east");
    roadm.set(SetRequest.newBuilder().addReplace(GnmiTestClient.upd(
        "/wavelength-router/media-channels",
        "{\"channel\": [{\"index\": 5, \"config\": {\"index\": 5, \"lower-frequency\": \"194000000\","
            + " \"upper-frequency\": \"194050000\"}, \"source\": {\"config\": {\"port-name\": \"west\"}},"
            + " \"dest\": {\"config\": {\"port-name\": \"add1\"}}}]}")));
    JsonNode channels = JSON.readTree(roadm.getJson("/wavelength-router/media-channels"))
        .get("channel");
    assertEquals(1, channels.size());
    assertEquals(5, channels.get(0).get("index").asInt());
  }

  @Test
  void invalidJsonIsInvalidArgument() {
    var e = assertThrows(StatusRuntimeException.class,
        () -> tp.update("/components/component[name=line1]/optical-channel/config", "{\"frequency\": "));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
  }

  @Test
  void sharedPortAddressesDevicesByTarget() throws Exception {
    try (EmulatedLab shared = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"),
            LabOptions.defaults().withSharedPort(true));
        GnmiTestClient a = new GnmiTestClient(shared.endpoint("alder-tp1"));
        GnmiTestClient b = new GnmiTestClient(shared.endpoint("birch-roadm"))) {
      assertEquals(a.channel.authority(), b.channel.authority());
      a.tune("line1", 193_100_000L);
      assertTrue(a.getJson("/").contains("193100000"));
      var e = assertThrows(StatusRuntimeException.class, () -> b.get("/optical-switch", GetRequest.DataType.ALL));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }
  }
}
