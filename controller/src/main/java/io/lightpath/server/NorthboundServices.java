package io.lightpath.server;

import io.grpc.BindableService;
import java.util.List;

/**
 * The northbound API services the server exposes. A value bound in Guice so the server does not
 * need to know which subsystems exist.
 *
 * @param services the gRPC services, each registered once
 */
public record NorthboundServices(List<BindableService> services) {
  public NorthboundServices {
    services = List.copyOf(services);
  }
}
