package io.lightpath.api;

import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import jakarta.inject.Inject;

/**
 * ConnectivityService. The service lifecycle (validation, path computation, reservation,
 * provisioning) is the controller-runtime subsystem; until it is attached every method answers
 * UNIMPLEMENTED, which clients and the CLI report as such.
 */
public final class ConnectivityGrpcService extends ConnectivityServiceGrpc.ConnectivityServiceImplBase {
  @Inject
  public ConnectivityGrpcService() {}
}
