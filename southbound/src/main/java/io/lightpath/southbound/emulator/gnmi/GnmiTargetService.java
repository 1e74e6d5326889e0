package io.lightpath.southbound.emulator.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.proto.gnmi.CapabilityResponse;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.ModelData;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.SetResponse;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.SubscribeResponse;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.proto.gnmi.UpdateResult;
import io.lightpath.proto.gnmi.gNMIGrpc;
import io.lightpath.southbound.emulator.LabNetwork;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.device.ModelInfo;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.DeviceSchema;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.store.JsonTree;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gNMI target of one or more emulated devices. A call addresses a device by {@code
 * prefix.target}; on a per-device port an empty target means that port's device.
 */
public final class GnmiTargetService extends gNMIGrpc.gNMIImplBase {
  /** gNMI version reported by Capabilities. */
  public static final String GNMI_VERSION = "0.10.0";
  private static final ByteString MALFORMED_JSON = ByteString.copyFromUtf8("{\"malformed\": [1, ");

  private final LabNetwork lab;
  private final String defaultTarget;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;

  /**
   * @param defaultTarget device addressed when a request names no target; null on a shared port
   * @param scheduler runs delayed replies (latency faults) and SAMPLE subscriptions
   */
  public GnmiTargetService(
      LabNetwork lab, String defaultTarget, ScheduledExecutorService scheduler, Clock clock) {
    this.lab = lab;
    this.defaultTarget = defaultTarget;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  EmulatedDevice resolve(Path prefix) throws StatusException {
    String target = prefix.getTarget();
    if (target.isEmpty()) {
      if (defaultTarget == null) {
        throw Status.INVALID_ARGUMENT
            .withDescription("prefix.target must name a device on this shared endpoint")
            .asException();
      }
      target = defaultTarget;
    } else if (defaultTarget != null && !defaultTarget.equals(target)) {
      throw Status.NOT_FOUND
          .withDescription("this endpoint serves target '" + defaultTarget + "', not '" + target + "'")
          .asException();
    }
    String name = target;
    EmulatedDevice device = lab.device(name).orElseThrow(() ->
        Status.NOT_FOUND.withDescription("no device named '" + name + "'").asException());
    if (device.faults().down()) {
      throw Status.UNAVAILABLE.withDescription("device " + name + " is down").asException();
    }
    return device;
  }

  long nowNanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /** Sends {@code reply} after the device's injected latency. */
  private <T> void reply(EmulatedDevice device, StreamObserver<T> observer, T reply) {
    long latency = device.faults().latencyMs();
    Runnable send = () -> {
      observer.onNext(reply);
      observer.onCompleted();
    };
    if (latency > 0) {
      scheduler.schedule(send, latency, TimeUnit.MILLISECONDS);
    } else {
      send.run();
    }
  }

  private static void fail(StreamObserver<?> observer, Throwable t) {
    if (t instanceof StatusException se) {
      observer.onError(se);
    } else if (t instanceof ConfigException ce) {
      observer.onError(ce.toStatus().asException());
    } else {
      observer.onError(Status.INTERNAL.withDescription(String.valueOf(t)).asException());
    }
  }

  @Override
  public void capabilities(CapabilityRequest request, StreamObserver<CapabilityResponse> observer) {
    try {
      EmulatedDevice device = resolve(Path.getDefaultInstance());
      reply(device, observer, capabilitiesOf(device));
    } catch (StatusException e) {
      if (defaultTarget == null && e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        // A shared endpoint has no target in CapabilityRequest: report the union of models.
        CapabilityResponse.Builder b = baseCapabilities();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EmulatedDevice d : lab.devices()) {
          for (ModelInfo m : d.model().modules()) {
            if (seen.add(m.name())) {
              b.addSupportedModels(model(m));
            }
          }
        }
        observer.onNext(b.build());
        observer.onCompleted();
      } else {
        fail(observer, e);
      }
    }
  }

  private static CapabilityResponse.Builder baseCapabilities() {
    return CapabilityResponse.newBuilder()
        .addSupportedEncodings(Encoding.JSON_IETF)
        .addSupportedEncodings(Encoding.JSON)
        .setGNMIVersion(GNMI_VERSION);
  }

  private static ModelData model(ModelInfo m) {
    return ModelData.newBuilder().setName(m.name()).setOrganization(m.organization())
        .setVersion(m.version()).build();
  }

  private static CapabilityResponse capabilitiesOf(EmulatedDevice device) {
    CapabilityResponse.Builder b = baseCapabilities();
    for (ModelInfo m : device.model().modules()) {
      b.addSupportedModels(model(m));
    }
    return b.build();
  }

  @Override
  public void get(GetRequest request, StreamObserver<GetResponse> observer) {
    try {
      EmulatedDevice device = resolve(request.getPrefix());
      device.countGetAnswered();
      boolean ietf;
      if (request.getEncoding() == Encoding.JSON_IETF) {
        ietf = true;
      } else if (request.getEncoding() == Encoding.JSON) {
        ietf = false;
      } else {
        throw Status.UNIMPLEMENTED
            .withDescription("encoding " + request.getEncoding() + " not supported; use JSON_IETF or JSON")
            .asException();
      }
      NavigableMap<DataPath, JsonNode> data = device.tree();
      java.util.function.Predicate<DataPath> include = filter(device, request.getType());
      GetResponse.Builder response = GetResponse.newBuilder();
      long now = nowNanos();
      List<Path> paths = request.getPathList().isEmpty() ? List.of(Path.getDefaultInstance())
          : request.getPathList();
      for (Path p : paths) {
        DataPath pattern = GnmiValues.toDataPath(request.getPrefix(), p);
        checkPattern(device.schema(), pattern);
        SortedMap<DataPath, JsonNode> found =
            JsonTree.render(device.schema(), data, pattern, ietf, include);
        if (found.isEmpty() && pattern.size() == 0) {
          // An empty device still has a root: an empty tree, not an error.
          found = new TreeMap<>(Map.of(DataPath.ROOT, GnmiValues.JSON.createObjectNode()));
        }
        if (found.isEmpty()) {
          throw new ReplyException(Status.NOT_FOUND
              .withDescription("no data at " + pattern + " on " + device.name()));
        }
        Notification.Builder n = Notification.newBuilder().setTimestamp(now)
            .setPrefix(Path.newBuilder().setTarget(device.name()));
        for (Map.Entry<DataPath, JsonNode> e : found.entrySet()) {
          TypedValue value = device.faults().malformedReplies()
              ? (ietf ? TypedValue.newBuilder().setJsonIetfVal(MALFORMED_JSON).build()
                  : TypedValue.newBuilder().setJsonVal(MALFORMED_JSON).build())
              : GnmiValues.jsonValue(e.getValue(), ietf);
          n.addUpdate(Update.newBuilder().setPath(GnmiValues.toPath(e.getKey())).setVal(value));
        }
        response.addNotification(n);
      }
      reply(device, observer, response.build());
    } catch (StatusException e) {
      fail(observer, e);
    }
  }

  /** Rejects patterns naming nodes the schema lacks (wildcards aside). */
  static void checkPattern(DeviceSchema schema, DataPath pattern) throws StatusException {
    for (int i = 0; i < pattern.size(); i++) {
      if (pattern.elems().get(i).name().equals("*")) {
        return;
      }
      String t = pattern.template(i + 1);
      if (!schema.isInterior(t) && schema.leaf(t).isEmpty()) {
        throw Status.INVALID_ARGUMENT.withDescription("unknown path " + pattern).asException();
      }
    }
  }

  /** Which leaves a Get of {@code type} returns. */
  private static java.util.function.Predicate<DataPath> filter(
      EmulatedDevice device, GetRequest.DataType type) {
    if (type == GetRequest.DataType.ALL) {
      return p -> true;
    }
    boolean wantConfig = type == GetRequest.DataType.CONFIG;
    DeviceSchema schema = device.schema();
    return p -> schema.leaf(p.template()).map(DeviceSchema.LeafSpec::config).orElse(true)
        == wantConfig;
  }

  @Override
  public void set(SetRequest request, StreamObserver<SetResponse> observer) {
    try {
      EmulatedDevice device = resolve(request.getPrefix());
      if (!request.getUnionReplaceList().isEmpty()) {
        throw Status.UNIMPLEMENTED.withDescription("union_replace is not supported").asException();
      }
      List<Edit> edits = new ArrayList<>();
      SetResponse.Builder response = SetResponse.newBuilder()
          .setPrefix(request.getPrefix());
      for (Path p : request.getDeleteList()) {
        edits.add(new Edit.Delete(GnmiValues.toDataPath(request.getPrefix(), p)));
        response.addResponse(result(p, UpdateResult.Operation.DELETE));
      }
      for (Update u : request.getReplaceList()) {
        edits.add(new Edit.Replace(
            GnmiValues.toDataPath(request.getPrefix(), u.getPath()), GnmiValues.toJson(u.getVal())));
        response.addResponse(result(u.getPath(), UpdateResult.Operation.REPLACE));
      }
      for (Update u : request.getUpdateList()) {
        edits.add(new Edit.Update(
            GnmiValues.toDataPath(request.getPrefix(), u.getPath()), GnmiValues.toJson(u.getVal())));
        response.addResponse(result(u.getPath(), UpdateResult.Operation.UPDATE));
      }
      if (device.faults().takeFailingSet()) {
        throw Status.UNAVAILABLE
            .withDescription("injected fault: Set on " + device.name() + " failed, nothing applied")
            .asException();
      }
      if (!device.faults().takeIgnoredSet()) {
        lab.set(device, edits);
      }
      device.countSetAnswered();
      reply(device, observer, response.setTimestamp(nowNanos()).build());
    } catch (StatusException | ConfigException e) {
      fail(observer, e);
    }
  }

  /**
   * An error reply that is part of normal traffic (a controller Gets an absent entry before
   * creating it), built without a stack trace: nobody reads it, and filling it in cost more than
   * the rest of such a Get.
   */
  static final class ReplyException extends StatusException {
    private static final long serialVersionUID = 1L;

    ReplyException(Status status) {
      super(status);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static UpdateResult result(Path p, UpdateResult.Operation op) {
    return UpdateResult.newBuilder().setPath(p).setOp(op).build();
  }

  @Override
  public StreamObserver<SubscribeRequest> subscribe(StreamObserver<SubscribeResponse> observer) {
    return new SubscribeSession(this, observer, scheduler);
  }
}
