package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.SubscriptionList;
import io.lightpath.proto.gnmi.SubscriptionMode;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One SetRequest with several deletes, replaces and updates is one transaction: all or nothing,
 * validated once, and followed by one optics update, over real sockets.
 */
class AtomicSetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long F = 193_100_000L;
  private static final String CH = "/wavelength-router/media-channels/channel[index=%d]";
  private EmulatedLab lab;
  private GnmiTestClient roadm;

  /** The lab's clock, moved by hand to tell notifications apart. */
  private final MutableClock clock = new MutableClock();

  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() throws Exception {
    lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"),
        LabOptions.defaults().withClock(clock));
    roadm = new GnmiTestClient(lab.endpoint("alder-roadm"));
  }

  @AfterEach
  void stop() throws Exception {
    roadm.close();
    lab.stop();
  }

  private static String channel(long centreMhz, String source, String dest) {
    return "{\"config\": {\"lower-frequency\": \"" + (centreMhz - 25_000) + "\", \"upper-frequency\": \""
        + (centreMhz + 25_000) + "\"}, \"source\": {\"config\": {\"port-name\": \"" + source + "\"}},"
        + " \"dest\": {\"config\": {\"port-name\": \"" + dest + "\"}}}";
  }

  /** Index to lower-frequency of every media channel on the ROADM. */
  private Map<String, String> channels() throws Exception {
    Map<String, String> out = new HashMap<>();
    var r = roadm.get("/wavelength-router/media-channels", GetRequest.DataType.CONFIG);
    JsonNode list = JSON.readTree(r.getNotification(0).getUpdate(0).getVal().getJsonIetfVal()
        .toStringUtf8()).get("channel");
    if (list != null) {
      for (JsonNode c : list) {
        out.put(c.get("index").asText(), c.get("config").get("lower-frequency").asText());
      }
    }
    return out;
  }

  @Test
  void deletesReplacesAndUpdatesApplyTogether() throws Exception {
    roadm.mediaChannel(1, F - 25_000, F + 25_000, "add1", "east");
    roadm.mediaChannel(2, F + 75_000, F + 125_000, "add1", "east");
    roadm.set(SetRequest.newBuilder()
        .addDelete(GnmiTestClient.path(CH.formatted(1)))
        .addReplace(GnmiTestClient.upd(CH.formatted(2), channel(F + 200_000, "add1", "east")))
        // Channel 3 reuses channel 1's spectrum on the same port: valid only because 1 goes first.
        .addUpdate(GnmiTestClient.upd(CH.formatted(3), channel(F, "add1", "east"))));
    assertEquals(Map.of("2", String.valueOf(F + 175_000), "3", String.valueOf(F - 25_000)),
        channels());
  }

  @Test
  void oneInvalidEditRejectsTheWholeRequest() throws Exception {
    roadm.mediaChannel(1, F - 25_000, F + 25_000, "add1", "east");
    Map<String, String> before = channels();
    String yangBefore = lab.device("alder-roadm").yangContent();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> roadm.set(
        SetRequest.newBuilder()
            .addDelete(GnmiTestClient.path(CH.formatted(1)))
            .addUpdate(GnmiTestClient.upd(CH.formatted(4), channel(F + 400_000, "add1", "west")))
            .addUpdate(GnmiTestClient.upd(CH.formatted(5), channel(F, "add1", "no-such-port")))));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(before, channels());
    assertEquals(yangBefore, lab.device("alder-roadm").yangContent());
    // A conflict in the last edit rejects the request as FAILED_PRECONDITION, nothing applied.
    StatusRuntimeException conflict = assertThrows(StatusRuntimeException.class, () -> roadm.set(
        SetRequest.newBuilder()
            .addUpdate(GnmiTestClient.upd(CH.formatted(6), channel(F + 600_000, "add1", "west")))
            .addUpdate(GnmiTestClient.upd(CH.formatted(7), channel(F, "add1", "west")))));
    assertEquals(Status.Code.FAILED_PRECONDITION, conflict.getStatus().getCode());
    assertEquals(before, channels());
  }

  @Test
  void opticsFollowTheRequestNotItsSteps() throws Exception {
    try (GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"));
        GnmiTestClient b = new GnmiTestClient(lab.endpoint("birch-tp1"))) {
      roadm.mediaChannel(1, F - 25_000, F + 25_000, "add1", "east");
      br.mediaChannel(1, F - 25_000, F + 25_000, "west", "add1");
      a.tune("line1", F);
      b.tune("line1", F);
      StreamCollector c = new StreamCollector();
      StreamObserver<SubscribeRequest> req = b.async.subscribe(c);
      req.onNext(SubscribeRequest.newBuilder().setSubscribe(SubscriptionList.newBuilder()
          .setPrefix(b.prefix()).setMode(SubscriptionList.Mode.STREAM)
          .addSubscription(Subscription.newBuilder().setMode(SubscriptionMode.ON_CHANGE)
              .setPath(GnmiTestClient.path("/components/component[name=line1]/state/oper-status"))))
          .build());
      assertEquals(1, c.awaitSync());
      // Delete and re-create the lit channel in one request: as separate Sets the carrier would
      // drop and return; as one transaction the optics never see the gap.
      Instant setAt = clock.now.plusSeconds(1);
      clock.now = setAt;
      roadm.set(SetRequest.newBuilder()
          .addDelete(GnmiTestClient.path(CH.formatted(1)))
          .addUpdate(GnmiTestClient.upd(CH.formatted(1), channel(F, "add1", "east"))));
      Instant cutAt = setAt.plusSeconds(1);
      clock.now = cutAt;
      lab.network().cutFiber("alder-birch");
      SubscribeResponse next = c.nextResponse();
      Update u = next.getUpdate().getUpdate(0);
      assertEquals("INACTIVE", u.getVal().getStringVal());
      assertEquals(cutAt.getEpochSecond() * 1_000_000_000L, next.getUpdate().getTimestamp(),
          "the first change is the cut's, not a flap of the Set");
      req.onCompleted();
    }
  }

  @Test
  void requestMayMixRootAndLeafEdits() throws Exception {
    roadm.set(SetRequest.newBuilder()
        .addUpdate(GnmiTestClient.upd("/", "{\"openconfig-wavelength-router:wavelength-router\": "
            + "{\"media-channels\": {\"channel\": [{\"index\": 8, " + channel(F, "add1", "east")
            .substring(1) + "]}}}"))
        .addUpdate(GnmiTestClient.upd(CH.formatted(8) + "/config/name", "\"eight\"")));
    assertTrue(roadm.getJson(CH.formatted(8) + "/config/name").contains("eight"));
  }
}
