package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.Poll;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.SubscriptionList;
import io.lightpath.proto.gnmi.SubscriptionMode;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.southbound.emulator.device.TreeListener;
import io.lightpath.southbound.emulator.store.DataPath;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscribe in every mode over real sockets. */
class SubscribeTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final String CARRIER =
      "/components/component[name=line1]/optical-channel/state/carrier-present";
  private EmulatedLab lab;
  private GnmiTestClient birch;

  @BeforeEach
  void start() throws Exception {
    lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"),
        LabOptions.defaults().withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    birch = new GnmiTestClient(lab.endpoint("birch-tp1"));
  }

  @AfterEach
  void stop() throws Exception {
    birch.close();
    lab.stop();
  }

  private StreamObserver<SubscribeRequest> subscribe(
      StreamCollector collector, SubscriptionList.Mode mode, SubscriptionMode subMode,
      long sampleNanos, String path) {
    StreamObserver<SubscribeRequest> requests = birch.async.subscribe(collector);
    requests.onNext(SubscribeRequest.newBuilder().setSubscribe(SubscriptionList.newBuilder()
        .setPrefix(birch.prefix())
        .setMode(mode)
        .addSubscription(Subscription.newBuilder().setPath(GnmiTestClient.path(path))
            .setMode(subMode).setSampleInterval(sampleNanos))).build());
    return requests;
  }

  private static boolean carrierValue(SubscribeResponse r) {
    Update u = r.getUpdate().getUpdate(0);
    assertEquals("carrier-present", u.getPath().getElem(u.getPath().getElemCount() - 1).getName());
    return u.getVal().getBoolVal();
  }

  @Test
  void onceSendsSnapshotSyncAndCompletes() throws Exception {
    StreamCollector c = new StreamCollector();
    subscribe(c, SubscriptionList.Mode.ONCE, SubscriptionMode.TARGET_DEFINED, 0,
        "/components/component[name=line1]/optical-channel/state");
    SubscribeResponse first = c.nextResponse();
    assertEquals("birch-tp1", first.getUpdate().getPrefix().getTarget());
    assertEquals(T0.getEpochSecond() * 1_000_000_000L, first.getUpdate().getTimestamp());
    assertTrue(first.getUpdate().getUpdateCount() >= 5);
    assertTrue(c.nextResponse().getSyncResponse());
    assertSame(StreamCollector.COMPLETED, c.next());
  }

  @Test
  void pollAnswersEachPoll() throws Exception {
    StreamCollector c = new StreamCollector();
    StreamObserver<SubscribeRequest> req =
        subscribe(c, SubscriptionList.Mode.POLL, SubscriptionMode.TARGET_DEFINED, 0, CARRIER);
    assertEquals(1, c.awaitSync());
    birch.tune("line1", 193_100_000L);
    req.onNext(SubscribeRequest.newBuilder().setPoll(Poll.getDefaultInstance()).build());
    assertEquals(1, c.awaitSync());
    req.onCompleted();
    assertSame(StreamCollector.COMPLETED, c.next());
  }

  @Test
  void onChangeReportsCarrierUpAndLossOfSignal() throws Exception {
    StreamCollector c = new StreamCollector();
    StreamObserver<SubscribeRequest> req =
        subscribe(c, SubscriptionList.Mode.STREAM, SubscriptionMode.ON_CHANGE, 0, CARRIER);
    SubscribeResponse initial = c.nextResponse();
    assertEquals(false, carrierValue(initial));
    assertTrue(c.nextResponse().getSyncResponse());

    try (GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"))) {
      long f = 193_100_000L;
      ar.mediaChannel(1, f - 25_000, f + 25_000, "add1", "east");
      br.mediaChannel(1, f - 25_000, f + 25_000, "west", "add1");
      a.tune("line1", f);
      birch.tune("line1", f);
    }
    // Only the last config change lights the path: exactly one notification, carrier up.
    assertEquals(true, carrierValue(c.nextResponse()));
    lab.network().cutFiber("alder-birch");
    assertEquals(false, carrierValue(c.nextResponse()));
    lab.network().repairFiber("alder-birch");
    assertEquals(true, carrierValue(c.nextResponse()));
    req.onCompleted();
    assertSame(StreamCollector.COMPLETED, c.next());
  }

  @Test
  void operStatusOfTheFarEndIsPublishedBeforeTheLightingSetReturns() throws Exception {
    StreamCollector c = new StreamCollector();
    subscribe(c, SubscriptionList.Mode.STREAM, SubscriptionMode.ON_CHANGE, 0,
        "/components/component[name=line1]/state/oper-status");
    assertEquals("INACTIVE", c.nextResponse().getUpdate().getUpdate(0).getVal().getStringVal());
    assertTrue(c.nextResponse().getSyncResponse());
    // In process, the far end's changes are recorded synchronously.
    java.util.List<Map<DataPath, JsonNode>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    lab.device("birch-tp1").subscribe(new TreeListener() {
      @Override
      public void onChange(long ts, Map<DataPath, JsonNode> updated, Set<DataPath> deleted) {
        seen.add(updated);
      }

      @Override
      public void onDeviceDown() {}
    }, tree -> { });
    DataPath operStatus = DataPath.parse("/components/component[name=line1]/state/oper-status");
    long f = 193_100_000L;
    birch.tune("line1", f);
    try (GnmiTestClient a = new GnmiTestClient(lab.endpoint("alder-tp1"));
        GnmiTestClient ar = new GnmiTestClient(lab.endpoint("alder-roadm"));
        GnmiTestClient br = new GnmiTestClient(lab.endpoint("birch-roadm"))) {
      a.tune("line1", f);
      ar.mediaChannel(1, f - 25_000, f + 25_000, "add1", "east");
      seen.clear();
      br.mediaChannel(1, f - 25_000, f + 25_000, "west", "add1");
      // The Set on birch-roadm lit alder-tp1 -> birch-tp1: published before its reply.
      assertEquals(1, seen.size());
      assertEquals("ACTIVE", seen.get(0).get(operStatus).asText());
    }
    assertEquals("ACTIVE", c.nextResponse().getUpdate().getUpdate(0).getVal().getStringVal());
    lab.network().cutFiber("alder-birch");
    assertEquals("INACTIVE", seen.get(seen.size() - 1).get(operStatus).asText());
    assertEquals("INACTIVE", c.nextResponse().getUpdate().getUpdate(0).getVal().getStringVal());
  }

  @Test
  void onChangeOnConfigReportsDeletes() throws Exception {
    StreamCollector c = new StreamCollector();
    subscribe(c, SubscriptionList.Mode.STREAM, SubscriptionMode.ON_CHANGE, 0,
        "/components/component[name=line1]/optical-channel/config");
    assertEquals(0, c.awaitSync());
    birch.tune("line1", 193_100_000L);
    SubscribeResponse added = c.nextResponse();
    assertEquals(2, added.getUpdate().getUpdateCount());
    birch.delete("/components/component[name=line1]/optical-channel/config/frequency");
    SubscribeResponse removed = c.nextResponse();
    assertEquals(1, removed.getUpdate().getDeleteCount());
    assertEquals("frequency", removed.getUpdate().getDelete(0).getElem(4).getName());
  }

  @Test
  void sampleRepeatsCurrentValues() throws Exception {
    StreamCollector c = new StreamCollector();
    StreamObserver<SubscribeRequest> req = subscribe(c, SubscriptionList.Mode.STREAM,
        SubscriptionMode.SAMPLE, 5_000_000L, CARRIER);
    assertEquals(1, c.awaitSync());
    assertEquals(false, carrierValue(c.nextResponse()));
    assertEquals(false, carrierValue(c.nextResponse()));
    req.onCompleted();
  }

  @Test
  void unknownPathFailsTheStream() throws Exception {
    StreamCollector c = new StreamCollector();
    subscribe(c, SubscriptionList.Mode.STREAM, SubscriptionMode.ON_CHANGE, 0, "/no/such/thing");
    Object event = c.next();
    assertEquals(Status.Code.INVALID_ARGUMENT, ((Status) event).getCode());
  }

  @Test
  void deviceDownEndsStreamWithUnavailable() throws Exception {
    StreamCollector c = new StreamCollector();
    subscribe(c, SubscriptionList.Mode.STREAM, SubscriptionMode.ON_CHANGE, 0, CARRIER);
    c.awaitSync();
    lab.device("birch-tp1").setDown(true);
    assertEquals(Status.Code.UNAVAILABLE, ((Status) c.next()).getCode());
  }
}
