package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.lightpath.proto.v1.ConnectionState;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.southbound.emulator.topology.LabTopology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole controller against an emulated lab over loopback, with the carrier monitor's periodic
 * resync set to one hour: a fiber cut and its repair still move the service to DEGRADED and back
 * to ACTIVE, so the monitor reacts to the transponders' state events, not to polling. Devices
 * registered through the API report CONNECTED.
 */
class CarrierEventsLabTest {

  @Test
  void fiberCutAndRepairReachTheServiceThroughStateEvents() throws Exception {
    BenchLab bench = new BenchLab(3, 3);
    LabTopology lab = bench.topology();
    try (DemoEnvironment env = DemoEnvironment.start(lab, null, null, Duration.ofHours(1))) {
      LabImport imp = LabImport.of(lab, env.endpoints(), BenchLab.TRANSCEIVER_TYPE);
      TopologyServiceGrpc.newBlockingStub(env.channel()).withDeadlineAfter(60, TimeUnit.SECONDS)
          .importTopology(ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.LIGHTPATH_JSON)
              .setDocument(ByteString.copyFromUtf8(JsonFormat.printer().print(imp.topology()))).build());
      var devices = DeviceServiceGrpc.newBlockingStub(env.channel());
      for (RegisterDeviceRequest r : imp.devices()) {
        devices.withDeadlineAfter(10, TimeUnit.SECONDS).registerDevice(r);
      }
      awaitDevice(devices, "tp0-0", ConnectionState.CONNECTED);

      var services = ConnectivityServiceGrpc.newBlockingStub(env.channel());
      services.withDeadlineAfter(30, TimeUnit.SECONDS).createService(CreateServiceRequest.newBuilder()
          .setRequestId("r-1").setServiceId("svc-1").setService(bench.service(0)).build());
      awaitService(services, ServiceState.ACTIVE);

      env.lab().network().cutFiber("site0-site1");
      Service degraded = awaitService(services, ServiceState.DEGRADED);
      assertEquals("monitor-carrier", degraded.getStateReason().getStep());
      assertTrue(degraded.getStateReason().getMessage().contains("without carrier"),
          degraded.getStateReason().getMessage());

      env.lab().network().repairFiber("site0-site1");
      Service back = awaitService(services, ServiceState.ACTIVE);
      assertTrue(back.getChannels(0).getCarrierUp());
    }
  }

  private static Service awaitService(ConnectivityServiceGrpc.ConnectivityServiceBlockingStub stub,
      ServiceState state) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Service s = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
          .getService(GetServiceRequest.newBuilder().setName("services/svc-1").build());
      if (s.getState() == state) {
        return s;
      }
      assertTrue(System.nanoTime() < giveUp, "service never became " + state + ": " + s.getState()
          + " " + s.getStateReason());
      Thread.sleep(20);
    }
  }

  private static void awaitDevice(DeviceServiceGrpc.DeviceServiceBlockingStub stub, String id,
      ConnectionState state) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Device d = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
          .getDevice(GetDeviceRequest.newBuilder().setName("devices/" + id).build());
      if (d.getConnectionState() == state) {
        return;
      }
      assertTrue(System.nanoTime() < giveUp, id + " never " + state + ": " + d.getConnectionState()
          + " " + d.getConnectionDetail());
      Thread.sleep(20);
    }
  }
}
