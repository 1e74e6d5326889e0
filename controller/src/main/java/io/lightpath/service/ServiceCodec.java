package io.lightpath.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Reservation;
import io.lightpath.proto.v1.Service;
import io.lightpath.store.Bytes;
import io.lightpath.store.KeyValue;
import io.lightpath.store.StoreException;
import java.io.IOException;
import java.util.List;

/**
 * Encodes service records as JSON: the API view as protobuf bytes (base64), the domain channels
 * and reservation as plain records. JSON keeps the records readable with any etcd/MVStore tool;
 * the protobuf bytes keep the API view exact (unknown fields included) across versions.
 */
final class ServiceCodec {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The stored form; {@code format} lets a later version change the layout. */
  record Json(int format, byte[] service, List<ComputedChannel> channels, Reservation reservation) {}

  /** The stored form without the channels, which Jackson then skips instead of binding. */
  record Light(int format, byte[] service, Reservation reservation) {}

  private ServiceCodec() {}

  /**
   * Decodes a record without its channels ({@link StoredService#channels()} is empty): for
   * startup, which needs every record's state and reservation but the channels only of the few
   * services it must reconcile (binding the channels was most of the decoding time).
   */
  static StoredService decodeWithoutChannels(KeyValue kv) {
    try {
      Light j = JSON.readValue(kv.value().unsafeArray(), Light.class);
      Service view = Service.parseFrom(j.service()).toBuilder().setRevision(kv.modRevision()).build();
      return new StoredService(view, List.of(), j.reservation());
    } catch (IOException e) {
      throw new StoreException("corrupt service record " + kv.key(), e);
    }
  }

  static Bytes encode(StoredService s) {
    Service view = s.service().toBuilder().clearRevision().build();
    try {
      return Bytes.wrap(JSON.writeValueAsBytes(
          new Json(1, view.toByteArray(), s.channels(), s.reservation())));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode service " + s.id(), e);
    }
  }

  /** Decodes a record and sets the view's revision to the key's modRevision. */
  static StoredService decode(KeyValue kv) {
    try {
      Json j = JSON.readValue(kv.value().unsafeArray(), Json.class);
      Service view = Service.parseFrom(j.service()).toBuilder().setRevision(kv.modRevision()).build();
      return new StoredService(view, j.channels() == null ? List.of() : j.channels(),
          j.reservation());
    } catch (IOException e) {
      throw new StoreException("corrupt service record " + kv.key(), e);
    }
  }
}
