package io.lightpath.monitor;

import io.lightpath.device.ManagedDevice;
import io.lightpath.model.Topology;
import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import io.lightpath.provisioning.CarrierStates;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.ProvisioningPlan;
import io.lightpath.service.ServiceRepository;
import io.lightpath.service.StoredService;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.OperStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of lit services in line with what the transponders report: a sweep checks the
 * carrier at both ends of every channel of each ACTIVE or DEGRADED service and moves the service to
 * DEGRADED (naming the first channel and device without carrier) when a channel lost it, and back
 * to ACTIVE when all have it again. Each channel's {@code carrier_up} follows.
 *
 * <p>A lit service that loses a channel stays DEGRADED, not FAILED: its configuration and
 * resources are kept so it recovers by itself when the fiber is repaired (FAILED releases the
 * resources, per the API).
 *
 * <p>Event-driven: the transponders' ON_CHANGE state streams ({@link CarrierStates}) trigger a
 * sweep as soon as any port changes; that sweep takes the carrier from the cache (no device I/O,
 * except for ends whose device stream is down, which are read). Sweeps triggered by a burst of
 * events coalesce into one. The periodic sweep ({@link #start}) is a slow safety net that reads
 * every end from the devices (and refreshes the cache). Updates are compare-and-set through
 * {@link ServiceRepository#update} and only touch services still ACTIVE or DEGRADED, so a
 * concurrent delete wins. Thread-safe; one sweep at a time.
 */
public final class CarrierMonitor implements AutoCloseable {
  /** Step named in the state reason of a service degraded by the monitor. */
  public static final String STEP = "monitor-carrier";
  private static final Logger log = LoggerFactory.getLogger(CarrierMonitor.class);

  /** Why a channel end has no carrier: the transponder's device id and what it reported. */
  record Loss(String deviceId, String detail) {}

  private final ServiceRepository services;
  private final Supplier<Topology> topology;
  private final DeviceDrivers drivers;
  private final ChannelMapper mapper;
  private final ScheduledExecutorService executor;
  private final CarrierStates states;
  private final BiConsumer<String, String> onEvent = (device, component) -> eventSweepSoon();
  private final AtomicBoolean eventSweepPending = new AtomicBoolean();
  /** Channel ends of each service, mapped once per set of channels. */
  private final Map<String, Ends> endsByService = new ConcurrentHashMap<>();
  private ScheduledFuture<?> task;

  private record Ends(List<?> channels, Topology topology, List<ProvisioningPlan.ChannelEnds> ends) {}

  /** @param executor runs the sweeps; owned by the monitor (shut down by {@link #close}) */
  public CarrierMonitor(ServiceRepository services, Supplier<Topology> topology,
      DeviceDrivers drivers, ChannelMapper mapper, ScheduledExecutorService executor) {
    this.services = services;
    this.topology = topology;
    this.drivers = drivers;
    this.mapper = mapper;
    this.executor = executor;
    this.states = drivers.carrierStates();
  }

  /**
   * Reacts to state events from now on and resyncs by reading the devices every {@code interval}
   * (after the previous sweep ends).
   */
  public synchronized void start(Duration interval) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    states.addListener(onEvent);
    task = executor.scheduleWithFixedDelay(() -> {
      try {
        sweep();
      } catch (RuntimeException e) {
        log.warn("carrier sweep failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void eventSweepSoon() {
    if (eventSweepPending.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          eventSweepPending.set(false);
          try {
            sweep(true);
          } catch (RuntimeException e) {
            log.warn("carrier sweep failed", e);
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        eventSweepPending.set(false); // closed
      }
    }
  }

  /**
   * One pass over the lit services reading every end from the devices; returns how many services
   * changed state or carrier flags.
   */
  public int sweep() {
    return sweep(false);
  }

  /**
   * One pass over the lit services; with {@code fromCache} the carrier comes from the state streams
   * where they are up. Returns how many services changed state or carrier flags.
   */
  public int sweep(boolean fromCache) {
    int changed = 0;
    Topology t = topology.get();
    java.util.Set<String> lit = new java.util.HashSet<>();
    for (StoredService s : services.all()) {
      if (s.state() != ServiceState.ACTIVE && s.state() != ServiceState.DEGRADED) {
        continue;
      }
      lit.add(s.id());
      List<Loss> lost = lostCarriers(t, s, fromCache);
      if (lost == null) {
        continue; // could not map or read: leave the service as it is
      }
      Service next = apply(s.service(), lost);
      if (!next.equals(s.service())) {
        boolean wrote = services.update(s.id(), x ->
            x.state() != ServiceState.ACTIVE && x.state() != ServiceState.DEGRADED
                ? x : x.withService(apply(x.service(), lost))).isPresent();
        if (wrote) {
          changed++;
          log.info("service {} now {} ({})", s.id(), next.getState(),
              next.getStateReason().getMessage().isEmpty()
              ? "carrier back on every channel" : next.getStateReason().getMessage());
        }
      }
    }
    endsByService.keySet().retainAll(lit);
    return changed;
  }

  /**
   * Per channel, null when the carrier is up at both ends, else why not; null as a whole when the
   * service cannot be checked now.
   */
  private List<Loss> lostCarriers(Topology t, StoredService s, boolean fromCache) {
    Ends known = endsByService.get(s.id());
    if (known == null || known.topology() != t || !known.channels().equals(s.channels())) {
      try {
        known = new Ends(s.channels(), t, mapper.plan(t, s.channels()).ends());
      } catch (RuntimeException e) {
        return null;
      }
      endsByService.put(s.id(), known);
    }
    List<CompletableFuture<Loss>> reads = new ArrayList<>();
    for (ProvisioningPlan.ChannelEnds ends : known.ends()) {
      CompletableFuture<Loss> a = read(ends.aNodeId(), ends.aComponent(), fromCache);
      CompletableFuture<Loss> z = read(ends.zNodeId(), ends.zComponent(), fromCache);
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
  private CompletableFuture<Loss> read(String nodeId, String component, boolean fromCache) {
    ManagedDevice device = drivers.deviceFor(nodeId).orElse(null);
    if (fromCache && device != null) {
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
          .setMessage(down + " of " + b.getChannelsCount() + " channel(s) without carrier; channel "
              + firstChannel + ": " + firstLoss.detail())
          .setDevice("devices/" + firstLoss.deviceId())
          .setStep(STEP));
    }
    return b.build();
  }

  /** Stops sweeping and shuts the monitor's executor down. */
  @Override
  public synchronized void close() {
    states.removeListener(onEvent);
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    executor.shutdownNow();
  }
}
