package io.lightpath.provisioning;

import io.lightpath.pce.ComputedChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns computed channels into device configuration, and back. The service lifecycle calls it
 * after the channels' resources are reserved and before the service is ACTIVE.
 *
 * <p>Contract of {@link #provision}: configure OCS cross-connects and ROADM media channels first
 * and transponders last (so no laser lights into a half-built path); the devices of one stage are
 * configured in parallel, each change one atomic device transaction with a deadline; then read the
 * transponders' state back until the carrier is up at both ends of every channel or the
 * verification deadline passes. On any failure every change already applied is rolled back in
 * reverse order before the returned future completes exceptionally with a
 * {@link ProvisioningException} naming the device and step.
 *
 * <p>Contract of {@link #deprovision}: remove the channels' configuration, transponders first;
 * idempotent — configuration that is already absent is success.
 *
 * <p>Implementations are thread-safe; different services are provisioned concurrently.
 */
public interface Provisioner {

  /**
   * A hint that {@link #provision} of {@code channels} follows soon (the lifecycle gives it while
   * it stores the reservation): the provisioner may read now what the devices' transactions will
   * need. It must not change any device, must return at once and must not throw. The default does
   * nothing.
   *
   * @return completes when the reads ahead have finished, whatever their outcome (never fails)
   */
  default CompletableFuture<Void> prepare(List<ComputedChannel> channels) {
    return CompletableFuture.completedFuture(null);
  }

  /** Configures and verifies the channels of service {@code serviceId}. */
  CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels);

  /** Removes the configuration of the channels of service {@code serviceId}. */
  CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels);
}
