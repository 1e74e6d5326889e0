package io.lightpath.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.lightpath.model.TransceiverMode;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Reservation;
import io.lightpath.proto.store.v1.ServiceRecord;
import io.lightpath.proto.store.v1.StoredChannel;
import io.lightpath.proto.store.v1.StoredCrossConnect;
import io.lightpath.proto.store.v1.StoredHop;
import io.lightpath.proto.store.v1.StoredMode;
import io.lightpath.proto.store.v1.StoredNodeItem;
import io.lightpath.proto.store.v1.StoredReservation;
import io.lightpath.proto.store.v1.StoredSlotClaim;
import io.lightpath.proto.v1.Service;
import io.lightpath.qot.QotEstimate;
import io.lightpath.spectrum.SlotRange;
import io.lightpath.store.Bytes;
import io.lightpath.store.KeyValue;
import io.lightpath.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes service records. The current format is one byte {@value #FORMAT_PROTO} followed by a
 * {@code lightpath.store.v1.ServiceRecord} protobuf (the API view plus the domain channels and
 * reservation), about a third of the size of the first format and several times faster to read.
 * The first format was JSON (a {@code '{'} first byte): the API view as protobuf bytes (base64),
 * channels and reservation as plain records. Data directories written by earlier versions hold
 * JSON records, so reading detects the format per record; writing always uses the current one,
 * so records move to it as services change.
 */
final class ServiceCodec {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** First byte of a protobuf record; a JSON record starts with {@code '{'}. */
  static final byte FORMAT_PROTO = 2;

  /** Tag of {@code ServiceRecord.service}: field 1, length-delimited. */
  private static final int SERVICE_TAG =
      ServiceRecord.SERVICE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

  /** The first (JSON) stored form; {@code format} is 1. */
  record Json(int format, byte[] service, List<ComputedChannel> channels, Reservation reservation) {}

  /** The JSON form without the channels, which Jackson then skips instead of binding. */
  record Light(int format, byte[] service, Reservation reservation) {}

  /** The JSON form with the view only. */
  record ViewOnly(int format, byte[] service) {}

  private ServiceCodec() {}

  static Bytes encode(StoredService s) {
    Service view = s.service().getRevision() == 0 ? s.service()
        : s.service().toBuilder().clearRevision().build();
    ServiceRecord.Builder r = ServiceRecord.newBuilder().setService(view);
    for (ComputedChannel c : s.channels()) {
      r.addChannels(toProto(c));
    }
    if (s.reservation() != null) {
      r.setReservation(toProto(s.reservation()));
    }
    ServiceRecord record = r.build();
    byte[] out = new byte[1 + record.getSerializedSize()];
    out[0] = FORMAT_PROTO;
    try {
      record.writeTo(com.google.protobuf.CodedOutputStream.newInstance(out, 1, out.length - 1));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode service " + s.id(), e);
    }
    return Bytes.wrap(out);
  }

  /** Decodes a record and sets the view's revision to the key's modRevision. */
  static StoredService decode(KeyValue kv) {
    try {
      byte[] v = kv.value().unsafeArray();
      if (isJson(v)) {
        Json j = JSON.readValue(v, Json.class);
        return new StoredService(viewOf(j.service(), kv), j.channels() == null ? List.of() : j.channels(),
            j.reservation());
      }
      ServiceRecord r = parse(v);
      List<ComputedChannel> channels = new ArrayList<>(r.getChannelsCount());
      for (StoredChannel c : r.getChannelsList()) {
        channels.add(fromProto(c));
      }
      return new StoredService(withRevision(r.getService(), kv), channels,
          r.hasReservation() ? fromProto(r.getReservation()) : null);
    } catch (IOException | RuntimeException e) {
      throw corrupt(kv, e);
    }
  }

  /**
   * Decodes a record without its channels ({@link StoredService#channels()} is empty): for
   * startup, which needs every record's state and reservation but the channels only of the few
   * services it must reconcile.
   */
  static StoredService decodeWithoutChannels(KeyValue kv) {
    try {
      byte[] v = kv.value().unsafeArray();
      if (isJson(v)) {
        Light j = JSON.readValue(v, Light.class);
        return new StoredService(viewOf(j.service(), kv), List.of(), j.reservation());
      }
      ServiceRecord r = parse(v);
      return new StoredService(withRevision(r.getService(), kv), List.of(),
          r.hasReservation() ? fromProto(r.getReservation()) : null);
    } catch (IOException | RuntimeException e) {
      throw corrupt(kv, e);
    }
  }

  /**
   * Decodes only the API view (with its revision): for listings and watch events, which need
   * nothing else. The protobuf form is scanned for field 1; the rest is skipped unparsed.
   */
  static Service decodeView(KeyValue kv) {
    try {
      byte[] v = kv.value().unsafeArray();
      if (isJson(v)) {
        return viewOf(JSON.readValue(v, ViewOnly.class).service(), kv);
      }
      checkFormat(v);
      CodedInputStream in = CodedInputStream.newInstance(v, 1, v.length - 1);
      Service.Builder view = Service.newBuilder();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == SERVICE_TAG) {
          in.readMessage(view, com.google.protobuf.ExtensionRegistryLite.getEmptyRegistry());
        } else if (!in.skipField(tag)) {
          break;
        }
      }
      return view.setRevision(kv.modRevision()).build();
    } catch (IOException | RuntimeException e) {
      throw corrupt(kv, e);
    }
  }

  /** Whether a stored value is in the first (JSON) format. */
  static boolean isJson(byte[] value) {
    return value.length > 0 && value[0] == '{';
  }

  private static ServiceRecord parse(byte[] v) throws InvalidProtocolBufferException {
    checkFormat(v);
    try {
      return ServiceRecord.parseFrom(CodedInputStream.newInstance(v, 1, v.length - 1));
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
  }

  private static void checkFormat(byte[] v) {
    if (v.length == 0 || v[0] != FORMAT_PROTO) {
      throw new IllegalArgumentException(
          "unknown service record format " + (v.length == 0 ? "(empty)" : Byte.toString(v[0])));
    }
  }

  private static StoreException corrupt(KeyValue kv, Exception e) {
    return new StoreException("corrupt service record " + kv.key() + ": " + e.getMessage(), e);
  }

  private static Service viewOf(byte[] serialized, KeyValue kv) throws IOException {
    return Service.newBuilder().mergeFrom(serialized).setRevision(kv.modRevision()).build();
  }

  private static Service withRevision(Service view, KeyValue kv) {
    return view.toBuilder().setRevision(kv.modRevision()).build();
  }

  // ------------------------------------------------------------ domain <-> store schema

  private static StoredChannel toProto(ComputedChannel c) {
    StoredChannel.Builder b = StoredChannel.newBuilder()
        .setRole(c.role().ordinal())
        .setFirstSlot(c.slots().first())
        .setSlotCount(c.slots().count())
        .setCentreFrequencyMhz(c.centreFrequencyMhz())
        .setWidthMhz(c.widthMhz())
        .setMode(toProto(c.mode()))
        .setLatencyUs(c.latencyUs())
        .setLengthKm(c.lengthKm())
        .setGsnrDb(c.qot().gsnrDb())
        .setOsnr0P1NmDb(c.qot().osnr0p1nmDb())
        .setMarginDb(c.qot().marginDb())
        .setATransceiverNodeId(c.aTransceiverNodeId())
        .setZTransceiverNodeId(c.zTransceiverNodeId())
        .setAAddDropPortId(c.aAddDropPortId())
        .setZAddDropPortId(c.zAddDropPortId());
    for (ComputedChannel.Hop h : c.hops()) {
      b.addHops(StoredHop.newBuilder().setFromNodeId(h.fromNodeId()).setFiberId(h.fiberId())
          .setToNodeId(h.toNodeId()));
    }
    return b.build();
  }

  private static ComputedChannel fromProto(StoredChannel c) {
    List<ComputedChannel.Hop> hops = new ArrayList<>(c.getHopsCount());
    for (StoredHop h : c.getHopsList()) {
      hops.add(new ComputedChannel.Hop(h.getFromNodeId(), h.getFiberId(), h.getToNodeId()));
    }
    ComputedChannel.Role[] roles = ComputedChannel.Role.values();
    if (c.getRole() < 0 || c.getRole() >= roles.length) {
      throw new IllegalArgumentException("unknown channel role " + c.getRole());
    }
    return new ComputedChannel(roles[c.getRole()], hops,
        new SlotRange(c.getFirstSlot(), c.getSlotCount()), c.getCentreFrequencyMhz(),
        c.getWidthMhz(), fromProto(c.getMode()), c.getLatencyUs(), c.getLengthKm(),
        new QotEstimate(c.getGsnrDb(), c.getOsnr0P1NmDb(), c.getMarginDb()),
        c.getATransceiverNodeId(), c.getZTransceiverNodeId(), c.getAAddDropPortId(),
        c.getZAddDropPortId());
  }

  private static StoredMode toProto(TransceiverMode m) {
    return StoredMode.newBuilder().setId(m.id()).setType(m.type()).setLineRateGbps(m.lineRateGbps())
        .setBaudRateGbd(m.baudRateGbd()).setModulation(m.modulation()).setWidthMhz(m.widthMhz())
        .setRequiredGsnrDb(m.requiredGsnrDb()).setTxOsnrDb(m.txOsnrDb())
        .setMinTxPowerDbm(m.minTxPowerDbm()).setMaxTxPowerDbm(m.maxTxPowerDbm())
        .setPowerW(m.powerW()).build();
  }

  private static TransceiverMode fromProto(StoredMode m) {
    return new TransceiverMode(m.getId(), m.getType(), m.getLineRateGbps(), m.getBaudRateGbd(),
        m.getModulation(), m.getWidthMhz(), m.getRequiredGsnrDb(), m.getTxOsnrDb(),
        m.getMinTxPowerDbm(), m.getMaxTxPowerDbm(), m.getPowerW());
  }

  private static StoredReservation toProto(Reservation r) {
    StoredReservation.Builder b = StoredReservation.newBuilder();
    for (Reservation.SlotClaim s : r.slots()) {
      b.addSlots(StoredSlotClaim.newBuilder().setFiberId(s.fiberId())
          .setFirstSlot(s.range().first()).setSlotCount(s.range().count()));
    }
    for (Reservation.CrossConnect x : r.crossConnects()) {
      b.addCrossConnects(StoredCrossConnect.newBuilder().setNodeId(x.nodeId())
          .setFiberA(x.fiberA()).setFiberB(x.fiberB()));
    }
    for (Reservation.TransceiverClaim t : r.transceivers()) {
      b.addTransceivers(StoredNodeItem.newBuilder().setNodeId(t.nodeId()).setItem(t.type()));
    }
    for (Reservation.PortClaim p : r.addDropPorts()) {
      b.addAddDropPorts(StoredNodeItem.newBuilder().setNodeId(p.nodeId()).setItem(p.portId()));
    }
    return b.build();
  }

  private static Reservation fromProto(StoredReservation r) {
    List<Reservation.SlotClaim> slots = new ArrayList<>(r.getSlotsCount());
    for (StoredSlotClaim s : r.getSlotsList()) {
      slots.add(new Reservation.SlotClaim(s.getFiberId(), new SlotRange(s.getFirstSlot(), s.getSlotCount())));
    }
    List<Reservation.CrossConnect> xcs = new ArrayList<>(r.getCrossConnectsCount());
    for (StoredCrossConnect x : r.getCrossConnectsList()) {
      xcs.add(new Reservation.CrossConnect(x.getNodeId(), x.getFiberA(), x.getFiberB()));
    }
    List<Reservation.TransceiverClaim> trx = new ArrayList<>(r.getTransceiversCount());
    for (StoredNodeItem t : r.getTransceiversList()) {
      trx.add(new Reservation.TransceiverClaim(t.getNodeId(), t.getItem()));
    }
    List<Reservation.PortClaim> ports = new ArrayList<>(r.getAddDropPortsCount());
    for (StoredNodeItem p : r.getAddDropPortsList()) {
      ports.add(new Reservation.PortClaim(p.getNodeId(), p.getItem()));
    }
    return new Reservation(slots, xcs, trx, ports);
  }
}
