package io.lightpath.demo;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningResult;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A provisioner for benchmarks of the controller alone (synthetic topologies without devices):
 * it configures nothing and reports every carrier up at once, so create → ACTIVE measures the
 * API, validation, path computation, reservation and the durable state writes, and nothing of the
 * southbound. Never bound in a real controller; {@code lightpath bench --nodes N} says so in its
 * output.
 */
final class InstantProvisioner implements Provisioner {
  @Override
  public CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels) {
    return CompletableFuture.completedFuture(
        new ProvisioningResult(Collections.nCopies(channels.size(), Boolean.TRUE)));
  }

  @Override
  public CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels) {
    return CompletableFuture.completedFuture(null);
  }
}
