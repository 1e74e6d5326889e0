package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Reservation;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.qot.QotEstimate;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.store.Bytes;
import io.lightpath.store.KeyValue;
import io.lightpath.store.StoreException;
import io.lightpath.store.memory.InMemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCodecTest {
  private static final TransceiverMode MODE = new TransceiverMode("400ZR-DP16QAM-60G", "400ZR", 400,
      59.84, "DP-16QAM", 75_000, 20.5, 36.0, -10.0, 0.0, 21.5);

  static StoredService sample(String id, ServiceState state) {
    Service view = Service.newBuilder().setName(ServiceNames.name(id)).setDisplayName("sample " + id)
        .setAEnd(Endpoint.newBuilder().setNodeId("a")).setZEnd(Endpoint.newBuilder().setNodeId("z"))
        .setState(state).setRevision(42).build();
    ComputedChannel working = new ComputedChannel(ComputedChannel.Role.WORKING,
        List.of(new ComputedChannel.Hop("a", "f1", "r"), new ComputedChannel.Hop("r", "f2", "z")),
        new SlotRange(16, 6), 193_100_000, 75_000, MODE, 1234.5, 246.9,
        new QotEstimate(22.1, 25.7, 1.6), "a", "z", "add-1", "");
    ComputedChannel protection = new ComputedChannel(ComputedChannel.Role.PROTECTION,
        List.of(new ComputedChannel.Hop("a", "f3", "z")), new SlotRange(0, 6), 193_000_000, 75_000,
        MODE, 1500.0, 300.0, new QotEstimate(21.0, 24.0, 0.5), "a", "z", "", "add-9");
    Reservation reservation = new Reservation(
        List.of(new Reservation.SlotClaim("f1", new SlotRange(16, 7)),
            new Reservation.SlotClaim("f3", new SlotRange(0, 7))),
        List.of(new Reservation.CrossConnect("ocs", "f1", "f2")),
        List.of(new Reservation.TransceiverClaim("a", "400ZR"),
            new Reservation.TransceiverClaim("z", "400ZR")),
        List.of(new Reservation.PortClaim("r", "add-1")));
    return new StoredService(view, List.of(working, protection), reservation);
  }

  private static KeyValue stored(String id, Bytes value, long modRevision) {
    return new KeyValue(ServiceNames.key(id), value, 3, modRevision, 2, 0);
  }

  /** The first format, exactly as the earlier ServiceCodec.encode wrote it. */
  static Bytes legacyJson(StoredService s) throws Exception {
    Service view = s.service().toBuilder().clearRevision().build();
    return Bytes.wrap(ServiceCodec.JSON.writeValueAsBytes(
        new ServiceCodec.Json(1, view.toByteArray(), s.channels(), s.reservation())));
  }

  private static StoredService atRevision(StoredService s, long revision) {
    return s.withService(s.service().toBuilder().setRevision(revision).build());
  }

  @Test
  void aRecordRoundTripsExactlyWithTheKeysModRevision() {
    StoredService s = sample("s1", ServiceState.ACTIVE);
    Bytes encoded = ServiceCodec.encode(s);
    assertEquals(ServiceCodec.FORMAT_PROTO, encoded.unsafeArray()[0]);
    StoredService back = ServiceCodec.decode(stored("s1", encoded, 77));
    assertEquals(atRevision(s, 77), back);
    assertEquals(atRevision(s, 77).service(), ServiceCodec.decodeView(stored("s1", encoded, 77)));
    StoredService light = ServiceCodec.decodeWithoutChannels(stored("s1", encoded, 77));
    assertEquals(List.of(), light.channels());
    assertEquals(s.reservation(), light.reservation());
    assertEquals(atRevision(s, 77).service(), light.service());
  }

  @Test
  void aRecordWithoutChannelsOrReservationRoundTrips() {
    StoredService s = new StoredService(Service.newBuilder().setName("services/x")
        .setState(ServiceState.FAILED).build(), List.of(), null);
    StoredService back = ServiceCodec.decode(stored("x", ServiceCodec.encode(s), 5));
    assertEquals(List.of(), back.channels());
    assertNull(back.reservation());
    assertEquals(ServiceState.FAILED, back.state());
  }

  @Test
  void jsonRecordsOfEarlierVersionsStillDecode() throws Exception {
    StoredService s = sample("old", ServiceState.ACTIVE);
    KeyValue kv = stored("old", legacyJson(s), 9);
    assertTrue(ServiceCodec.isJson(kv.value().unsafeArray()));
    assertEquals(atRevision(s, 9), ServiceCodec.decode(kv));
    assertEquals(atRevision(s, 9).service(), ServiceCodec.decodeView(kv));
    StoredService light = ServiceCodec.decodeWithoutChannels(kv);
    assertEquals(s.reservation(), light.reservation());
    assertEquals(List.of(), light.channels());
  }

  @Test
  void theBinaryRecordIsMuchSmallerThanTheJsonOne() throws Exception {
    StoredService s = sample("s1", ServiceState.ACTIVE);
    int binary = ServiceCodec.encode(s).size();
    int json = legacyJson(s).size();
    assertTrue(binary * 2 < json, "binary " + binary + " B, JSON " + json + " B");
  }

  @Test
  void aCorruptRecordIsAStoreErrorNamingTheKey() {
    KeyValue unknownFormat = stored("bad", Bytes.wrap(new byte[] {7, 1, 2}), 3);
    KeyValue truncated = stored("bad", Bytes.wrap(java.util.Arrays.copyOf(
        ServiceCodec.encode(sample("bad", ServiceState.ACTIVE)).unsafeArray(), 20)), 3);
    for (KeyValue kv : List.of(unknownFormat, truncated)) {
      StoreException e = assertThrows(StoreException.class, () -> ServiceCodec.decode(kv));
      assertTrue(e.getMessage().contains("/services/bad"), e.getMessage());
      assertThrows(StoreException.class, () -> ServiceCodec.decodeView(kv));
      assertThrows(StoreException.class, () -> ServiceCodec.decodeWithoutChannels(kv));
    }
  }

  @Test
  void aRepositoryReadsJsonRecordsAndRewritesThemInTheCurrentFormat() throws Exception {
    try (InMemoryStateStore store = new InMemoryStateStore()) {
      StoredService old = sample("old", ServiceState.PROVISIONING);
      store.put(ServiceNames.key("old"), legacyJson(old));
      ServiceRepository repo = new ServiceRepository(store,
          Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
      assertEquals(old.channels(), repo.get("old").orElseThrow().channels());
      assertEquals(List.of("services/old"), repo.list("", 10, java.util.Set.of()).services().stream()
          .map(Service::getName).toList());
      repo.update("old", s -> s.withService(s.service().toBuilder().setState(ServiceState.ACTIVE)
          .build())).orElseThrow();
      byte[] rewritten = store.get(ServiceNames.key("old")).orElseThrow().value().unsafeArray();
      assertEquals(ServiceCodec.FORMAT_PROTO, rewritten[0]);
      StoredService now = repo.get("old").orElseThrow();
      assertEquals(ServiceState.ACTIVE, now.state());
      assertEquals(old.channels(), now.channels());
      assertEquals(old.reservation(), now.reservation());
    }
  }
}
