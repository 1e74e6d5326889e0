package io.lightpath.api;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.grpc.stub.StreamObserver;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.api.internal.PageTokens;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.proto.v1.ConnectionState;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.ListDevicesRequest;
import io.lightpath.proto.v1.ListDevicesResponse;
import io.lightpath.proto.v1.ReconcileDevicesRequest;
import io.lightpath.proto.v1.ReconcileDevicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.RemoveDeviceRequest;
import io.lightpath.proto.v1.RemoveDeviceResponse;
import io.lightpath.proto.v1.TlsSettings;
import io.lightpath.southbound.spi.ConnectionStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DeviceService: validates requests and maps between the API and {@link DeviceRegistry}. */
public final class DeviceGrpcService extends DeviceServiceGrpc.DeviceServiceImplBase {
  private static final Logger log = LoggerFactory.getLogger(DeviceGrpcService.class);
  private static final String COLLECTION = "devices";
  /** host:port, where host is a name, an IPv4 address or a bracketed IPv6 address. */
  private static final Pattern ADDRESS =
      Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+):([0-9]{1,5})");

  private final DeviceRegistry registry;
  private final Clock clock;
  private final ReconcileGrpcHandler reconcile;
  private final DeviceGuard guard;

  @Inject
  public DeviceGrpcService(DeviceRegistry registry, Clock clock, ReconcileGrpcHandler reconcile,
      DeviceGuard guard) {
    this.registry = registry;
    this.clock = clock;
    this.reconcile = reconcile;
    this.guard = guard;
  }

  @Override
  public void registerDevice(RegisterDeviceRequest request, StreamObserver<Device> response) {
    FieldViolations v = new FieldViolations();
    v.id(request.getDeviceId(), "device_id");
    v.check(request.hasDevice(), "device", "is required");
    Device d = request.getDevice();
    if (request.hasDevice()) {
      validateAddress(d.getAddress(), v);
      v.check(
          d.getProtocol() != DeviceProtocol.DEVICE_PROTOCOL_UNSPECIFIED
              && d.getProtocol() != DeviceProtocol.UNRECOGNIZED,
          "device.protocol",
          "must be GNMI or NETCONF");
      v.check(
          d.getRole() != DeviceRole.DEVICE_ROLE_UNSPECIFIED && d.getRole() != DeviceRole.UNRECOGNIZED,
          "device.role",
          "must be set");
      String ref = d.getCredentialRef();
      v.check(
          ref.isEmpty() || ref.startsWith("env:") && ref.length() > 4 || ref.startsWith("file:/"),
          "device.credential_ref",
          "must be \"env:VAR\" or \"file:/absolute/path\" (the secret itself is never accepted)");
    }
    v.throwIfAny();
    ManagedDevice device = toDomain(request.getDeviceId(), d, clock.instant());
    boolean registered;
    synchronized (registry) { // the registry's own lock: no registration between check and write
      sameEndpoint(device).ifPresent(other -> {
        // two ids for one device would be two drivers writing it, each blind to the other's changes
        throw RpcErrors.error(Code.FAILED_PRECONDITION, "DEVICE_ADDRESS_IN_USE",
            COLLECTION + "/" + other.id() + " is already registered at " + device.address()
                + (device.target().isEmpty() ? "" : " with target " + device.target())
                + "; devices behind one address need distinct targets",
            Map.of("resource", COLLECTION + "/" + other.id()));
      });
      registered = registry.register(device);
    }
    if (!registered) {
      throw RpcErrors.error(
          Code.ALREADY_EXISTS,
          "RESOURCE_ALREADY_EXISTS",
          COLLECTION + "/" + request.getDeviceId() + " already exists",
          Map.of("resource", COLLECTION + "/" + request.getDeviceId()));
    }
    response.onNext(toProto(device, registry.connectionStatus(device.id())));
    response.onCompleted();
  }

  @Override
  public void getDevice(GetDeviceRequest request, StreamObserver<Device> response) {
    String id = parseName(request.getName());
    ManagedDevice device =
        registry.get(id).orElseThrow(() -> RpcErrors.notFound(request.getName()));
    response.onNext(toProto(device, registry.connectionStatus(device.id())));
    response.onCompleted();
  }

  @Override
  public void listDevices(ListDevicesRequest request, StreamObserver<ListDevicesResponse> response) {
    FieldViolations v = new FieldViolations();
    int size = PageTokens.pageSize(request.getPageSize(), v, "page_size");
    String after = PageTokens.decode(request.getPageToken(), v, "page_token");
    v.throwIfAny();
    // one extra entry tells whether another page exists without a second scan
    List<ManagedDevice> page = registry.page(after, size + 1);
    ListDevicesResponse.Builder out = ListDevicesResponse.newBuilder();
    page.stream().limit(size).map(d -> toProto(d, registry.connectionStatus(d.id())))
        .forEach(out::addDevices);
    if (page.size() > size) {
      out.setNextPageToken(PageTokens.encode(page.get(size - 1).id()));
    }
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public void removeDevice(
      RemoveDeviceRequest request, StreamObserver<RemoveDeviceResponse> response) {
    String id = parseName(request.getName());
    ManagedDevice device =
        registry.get(id).orElseThrow(() -> RpcErrors.notFound(request.getName()));
    if (request.getForce()) {
      log.warn("removing devices/{} with force: live services through it are no longer watched,"
          + " and deleting them cannot remove their configuration from it", id);
    } else {
      guard.checkRemove(device);
    }
    if (!registry.remove(id)) {
      throw RpcErrors.notFound(request.getName());
    }
    response.onNext(RemoveDeviceResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void reconcileDevices(
      ReconcileDevicesRequest request, StreamObserver<ReconcileDevicesResponse> response) {
    reconcile.reconcileDevices(request, response);
  }

  /** Another registered device at the same address and gNMI target, if any. */
  private Optional<ManagedDevice> sameEndpoint(ManagedDevice device) {
    return registry.find(other -> !other.id().equals(device.id())
        && other.address().equals(device.address())
        && java.util.Objects.equals(other.target(), device.target()));
  }

  private static String parseName(String name) {
    FieldViolations v = new FieldViolations();
    String id = v.resourceId(name, COLLECTION, "name");
    v.throwIfAny();
    return id;
  }

  private static void validateAddress(String address, FieldViolations v) {
    var m = ADDRESS.matcher(address);
    if (!m.matches()) {
      v.add("device.address", "must be host:port; got \"" + address + "\"");
      return;
    }
    int port = Integer.parseInt(m.group(2));
    v.check(port >= 1 && port <= 65535, "device.address", "port must be 1..65535; got " + port);
  }

  private static ManagedDevice toDomain(String id, Device d, Instant now) {
    TlsSettings tls = d.getTls();
    return new ManagedDevice(
        id,
        d.getAddress(),
        ManagedDevice.Protocol.valueOf(d.getProtocol().name()),
        ManagedDevice.Role.valueOf(d.getRole().name().substring("DEVICE_ROLE_".length())),
        d.getNodeId(),
        d.getTarget(),
        d.getCredentialRef(),
        new ManagedDevice.Tls(
            tls.getInsecurePlaintext(), tls.getCaCertificateFile(), tls.getServerNameOverride()),
        now);
  }

  /**
   * @param session the controller's session with the device, empty when none was opened yet (drivers
   *     connect on first use)
   */
  static Device toProto(ManagedDevice d, Optional<ConnectionStatus> session) {
    Device.Builder b = Device.newBuilder()
        .setName(COLLECTION + "/" + d.id())
        .setAddress(d.address())
        .setProtocol(DeviceProtocol.valueOf(d.protocol().name()))
        .setRole(DeviceRole.valueOf("DEVICE_ROLE_" + d.role().name()))
        .setNodeId(d.nodeId())
        .setTarget(d.target())
        .setCredentialRef(d.credentialRef())
        .setTls(
            TlsSettings.newBuilder()
                .setInsecurePlaintext(d.tls().insecurePlaintext())
                .setCaCertificateFile(d.tls().caCertificateFile())
                .setServerNameOverride(d.tls().serverNameOverride()))
        .setCreateTime(timestamp(d.createTime()));
    if (session.isEmpty() || session.get().state() == ConnectionStatus.State.UNKNOWN) {
      return b.setConnectionState(ConnectionState.CONNECTION_STATE_UNSPECIFIED)
          .setConnectionDetail(session.map(ConnectionStatus::detail)
              .orElse("no session yet: the controller connects when it first configures the device"))
          .build();
    }
    ConnectionStatus s = session.get();
    return b.setConnectionState(switch (s.state()) {
          case CONNECTING -> ConnectionState.CONNECTING;
          case CONNECTED -> ConnectionState.CONNECTED;
          case UNREACHABLE -> ConnectionState.UNREACHABLE;
          case INCOMPATIBLE -> ConnectionState.INCOMPATIBLE;
          case UNKNOWN -> ConnectionState.CONNECTION_STATE_UNSPECIFIED;
        })
        .setConnectionDetail(s.detail())
        .setStateChangeTime(timestamp(s.since()))
        .build();
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
