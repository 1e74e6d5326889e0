package io.lightpath.api;

import io.lightpath.device.ManagedDevice;

/**
 * Vetoes removing a device that existing state still needs, such as the transponder of a live
 * service. Called by {@link DeviceGrpcService} before a device is forgotten, unless the request
 * forces the removal.
 */
public interface DeviceGuard {
  /** No veto. */
  DeviceGuard NONE = device -> {};

  /**
   * @throws io.grpc.StatusRuntimeException (FAILED_PRECONDITION, TOPOLOGY_IN_USE) to refuse
   *     removing {@code device}
   */
  void checkRemove(ManagedDevice device);
}
