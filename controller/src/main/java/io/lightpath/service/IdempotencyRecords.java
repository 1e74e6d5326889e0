package io.lightpath.service;

import com.google.protobuf.CodedOutputStream;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.store.Bytes;
import io.lightpath.store.Compare;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Txn;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * AIP-155 request records under {@value #PREFIX}{request_id}: the fingerprint of the request body
 * and the answer it got (a service id, or an error). A record is honoured for {@link
 * LifecycleConfig#requestRetention()} after it was written, measured on the injected clock; an
 * older one is treated as absent and is overwritten by the next request with that id (or removed
 * by {@link #purgeExpired}).
 */
public final class IdempotencyRecords {
  static final String PREFIX = "/requests/";

  /**
   * The stored answer.
   *
   * @param fingerprint SHA-256 of the request body (request_id excluded, output-only fields cleared)
   * @param serviceId the service created, or empty when the request failed
   * @param createdAtMillis when the record was written, epoch milliseconds of the injected clock
   * @param errorCode gRPC code of the failure, or 0
   * @param errorReason ErrorInfo reason of the failure, or empty
   * @param errorMessage message of the failure, or empty
   */
  public record Answer(String fingerprint, String serviceId, long createdAtMillis, int errorCode,
      String errorReason, String errorMessage) {
    boolean failed() {
      return errorCode != 0;
    }
  }

  /** A record read from the store; {@code modRevision} 0 when there is none (or it expired). */
  public record Lookup(Optional<Answer> answer, long modRevision) {}

  private final StateStore store;
  private final Clock clock;
  private final LifecycleConfig config;

  @Inject
  public IdempotencyRecords(StateStore store, Clock clock, LifecycleConfig config) {
    this.store = store;
    this.clock = clock;
    this.config = config;
  }

  static Bytes key(String requestId) {
    return Bytes.utf8(PREFIX + requestId);
  }

  /** The unexpired answer for {@code requestId}, and the modRevision to compare against. */
  public Lookup lookup(String requestId) {
    Optional<KeyValue> kv = store.get(key(requestId));
    if (kv.isEmpty()) {
      return new Lookup(Optional.empty(), 0);
    }
    Answer a = decode(kv.get());
    boolean expired = clock.millis() - a.createdAtMillis() >= config.requestRetention().toMillis();
    return new Lookup(expired ? Optional.empty() : Optional.of(a), kv.get().modRevision());
  }

  Answer success(String fingerprint, String serviceId) {
    return new Answer(fingerprint, serviceId, clock.millis(), 0, "", "");
  }

  Answer failure(String fingerprint, int code, String reason, String message) {
    return new Answer(fingerprint, "", clock.millis(), code, reason, message);
  }

  /** Records a failed request if the record is still at {@code modRevision}. */
  boolean recordFailure(String requestId, long modRevision, Answer a) {
    Bytes k = key(requestId);
    return store.txn(Txn.builder()
        .when(Compare.modRevision(k, Compare.Operator.EQUAL, modRevision))
        .then(Op.put(k, encode(a)))
        .build()).succeeded();
  }

  /** Deletes every expired record; returns how many. */
  public int purgeExpired() {
    int n = 0;
    for (KeyValue kv : store.range(KeyRange.prefix(PREFIX)).kvs()) {
      Answer a = decode(kv);
      if (clock.millis() - a.createdAtMillis() >= config.requestRetention().toMillis()) {
        boolean deleted = store.txn(Txn.builder()
            .when(Compare.modRevision(kv.key(), Compare.Operator.EQUAL, kv.modRevision()))
            .then(Op.delete(kv.key()))
            .build()).succeeded();
        n += deleted ? 1 : 0;
      }
    }
    return n;
  }

  static Bytes encode(Answer a) {
    try {
      return Bytes.wrap(ServiceCodec.JSON.writeValueAsBytes(a));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode request record", e);
    }
  }

  static Answer decode(KeyValue kv) {
    try {
      return ServiceCodec.JSON.readValue(kv.value().unsafeArray(), Answer.class);
    } catch (IOException e) {
      throw new StoreException("corrupt request record " + kv.key(), e);
    }
  }

  /**
   * SHA-256 over the deterministic serialization of the request without request_id and without
   * the service's output-only fields, so a retry that echoes a previous answer still matches.
   */
  public static String fingerprint(CreateServiceRequest request) {
    Service s = request.getService().toBuilder().clearName().clearState().clearStateReason()
        .clearChannels().clearCreateTime().clearUpdateTime().clearRevision().build();
    CreateServiceRequest body = request.toBuilder().clearRequestId().setService(s).build();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      cos.useDeterministicSerialization(); // map entries (labels) in key order
      body.writeTo(cos);
      cos.flush();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
