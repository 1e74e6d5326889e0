package io.lightpath.reconcile;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Serialises work per device with the provisioner's own steps
 * ({@link io.lightpath.provisioning.DeviceProvisioner#onDeviceLane}), so reconciling a device
 * never interleaves with provisioning or deprovisioning on it.
 */
public interface DeviceLane {

  /** Runs {@code work} when no other work on {@code deviceId} is running; completes with its result. */
  <T> CompletableFuture<T> run(String deviceId, Supplier<CompletableFuture<T>> work);
}
