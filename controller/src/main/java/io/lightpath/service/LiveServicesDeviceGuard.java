package io.lightpath.service;

import com.google.rpc.Code;
import io.lightpath.api.DeviceGuard;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.device.ManagedDevice;
import io.lightpath.pce.ComputedChannel;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Refuses removing a device while a live service (provisioning, active, degraded or being
 * deleted) has a channel through the node the device realizes: FAILED_PRECONDITION, reason
 * TOPOLOGY_IN_USE, naming the service. Without the device the controller could neither watch the
 * service's carrier nor remove its configuration when the service is deleted.
 */
public final class LiveServicesDeviceGuard implements DeviceGuard {
  private final ServiceRepository services;

  @Inject
  public LiveServicesDeviceGuard(ServiceRepository services) {
    this.services = services;
  }

  @Override
  public void checkRemove(ManagedDevice device) {
    String node = device.realizedNodeId();
    for (StoredService s : services.all()) {
      if (s.live() && uses(s, node)) {
        throw RpcErrors.error(Code.FAILED_PRECONDITION, "TOPOLOGY_IN_USE",
            "devices/" + device.id() + " (node " + node + ") carries " + s.service().getName()
                + " (" + s.state() + "); delete the service first, or remove with force",
            Map.of("resource", s.service().getName()));
      }
    }
  }

  private static boolean uses(StoredService s, String node) {
    for (ComputedChannel ch : s.channels()) {
      for (ComputedChannel.Hop hop : ch.hops()) {
        if (hop.fromNodeId().equals(node) || hop.toNodeId().equals(node)) {
          return true;
        }
      }
    }
    return false;
  }
}
