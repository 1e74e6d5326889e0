package io.lightpath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.proto.v1.ConnectionState;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.ListDevicesRequest;
import io.lightpath.proto.v1.ListDevicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.RemoveDeviceRequest;
import io.lightpath.server.RunningServer;
import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceGrpcServiceTest {
  private RunningServer rs;
  private DeviceServiceGrpc.DeviceServiceBlockingStub stub;

  @BeforeEach
  void start() throws Exception {
    rs = RunningServer.start();
    stub = DeviceServiceGrpc.newBlockingStub(rs.channel);
  }

  @AfterEach
  void stop() throws Exception {
    rs.close();
  }

  private static Device.Builder roadm() {
    return Device.newBuilder().setAddress("127.0.0.1:9339").setProtocol(DeviceProtocol.GNMI)
        .setRole(DeviceRole.DEVICE_ROLE_ROADM).setCredentialRef("env:ROADM_CREDS");
  }

  private Device register(String id, Device.Builder d) {
    return stub.registerDevice(RegisterDeviceRequest.newBuilder().setDeviceId(id).setDevice(d).build());
  }

  @Test
  void registersGetsAndRemoves() {
    Device created = register("roadm-west-1", roadm());
    assertEquals("devices/roadm-west-1", created.getName());
    assertEquals("env:ROADM_CREDS", created.getCredentialRef());
    assertTrue(created.hasCreateTime());
    assertEquals(created, stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/roadm-west-1").build()));
    stub.removeDevice(RemoveDeviceRequest.newBuilder().setName("devices/roadm-west-1").build());
    StatusRuntimeException gone = assertThrows(StatusRuntimeException.class,
        () -> stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/roadm-west-1").build()));
    assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());
    assertEquals("RESOURCE_NOT_FOUND", StatusDetails.reason(gone));
  }

  @Test
  void reportsTheSessionStateOfTheDriverLayer() {
    register("roadm-a", roadm());
    register("roadm-b", roadm().setAddress("127.0.0.1:9340"));
    // Registration opens the session at once; ROADM_CREDS is not set, so the driver cannot be opened.
    Device unopened = stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/roadm-a").build());
    assertEquals(ConnectionState.UNREACHABLE, unopened.getConnectionState());
    assertTrue(unopened.getConnectionDetail().startsWith("cannot open a driver"), unopened.getConnectionDetail());
    assertTrue(unopened.getConnectionDetail().contains("env:ROADM_CREDS"), unopened.getConnectionDetail());
    assertTrue(unopened.hasStateChangeTime());

    // Without a driver layer (no sessions attached) a device reports that plainly.
    DeviceRegistry registry = rs.injector.getInstance(DeviceRegistry.class);
    registry.attachSessions(id -> Optional.empty());
    Device none = stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/roadm-a").build());
    assertEquals(ConnectionState.CONNECTION_STATE_UNSPECIFIED, none.getConnectionState());
    assertTrue(none.getConnectionDetail().startsWith("no session yet"), none.getConnectionDetail());
    assertFalse(none.hasStateChangeTime());

    Instant since = Instant.parse("2026-11-24T08:00:00Z");
    Map<String, ConnectionStatus> sessions = Map.of(
        "roadm-a", new ConnectionStatus(ConnectionStatus.State.CONNECTED, "session up", since),
        "roadm-b", new ConnectionStatus(ConnectionStatus.State.UNREACHABLE,
            "UNAVAILABLE: roadm-b: Get failed with UNAVAILABLE: io exception", since.plusSeconds(5)));
    registry.attachSessions(id -> Optional.ofNullable(sessions.get(id)));

    Device a = stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/roadm-a").build());
    assertEquals(ConnectionState.CONNECTED, a.getConnectionState());
    assertEquals("session up", a.getConnectionDetail());
    assertEquals(since.getEpochSecond(), a.getStateChangeTime().getSeconds());
    List<Device> listed = stub.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList();
    assertEquals(ConnectionState.CONNECTED, listed.get(0).getConnectionState());
    assertEquals(ConnectionState.UNREACHABLE, listed.get(1).getConnectionState());
    assertTrue(listed.get(1).getConnectionDetail().contains("io exception"));
    assertEquals(since.getEpochSecond() + 5, listed.get(1).getStateChangeTime().getSeconds());
  }

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> register("Bad_Id",
        Device.newBuilder().setAddress("no-port").setCredentialRef("hunter2")));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("INVALID_FIELD", StatusDetails.reason(e));
    assertEquals("lightpath.io", StatusDetails.domain(e));
    assertEquals(List.of("device_id", "device.address", "device.protocol", "device.role", "device.credential_ref"),
        StatusDetails.violatedFields(e));
    // a rejected request changes nothing
    assertEquals(0, stub.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesCount());
  }

  @Test
  void secretsAreNeverEchoedInErrors() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> register("r1", roadm().setCredentialRef("admin:s3cret-pass")));
    assertFalse(e.getStatus().getDescription().contains("s3cret"), e.getStatus().getDescription());
  }

  @Test
  void duplicateIdIsAlreadyExistsAndKeepsTheFirst() {
    register("ocs-1", roadm().setRole(DeviceRole.DEVICE_ROLE_OCS));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> register("ocs-1", roadm().setAddress("10.0.0.9:9339")));
    assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
    assertEquals("RESOURCE_ALREADY_EXISTS", StatusDetails.reason(e));
    assertEquals("127.0.0.1:9339",
        stub.getDevice(GetDeviceRequest.newBuilder().setName("devices/ocs-1").build()).getAddress());
  }

  @Test
  void aSecondIdForTheSameAddressAndTargetIsRefusedButTargetsMayShareAnAddress() {
    register("ocs-1", roadm().setRole(DeviceRole.DEVICE_ROLE_OCS));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> register("ocs-2", roadm()));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("DEVICE_ADDRESS_IN_USE", StatusDetails.reason(e));
    assertTrue(e.getStatus().getDescription().contains("devices/ocs-1"), e.getStatus().getDescription());
    // devices behind one shared endpoint, told apart by their gNMI target
    register("shared-a", roadm().setAddress("127.0.0.1:9500").setTarget("a"));
    register("shared-b", roadm().setAddress("127.0.0.1:9500").setTarget("b"));
    assertThrows(StatusRuntimeException.class,
        () -> register("shared-c", roadm().setAddress("127.0.0.1:9500").setTarget("a")));
  }

  @Test
  void pagesThroughAllDevicesInNameOrder() {
    for (int i = 9; i >= 0; i--) {
      register("dev-" + i, roadm().setAddress("127.0.0.1:" + (9400 + i)));
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListDevicesResponse page = stub.listDevices(
          ListDevicesRequest.newBuilder().setPageSize(3).setPageToken(token).build());
      page.getDevicesList().forEach(d -> seen.add(d.getName()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertEquals(4, pages);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add("devices/dev-" + i);
    }
    assertEquals(expected, seen);
  }

  @Test
  void rejectsForgedPageTokensAndBadNames() {
    StatusRuntimeException token = assertThrows(StatusRuntimeException.class,
        () -> stub.listDevices(ListDevicesRequest.newBuilder().setPageToken("garbage!").build()));
    assertEquals(List.of("page_token"), StatusDetails.violatedFields(token));
    StatusRuntimeException name = assertThrows(StatusRuntimeException.class,
        () -> stub.getDevice(GetDeviceRequest.newBuilder().setName("roadm-1").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, name.getStatus().getCode());
    assertEquals(List.of("name"), StatusDetails.violatedFields(name));
  }
}
