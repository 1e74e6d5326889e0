package io.lightpath.provisioning;

import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.StateEvent;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.StateSubscription;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carrier state of every transponder line port, kept current by one long-lived gNMI Subscribe per transponder
 * (STREAM, ON_CHANGE, every component: {@link StateSubscriber#subscribeAll}) instead of polling. The driver's
 * subscription reconnects with backoff by itself; while a device's stream is down or not yet synced its cached
 * values are not trusted ({@link #trusted}) and callers read the device directly.
 *
 * <p>A provision marks the ends it is about to tune as <em>expecting a change</em> ({@link #expectChange}): until
 * an event for a metric arrives after the mark (or a direct read replaces it), that metric counts as unknown, so a
 * value cached before the Set (e.g. UP from an earlier tuning) never verifies the new one. A metric whose value does
 * not change sends no event; the verifier's fallback read after one poll interval covers that case.
 *
 * <p>Thread-safe. Listeners ({@link #addListener}) are called on driver threads, after the cache was updated, and
 * must return quickly.
 */
public final class CarrierStates implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CarrierStates.class);
  private static final Set<StateMetric> METRICS = EnumSet.of(StateMetric.OPER_STATUS, StateMetric.LOSS_OF_SIGNAL);

  /** Cached values of one line port; {@code stale} holds the metrics awaited since the last mark. */
  private static final class Port {
    OperStatus oper = OperStatus.UNKNOWN;
    boolean operKnown;
    boolean lossOfSignal;
    boolean losKnown;
    final Set<StateMetric> stale = EnumSet.noneOf(StateMetric.class);
  }

  /** One device's stream and its ports. */
  private final class Device implements StateListener {
    final String deviceId;
    final Map<String, Port> ports = new ConcurrentHashMap<>();
    volatile StateSubscription subscription;
    volatile boolean synced;

    Device(String deviceId) {
      this.deviceId = deviceId;
    }

    @Override
    public void onEvent(StateEvent e) {
      Port p = ports.computeIfAbsent(e.resource(), r -> new Port());
      synchronized (p) {
        if (e.metric() == StateMetric.OPER_STATUS) {
          p.oper = e.status();
          p.operKnown = true;
        } else if (e.metric() == StateMetric.LOSS_OF_SIGNAL) {
          p.lossOfSignal = e.value() != 0;
          p.losKnown = true;
        }
        p.stale.remove(e.metric());
      }
      fire(deviceId, e.resource());
    }

    @Override
    public void onSynced() {
      synced = true;
      fire(deviceId, null);
    }

    @Override
    public void onDisconnected(DeviceException cause) {
      synced = false;
      log.info("{}: state stream down ({}); carrier checks read the device until it is back", deviceId,
          cause.kind());
      fire(deviceId, null);
    }
  }

  /** Carrier of one port as cached. */
  public record Carrier(boolean up, String detail) {}

  private final Map<String, Device> devices = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Starts watching a transponder through {@code driver} (one subscription); replaces an earlier watch of the
   * same device. Drivers without whole-device subscriptions are not watched (callers then read directly).
   */
  void watch(String deviceId, DeviceDriver driver) {
    Device d = new Device(deviceId);
    Device old = devices.put(deviceId, d);
    close(old);
    StateSubscriber subscriber = driver.behaviour(StateSubscriber.class).orElse(null);
    if (subscriber == null) {
      return;
    }
    try {
      d.subscription = subscriber.subscribeAll(METRICS, d);
    } catch (RuntimeException e) {
      log.debug("{}: no state stream ({}); carrier checks read the device", deviceId, e.getMessage());
    }
  }

  /** Stops watching a device (its driver was closed or replaced). */
  void forget(String deviceId) {
    close(devices.remove(deviceId));
  }

  private static void close(Device d) {
    if (d != null && d.subscription != null) {
      d.subscription.close();
    }
  }

  /** Whether the device's stream is up and synced, so its cached values are current. */
  public boolean trusted(String deviceId) {
    Device d = devices.get(deviceId);
    return d != null && d.synced && d.subscription != null && d.subscription.connected();
  }

  /** Marks a port's values as unknown until the device reports them again (call before changing the port). */
  void expectChange(String deviceId, String component) {
    Device d = devices.get(deviceId);
    if (d == null) {
      return;
    }
    Port p = d.ports.computeIfAbsent(component, r -> new Port());
    synchronized (p) {
      p.stale.addAll(METRICS);
    }
  }

  /**
   * The cached carrier of a port: empty when the device's stream is not trusted or a metric is unknown or awaited.
   */
  public Optional<Carrier> carrier(String deviceId, String component) {
    if (!trusted(deviceId)) {
      return Optional.empty();
    }
    Port p = devices.get(deviceId).ports.get(component);
    if (p == null) {
      return Optional.empty();
    }
    synchronized (p) {
      if (!p.stale.isEmpty() || !p.operKnown || !p.losKnown) {
        return Optional.empty();
      }
      boolean up = p.oper == OperStatus.UP && !p.lossOfSignal;
      return Optional.of(new Carrier(up, up ? "" : "oper-status " + p.oper + (p.lossOfSignal ? ", loss of signal"
          : "")));
    }
  }

  /** Records a state read directly from the device (it replaces the cached values and any awaited mark). */
  void observed(String deviceId, OpticalChannelState s) {
    Device d = devices.get(deviceId);
    if (d == null) {
      return;
    }
    Port p = d.ports.computeIfAbsent(s.componentName(), r -> new Port());
    synchronized (p) {
      p.oper = s.operStatus();
      p.operKnown = true;
      p.lossOfSignal = s.lossOfSignal();
      p.losKnown = true;
      p.stale.clear();
    }
  }

  /**
   * Calls {@code listener(deviceId, component)} after every state event (component null: the device's stream
   * synced or went down).
   */
  public void addListener(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  public void removeListener(BiConsumer<String, String> listener) {
    listeners.remove(listener);
  }

  private void fire(String deviceId, String component) {
    for (BiConsumer<String, String> l : listeners) {
      try {
        l.accept(deviceId, component);
      } catch (RuntimeException e) {
        log.warn("carrier state listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    for (String id : new ArrayList<>(devices.keySet())) {
      forget(id);
    }
  }
}
