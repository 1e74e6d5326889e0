package io.lightpath.southbound.emulator;

import com.google.protobuf.ByteString;
import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SetResponse;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.gNMIGrpc;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A plain gNMI client over a real socket, with path and JSON helpers for tests. */
final class GnmiTestClient implements AutoCloseable {
  final ManagedChannel channel;
  final gNMIGrpc.gNMIBlockingStub blocking;
  final gNMIGrpc.gNMIStub async;
  final String target;

  GnmiTestClient(DeviceEndpoint ep) {
    this(ep, InsecureChannelCredentials.create(), null);
  }

  GnmiTestClient(DeviceEndpoint ep, ChannelCredentials creds, CallCredentials call) {
    this.channel = Grpc.newChannelBuilder(ep.address(), creds).overrideAuthority("localhost").build();
    gNMIGrpc.gNMIBlockingStub b = gNMIGrpc.newBlockingStub(channel);
    gNMIGrpc.gNMIStub a = gNMIGrpc.newStub(channel);
    if (call != null) {
      b = b.withCallCredentials(call);
      a = a.withCallCredentials(call);
    }
    this.blocking = b.withDeadlineAfter(30, TimeUnit.SECONDS);
    this.async = a;
    this.target = ep.target();
  }

  /** Call credentials sending gNMI username/password metadata. */
  static CallCredentials userPassword(String user, String password) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("username", Metadata.ASCII_STRING_MARSHALLER), user);
        m.put(Metadata.Key.of("password", Metadata.ASCII_STRING_MARSHALLER), password);
        applier.apply(m);
      }
    };
  }

  /** Parses {@code /a/b[k=v]/c} into a gNMI path. */
  static Path path(String text) {
    Path.Builder b = Path.newBuilder();
    for (String part : text.split("/(?![^\\[]*\\])")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      PathElem.Builder e = PathElem.newBuilder()
          .setName(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0) {
        for (String kv : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
          int eq = kv.indexOf('=');
          e.putKey(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      b.addElem(e);
    }
    return b.build();
  }

  Path prefix() {
    return Path.newBuilder().setTarget(target).build();
  }

  static TypedValue json(String json) {
    return TypedValue.newBuilder()
        .setJsonIetfVal(ByteString.copyFrom(json, StandardCharsets.UTF_8)).build();
  }

  static Update upd(String path, String json) {
    return Update.newBuilder().setPath(path(path)).setVal(json(json)).build();
  }

  SetResponse update(String path, String json) {
    return blocking.set(SetRequest.newBuilder().setPrefix(prefix()).addUpdate(upd(path, json)).build());
  }

  SetResponse set(SetRequest.Builder request) {
    return blocking.set(request.setPrefix(prefix()).build());
  }

  SetResponse delete(String path) {
    return blocking.set(SetRequest.newBuilder().setPrefix(prefix()).addDelete(path(path)).build());
  }

  GetResponse get(String path, GetRequest.DataType type) {
    return blocking.get(GetRequest.newBuilder().setPrefix(prefix()).addPath(path(path))
        .setType(type).setEncoding(Encoding.JSON_IETF).build());
  }

  /** The JSON of the first update of a Get at {@code path}. */
  String getJson(String path) {
    return get(path, GetRequest.DataType.ALL).getNotification(0).getUpdate(0).getVal()
        .getJsonIetfVal().toStringUtf8();
  }

  // Config helpers for the optics scenarios.

  void tune(String component, long frequencyMhz) {
    update("/components/component[name=" + component + "]/optical-channel/config",
        "{\"frequency\": \"" + frequencyMhz + "\", \"target-output-power\": \"0.00\"}");
  }

  void mediaChannel(int index, long lowerMhz, long upperMhz, String source, String dest) {
    update("/wavelength-router/media-channels/channel[index=" + index + "]",
        "{\"config\": {\"index\": " + index + ", \"lower-frequency\": \"" + lowerMhz
            + "\", \"upper-frequency\": \"" + upperMhz + "\"},"
            + " \"source\": {\"config\": {\"port-name\": \"" + source + "\"}},"
            + " \"dest\": {\"config\": {\"port-name\": \"" + dest + "\"}}}");
  }

  void crossConnect(String in, String out) {
    update("/optical-switch/cross-connects/cross-connect[input-port=" + in + "]",
        "{\"config\": {\"input-port\": \"" + in + "\", \"output-port\": \"" + out + "\"}}");
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
