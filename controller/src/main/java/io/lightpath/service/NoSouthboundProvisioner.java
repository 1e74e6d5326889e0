package io.lightpath.service;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningException;
import io.lightpath.provisioning.ProvisioningResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The provisioner of a controller without southbound drivers: provisioning fails with
 * DEVICE_UNREACHABLE naming the first transponder (the Provisioner contract's "no driver is
 * registered for a node"), so services end FAILED with their resources released instead of
 * pretending to be lit. Deprovisioning has nothing to remove and succeeds. Replace the binding
 * with the gNMI provisioner to drive devices.
 */
public final class NoSouthboundProvisioner implements Provisioner {
  @Override
  public CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels) {
    String device = channels.isEmpty() ? "" : channels.get(0).aTransceiverNodeId();
    return CompletableFuture.failedFuture(new ProvisioningException(device,
        "transponder-optical-channel", ProvisioningException.Kind.UNREACHABLE, true,
        "no southbound driver is registered for node " + device, null));
  }

  @Override
  public CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels) {
    return CompletableFuture.completedFuture(null);
  }
}
