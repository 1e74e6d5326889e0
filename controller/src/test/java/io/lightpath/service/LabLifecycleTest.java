package io.lightpath.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.api.TopologyMapper;
import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.provisioning.LabBridge;
import io.lightpath.server.StoreConfig;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The whole controller path with nothing faked: CreateService over loopback gRPC, path computation,
 * reservation, the production gNMI provisioner (ServerModule's ProvisioningModule) configuring the
 * emulated hexa-metro lab, carrier verification, ACTIVE; then DeleteService to DELETED.
 */
class LabLifecycleTest {
  private static final String TRANSCEIVER_TYPE = "CFP2-DCO-100G";

  @Test
  void aServiceIsLitOnTheEmulatedLabAndDeleted() throws Exception {
    LabTopology labTopology = LabTopologyFile.readBundled("hexa-metro.yaml");
    try (EmulatedLab lab = EmulatedLab.start(labTopology);
        LifecycleHarness h = LifecycleHarness.start(StoreConfig.inMemory(), Clock.systemUTC(), null)) {
      DeviceRegistry registry = h.injector.getInstance(DeviceRegistry.class);
      for (ManagedDevice d : LabBridge.devices(lab, "", LabBridge.plaintext(), Instant.EPOCH)) {
        registry.register(d);
      }
      h.topology(TopologyMapper.toProto(LabBridge.topology(labTopology, TRANSCEIVER_TYPE)));
      Service s = h.stub().createService(CreateServiceRequest.newBuilder().setRequestId("lab-1")
          .setService(Service.newBuilder().setAEnd(Endpoint.newBuilder().setNodeId("gorse-tp1"))
              .setZEnd(Endpoint.newBuilder().setNodeId("heath-tp1")).setRate(LineRate.LINE_RATE_100G))
          .build());
      h.awaitIdle();
      Service active = h.stub().getService(GetServiceRequest.newBuilder().setName(s.getName()).build());
      assertEquals(ServiceState.ACTIVE, active.getState(), active.getStateReason().toString());
      assertTrue(active.getChannels(0).getCarrierUp());

      h.stub().deleteService(DeleteServiceRequest.newBuilder().setName(s.getName()).build());
      h.awaitIdle();
      assertEquals(ServiceState.DELETED,
          h.stub().getService(GetServiceRequest.newBuilder().setName(s.getName()).build()).getState());
    }
  }
}
