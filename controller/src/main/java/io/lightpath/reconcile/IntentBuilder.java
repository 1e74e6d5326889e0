package io.lightpath.reconcile;

import io.lightpath.model.Topology;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceOp;
import io.lightpath.service.StoredService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes {@link DeviceIntent}s from service records with the provisioner's own mapping
 * ({@link ChannelMapper}), so reconciliation expects exactly what provisioning configures. One
 * builder serves one pass: a service's plan is computed once (its channels never change) and
 * reused for every device. Thread-safe.
 */
final class IntentBuilder {
  /** Services whose configuration must be on the devices. */
  static final Set<ServiceState> EXPECTED = Set.of(ServiceState.ACTIVE, ServiceState.DEGRADED);
  /** Services the provisioner is configuring or removing right now. */
  static final Set<ServiceState> IN_FLIGHT =
      Set.of(ServiceState.PENDING, ServiceState.PROVISIONING, ServiceState.DELETING);

  private final ChannelMapper mapper;
  private final Topology topology;
  /** Topology node id to the id of the device realising it. */
  private final Map<String, String> deviceOfNode;
  private final Map<String, List<DeviceOp>> plans = new ConcurrentHashMap<>();
  private final Map<String, String> unmappable = new ConcurrentHashMap<>();

  IntentBuilder(ChannelMapper mapper, Topology topology, Map<String, String> deviceOfNode) {
    this.mapper = mapper;
    this.topology = topology;
    this.deviceOfNode = Map.copyOf(deviceOfNode);
  }

  /** The intent of {@code deviceId} according to {@code services} (a fresh read of the store). */
  DeviceIntent forDevice(String deviceId, List<StoredService> services) {
    List<Owned> expected = new ArrayList<>();
    List<Owned> inFlight = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    for (StoredService s : services) {
      boolean wanted = EXPECTED.contains(s.state());
      if (!wanted && !IN_FLIGHT.contains(s.state())) {
        continue;
      }
      List<DeviceOp> ops = plan(s.id(), s.channels());
      if (ops == null) {
        unmapped.add(s.id());
        continue;
      }
      for (DeviceOp op : ops) {
        if (deviceId.equals(deviceOfNode.get(op.nodeId()))) {
          (wanted ? expected : inFlight).add(new Owned(op, s.id()));
        }
      }
    }
    return new DeviceIntent(deviceId, expected, inFlight, unmapped);
  }

  /** Why services could not be mapped in this pass, by service id. */
  Map<String, String> unmappable() {
    return Map.copyOf(unmappable);
  }

  private List<DeviceOp> plan(String serviceId, List<ComputedChannel> channels) {
    if (unmappable.containsKey(serviceId)) {
      return null;
    }
    List<DeviceOp> ops = plans.get(serviceId);
    if (ops != null) {
      return ops;
    }
    try {
      ops = mapper.plan(topology, channels).ops();
    } catch (RuntimeException e) {
      unmappable.put(serviceId, String.valueOf(e.getMessage()));
      return null;
    }
    plans.put(serviceId, ops);
    return ops;
  }
}
