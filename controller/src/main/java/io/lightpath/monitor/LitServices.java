package io.lightpath.monitor;

import io.lightpath.provisioning.ProvisioningPlan.ChannelEnds;
import io.lightpath.proto.v1.ServiceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lit (ACTIVE or DEGRADED) services the carrier monitor follows, indexed by the transponder
 * ports their channels end on, so a state event on one port re-checks only the services using it
 * instead of reading every service record.
 *
 * <p>An entry is a small summary kept from the service watch (state, the monitor's own reason
 * step, the carrier flags) plus the channel ends, which come from the provisioning plan of the
 * service's channels. Entries may be briefly stale (the watch and the initial listing race); the
 * monitor writes through compare-and-set on the stored record and refreshes the entry from what it
 * read, so a stale entry costs one read, never a wrong write. Thread-safe.
 */
final class LitServices {
  /** A transponder line port: the node (as in the topology) and the component name. */
  record Port(String nodeId, String component) {}

  /**
   * What the monitor needs of one lit service.
   *
   * @param revision the store revision the summary was taken at
   * @param reasonStep the step of the service's state reason ("" when none)
   * @param carrierUp per channel, in channel order
   * @param ends per channel, in channel order (same size as {@code carrierUp})
   */
  record Entry(String id, long revision, ServiceState state, String reasonStep,
      List<Boolean> carrierUp, List<ChannelEnds> ends) {
    Entry {
      carrierUp = List.copyOf(carrierUp);
      ends = List.copyOf(ends);
    }

    /** Whether this summary is older than {@code other}'s (revision 0 counts as unknown, oldest). */
    boolean olderThan(long otherRevision) {
      return revision < otherRevision || revision == 0;
    }
  }

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Map<Port, Set<String>> byPort = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byNode = new ConcurrentHashMap<>();

  /** Adds or replaces an entry, unless the one held is newer. */
  synchronized void put(Entry e) {
    Entry old = byId.get(e.id());
    if (old != null && !old.olderThan(e.revision())) {
      return;
    }
    if (old != null) {
      unindex(old);
    }
    byId.put(e.id(), e);
    for (ChannelEnds ends : e.ends()) {
      index(new Port(ends.aNodeId(), ends.aComponent()), e.id());
      index(new Port(ends.zNodeId(), ends.zComponent()), e.id());
    }
  }

  /** Removes the entry of {@code id} unless it is newer than {@code revision} (0: remove anyway). */
  synchronized void remove(String id, long revision) {
    Entry old = byId.get(id);
    if (old != null && (revision == 0 || old.revision() <= revision)) {
      byId.remove(id);
      unindex(old);
    }
  }

  Entry get(String id) {
    return byId.get(id);
  }

  /** Ids of the services with a channel ending on {@code port}. */
  List<String> at(Port port) {
    Set<String> ids = byPort.get(port);
    return ids == null ? List.of() : new ArrayList<>(ids);
  }

  /** Ids of the services with a channel ending on any port of {@code nodeId}. */
  List<String> atNode(String nodeId) {
    Set<String> ids = byNode.get(nodeId);
    return ids == null ? List.of() : new ArrayList<>(ids);
  }

  Collection<Entry> all() {
    return new ArrayList<>(byId.values());
  }

  int size() {
    return byId.size();
  }

  private void index(Port p, String id) {
    byPort.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(id);
    byNode.computeIfAbsent(p.nodeId(), k -> ConcurrentHashMap.newKeySet()).add(id);
  }

  private void unindex(Entry e) {
    for (ChannelEnds ends : e.ends()) {
      drop(byPort, new Port(ends.aNodeId(), ends.aComponent()), e.id());
      drop(byPort, new Port(ends.zNodeId(), ends.zComponent()), e.id());
      drop(byNode, ends.aNodeId(), e.id());
      drop(byNode, ends.zNodeId(), e.id());
    }
  }

  private static <K> void drop(Map<K, Set<String>> index, K key, String id) {
    index.computeIfPresent(key, (k, ids) -> {
      ids.remove(id);
      return ids.isEmpty() ? null : ids;
    });
  }
}
