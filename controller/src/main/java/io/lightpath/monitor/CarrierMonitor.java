package io.lightpath.monitor;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.model.Topology;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ChannelRole;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import io.lightpath.provisioning.CarrierStates;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.ProvisioningPlan;
import io.lightpath.service.ServiceNames;
import io.lightpath.service.ServiceRepository;
import io.lightpath.service.ServiceWatcher;
import io.lightpath.service.StoredService;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.store.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of lit services in line with what the transponders report: it checks the
 * carrier at both ends of every channel of each ACTIVE or DEGRADED service and moves the service to
 * DEGRADED (naming the first channel and device without carrier) when a channel lost it, and back
 * to ACTIVE when all have it again. Each channel's {@code carrier_up} follows.
 *
 * <p>A lit service that loses a channel stays DEGRADED, not FAILED: its configuration and
 * resources are kept so it recovers by itself when the fiber is repaired (FAILED releases the
 * resources, per the API).
 *
 * <p>Event-driven and proportional to the change: the monitor follows the service records through
 * a service watch and keeps an index of the lit services by the transponder ports their channels
 * end on ({@link LitServices}). A state event from a transponder's ON_CHANGE stream
 * ({@link CarrierStates}) re-checks only the services on that port (a stream that synced or went
 * down re-checks the services on that device); events arriving while a check runs coalesce into
 * the next one. A check takes the carrier from the stream cache and reads the device only for ends
 * whose stream is down or not yet synced, and it reads a service record only when the carrier it
 * sees disagrees with the record. The periodic pass ({@link #start}) is a safety net over the
 * index, with the same rules, so its cost with healthy streams is a few map lookups per lit
 * service and no store reads. Updates are compare-and-set through {@link ServiceRepository#update}
 * and only touch services still ACTIVE or DEGRADED, so a concurrent delete wins. Thread-safe; one
 * check at a time.
 */
public final class CarrierMonitor implements AutoCloseable {
  /** Step named in the state reason of a service degraded by the monitor. */
  public static final String STEP = "monitor-carrier";
  private static final Logger log = LoggerFactory.getLogger(CarrierMonitor.class);

  /** Why a channel end has no carrier: the transponder's device id and what it reported. */
  record Loss(String deviceId, String detail) {}

  /** A port (component) of a device that reported a change; component null: the whole device. */
  private record Changed(String deviceId, String component) {}

  private final ServiceRepository services;
  private final ServiceWatcher watcher;
  private final DeviceRegistry registry;
  private final Supplier<Topology> topology;
  private final DeviceDrivers drivers;
  private final ChannelMapper mapper;
  private final ScheduledExecutorService executor;
  private final CarrierStates states;
  private final LitServices lit = new LitServices();
  private final Set<Changed> changed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean drainPending = new AtomicBoolean();
  private final BiConsumer<String, String> onEvent = this::stateChanged;
  private final AtomicLong recordReads = new AtomicLong();
  private volatile boolean watchBroken;
  private Watch watch;
  private ScheduledFuture<?> task;

  /** @param executor runs the checks; owned by the monitor (shut down by {@link #close}) */
  public CarrierMonitor(ServiceRepository services, ServiceWatcher watcher, DeviceRegistry registry,
      Supplier<Topology> topology, DeviceDrivers drivers, ChannelMapper mapper,
      ScheduledExecutorService executor) {
    this.services = services;
    this.watcher = watcher;
    this.registry = registry;
    this.topology = topology;
    this.drivers = drivers;
    this.mapper = mapper;
    this.executor = executor;
    this.states = drivers.carrierStates();
  }

  /**
   * Follows the service records and the transponders' state events from now on and runs the
   * safety-net pass every {@code interval} (after the previous one ends). Returns at once: the
   * first listing of the lit services runs on the monitor's thread, ahead of any check (with
   * 100,000 services it takes seconds, which a restart should not wait for).
   */
  public synchronized void start(Duration interval) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    executor.execute(() -> {
      try {
        follow();
      } catch (RuntimeException e) {
        log.warn("carrier monitor: first listing failed; retrying at the next pass", e);
        watchBroken = true;
      }
    });
    states.addListener(onEvent);
    task = executor.scheduleWithFixedDelay(() -> {
      try {
        if (watchBroken) {
          follow(); // lists, indexes and checks everything itself
        } else {
          sweep();
        }
      } catch (RuntimeException e) {
        log.warn("carrier sweep failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** (Re)opens the service watch, then indexes every lit service (the watch covers the race). */
  private synchronized void follow() {
    if (watch != null) {
      watch.close();
    }
    watchBroken = false;
    watch = watcher.watch(0, Set.of(), this::serviceChanged, e -> {
      log.warn("carrier monitor: service watch ended ({}); re-listing at the next pass",
          e.getStatus().getDescription());
      watchBroken = true;
    });
    for (StoredService s : services.all()) {
      recordReads.incrementAndGet();
      if (isLit(s.state())) {
        index(s, null);
      }
    }
    // events from before the listing found nothing to re-check: check what was listed, once
    sweep();
  }

  /** Keeps the index in line with a service change (on the store's watch thread: no store reads). */
  private void serviceChanged(ServiceEvent e) {
    Service s = e.getService();
    String id = ServiceNames.id(s.getName());
    if (!isLit(s.getState())) {
      lit.remove(id, e.getRevision());
      return;
    }
    LitServices.Entry known = lit.get(id);
    if (known != null && known.ends().size() == s.getChannelsCount()) {
      lit.put(entry(id, e.getRevision(), s, known.ends()));
    } else {
      // Newly lit: its channel ends come from the stored channels, read on the monitor's thread.
      // A carrier event may have come (and found nothing to re-check) before the watch delivered
      // this change, so the service is checked once as soon as it is indexed.
      try {
        executor.execute(() -> services.get(id).ifPresent(stored -> {
          recordReads.incrementAndGet();
          if (isLit(stored.state())) {
            index(stored, null);
            LitServices.Entry indexed = lit.get(id);
            if (indexed != null) {
              check(indexed);
            }
          }
        }));
      } catch (RejectedExecutionException closed) {
        // the monitor was closed while this change was being delivered: nothing to follow
      }
    }
  }

  private void stateChanged(String deviceId, String component) {
    changed.add(new Changed(deviceId, component));
    if (drainPending.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        drainPending.set(false); // closed
      }
    }
  }

  /** Re-checks the services on the ports that reported changes since the last drain. */
  private void drain() {
    drainPending.set(false);
    Set<String> ids = new LinkedHashSet<>();
    Map<String, String> nodeOfDevice = new HashMap<>();
    for (Iterator<Changed> it = changed.iterator(); it.hasNext(); ) {
      Changed c = it.next();
      it.remove();
      String nodeId = nodeOfDevice.computeIfAbsent(c.deviceId(), id -> registry.get(id)
          .map(d -> d.nodeId() == null || d.nodeId().isEmpty() ? d.id() : d.nodeId()).orElse(""));
      if (nodeId.isEmpty()) {
        continue;
      }
      ids.addAll(c.component() == null ? lit.atNode(nodeId)
          : lit.at(new LitServices.Port(nodeId, c.component())));
    }
    for (String id : ids) {
      LitServices.Entry e = lit.get(id);
      if (e != null) {
        try {
          check(e);
        } catch (RuntimeException ex) {
          log.warn("carrier check of service {} failed", id, ex);
        }
      }
    }
  }

  /**
   * One pass over every lit service, carrier from the stream caches where they are trusted and
   * from the devices elsewhere; returns how many services changed state or carrier flags.
   */
  public int sweep() {
    int n = 0;
    for (LitServices.Entry e : lit.all()) {
      if (check(e)) {
        n++;
      }
    }
    return n;
  }

  /** Service records read so far (listing, newly lit services, disagreements): for tests. */
  long recordReads() {
    return recordReads.get();
  }

  /** Lit services in the index: for tests. */
  int litServices() {
    return lit.size();
  }

  /** Checks one service; writes and returns true when its state or carrier flags changed. */
  private boolean check(LitServices.Entry e) {
    List<Loss> lost = lostCarriers(e.ends());
    if (lost == null || !disagrees(e, lost)) {
      return false; // unreadable now, or the record already says so
    }
    recordReads.incrementAndGet();
    Optional<ServiceRepository.Transition> t = services.update(e.id(), x -> {
      if (!isLit(x.state())) {
        return x;
      }
      Service next = apply(x.service(), lost);
      return next.equals(x.service()) ? x : x.withService(next);
    });
    if (t.isPresent()) {
      Service next = t.get().after().service();
      index(t.get().after(), e.ends());
      log.info("service {} now {} ({})", e.id(), next.getState(),
          next.getStateReason().getMessage().isEmpty()
          ? "carrier back on every channel" : next.getStateReason().getMessage());
      return true;
    }
    // nothing to write: the entry was stale; refresh it from the record
    Optional<StoredService> now = services.get(e.id());
    if (now.isPresent() && isLit(now.get().state())) {
      index(now.get(), e.ends());
    } else {
      lit.remove(e.id(), 0);
    }
    return false;
  }

  /** Whether {@code lost} implies a different state or carrier flags than the entry holds. */
  static boolean disagrees(LitServices.Entry e, List<Loss> lost) {
    boolean anyLost = false;
    for (int i = 0; i < lost.size() && i < e.carrierUp().size(); i++) {
      boolean up = lost.get(i) == null;
      anyLost |= !up;
      if (e.carrierUp().get(i) != up) {
        return true;
      }
    }
    return anyLost ? e.state() == ServiceState.ACTIVE
        : e.state() == ServiceState.DEGRADED && STEP.equals(e.reasonStep());
  }

  private void index(StoredService s, List<ProvisioningPlan.ChannelEnds> knownEnds) {
    List<ProvisioningPlan.ChannelEnds> ends = knownEnds;
    if (ends == null) {
      try {
        ends = mapper.plan(topology.get(), s.channels()).ends();
      } catch (RuntimeException ex) {
        log.debug("service {}: channel ends not mappable ({}); not monitored", s.id(), ex.getMessage());
        return;
      }
    }
    lit.put(entry(s.id(), s.service().getRevision(), s.service(), ends));
  }

  private static LitServices.Entry entry(String id, long revision, Service s,
      List<ProvisioningPlan.ChannelEnds> ends) {
    List<Boolean> up = new ArrayList<>(s.getChannelsCount());
    for (Channel c : s.getChannelsList()) {
      up.add(c.getCarrierUp());
    }
    return new LitServices.Entry(id, revision, s.getState(), s.getStateReason().getStep(), up, ends);
  }

  private static boolean isLit(ServiceState state) {
    return state == ServiceState.ACTIVE || state == ServiceState.DEGRADED;
  }

  /**
   * Per channel, null when the carrier is up at both ends, else why not; null as a whole when the
   * service cannot be checked now.
   */
  private List<Loss> lostCarriers(List<ProvisioningPlan.ChannelEnds> channelEnds) {
    List<CompletableFuture<Loss>> reads = new ArrayList<>();
    for (ProvisioningPlan.ChannelEnds ends : channelEnds) {
      CompletableFuture<Loss> a = read(ends.aNodeId(), ends.aComponent());
      CompletableFuture<Loss> z = read(ends.zNodeId(), ends.zComponent());
      reads.add(a.thenCombine(z, (x, y) -> x != null ? x : y));
    }
    try {
      List<Loss> out = new ArrayList<>();
      for (CompletableFuture<Loss> r : reads) {
        out.add(r.get(5, TimeUnit.SECONDS));
      }
      return out;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return null;
    }
  }

  /** Completes with null when the carrier is up, else why not; exceptionally when unreadable. */
  private CompletableFuture<Loss> read(String nodeId, String component) {
    ManagedDevice device = drivers.deviceFor(nodeId).orElse(null);
    if (device != null) {
      Optional<CarrierStates.Carrier> cached = states.carrier(device.id(), component);
      if (cached.isPresent()) {
        return CompletableFuture.completedFuture(cached.get().up() ? null
            : new Loss(device.id(), "carrier lost at " + nodeId + " " + component + " ("
                + cached.get().detail() + ")"));
      }
    }
    DeviceDriver driver;
    try {
      driver = device == null ? null : drivers.driverFor(device);
    } catch (RuntimeException e) {
      driver = null;
    }
    OpticalStateReader reader =
        driver == null ? null : driver.behaviour(OpticalStateReader.class).orElse(null);
    if (reader == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("no state reader for " + nodeId));
    }
    return reader.readOpticalChannelState(component).thenApply(st -> up(st) ? null
        : new Loss(device.id(), "carrier lost at " + nodeId + " " + component + " (oper-status "
            + st.operStatus() + (st.lossOfSignal() ? ", loss of signal" : "") + ")"));
  }

  private static boolean up(OpticalChannelState s) {
    return s.operStatus() == OperStatus.UP && !s.lossOfSignal();
  }

  /** The service with carrier flags from {@code lost} and the state they imply. */
  static Service apply(Service s, List<Loss> lost) {
    Service.Builder b = s.toBuilder();
    Loss firstLoss = null;
    String firstChannel = null;
    for (int i = 0; i < b.getChannelsCount() && i < lost.size(); i++) {
      boolean up = lost.get(i) == null;
      Channel ch = b.getChannels(i);
      if (ch.getCarrierUp() != up) {
        b.setChannels(i, ch.toBuilder().setCarrierUp(up));
      }
      if (!up && firstLoss == null) {
        firstLoss = lost.get(i);
        firstChannel = ch.getId();
      }
    }
    if (firstLoss == null) {
      if (s.getState() == ServiceState.DEGRADED && STEP.equals(s.getStateReason().getStep())) {
        b.setState(ServiceState.ACTIVE).clearStateReason();
      }
    } else {
      long down = b.getChannelsList().stream().filter(c -> !c.getCarrierUp()).count();
      b.setState(ServiceState.DEGRADED).setStateReason(StateReason.newBuilder()
          .setMessage(down + " of " + b.getChannelsCount() + " channel(s) without carrier"
              + impact(b.getChannelsList()) + "; channel " + firstChannel + ": " + firstLoss.detail())
          .setDevice("devices/" + firstLoss.deviceId())
          .setStep(STEP));
    }
    return b.build();
  }

  /**
   * What the lost carriers mean for the traffic, for an operator reading the reason: a 1+1
   * service still up on one leg runs unprotected, a bundle runs at reduced capacity. Empty for a
   * single channel, whose loss is the whole service.
   */
  static String impact(List<Channel> channels) {
    List<Channel> up = channels.stream().filter(Channel::getCarrierUp).toList();
    boolean onePlusOne = channels.stream().anyMatch(c -> c.getRole() == ChannelRole.PROTECTION);
    boolean bundle = channels.stream().anyMatch(c -> c.getRole() == ChannelRole.BUNDLE_MEMBER);
    if (onePlusOne) {
      return up.isEmpty() ? " (both legs down: no traffic)"
          : " (unprotected: traffic on " + up.get(0).getRole().name().toLowerCase(java.util.Locale.ROOT)
              + " channel " + up.get(0).getId() + ")";
    }
    if (bundle) {
      return up.isEmpty() ? " (no bundle channel carries traffic)"
          : " (bundle at " + up.size() + " of " + channels.size() + " channels' capacity)";
    }
    return "";
  }

  /** Stops following and shuts the monitor's executor down. */
  @Override
  public synchronized void close() {
    states.removeListener(onEvent);
    if (watch != null) {
      watch.close();
      watch = null;
    }
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    executor.shutdownNow();
  }
}
