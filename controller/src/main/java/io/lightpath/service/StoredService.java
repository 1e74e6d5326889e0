package io.lightpath.service;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.pce.Reservation;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import java.util.List;
import java.util.Set;

/**
 * What the store keeps per service: the API view plus the domain channels (for deprovisioning)
 * and the reservation (to rebuild the resource ledger after a restart).
 *
 * @param service the API view; its {@code revision} field is not stored (it is the key's
 *     modRevision, filled in on read)
 * @param channels the computed channels, in the order given to the provisioner
 * @param reservation the resources the channels hold while the service is live
 */
public record StoredService(Service service, List<ComputedChannel> channels, Reservation reservation) {
  /** States in which a service holds its reservation. */
  static final Set<ServiceState> LIVE = Set.of(
      ServiceState.PENDING, ServiceState.PROVISIONING, ServiceState.ACTIVE, ServiceState.DEGRADED,
      ServiceState.DELETING);

  public StoredService {
    channels = List.copyOf(channels);
  }

  public String id() {
    return ServiceNames.id(service.getName());
  }

  public ServiceState state() {
    return service.getState();
  }

  /** Whether the service holds resources in the ledger. */
  public boolean live() {
    return LIVE.contains(service.getState());
  }

  public StoredService withService(Service s) {
    return new StoredService(s, channels, reservation);
  }
}
