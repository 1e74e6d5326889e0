package io.lightpath.monitor;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.provisioning.CarrierStates;
import io.lightpath.provisioning.DeviceDrivers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the session state of devices without a live state stream current. A transponder's
 * ON_CHANGE stream notices at once when its device goes away; a ROADM or an optical switch has no
 * stream and is only talked to when a service is provisioned over it, so without a probe an idle
 * one that disappeared would show CONNECTED until it is next used (and the first service to need
 * it would find out). Every interval this asks each such device for its capabilities (gNMI
 * Capabilities through {@code discover()}, a few hundred bytes); the driver's session state
 * records the answer (CONNECTED) or the failure (UNREACHABLE), which {@code DeviceService} and
 * {@code bin/lightpath device list} show. Devices whose stream is up and synced are skipped, and
 * amplifiers (never opened by the controller) too. Thread-safe; one pass at a time.
 */
public final class DeviceLiveness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeviceLiveness.class);
  private static final int PAGE = 512;

  private final DeviceRegistry registry;
  private final DeviceDrivers drivers;
  private final CarrierStates streams;
  private final ScheduledExecutorService executor;
  private final Duration probeTimeout;
  private ScheduledFuture<?> task;

  /**
   * @param executor runs the passes; owned by this object (shut down by {@link #close})
   * @param probeTimeout how long a pass waits for the slowest device's answer
   */
  public DeviceLiveness(DeviceRegistry registry, DeviceDrivers drivers,
      ScheduledExecutorService executor, Duration probeTimeout) {
    this.registry = registry;
    this.drivers = drivers;
    this.streams = drivers.carrierStates();
    this.executor = executor;
    this.probeTimeout = probeTimeout;
  }

  /** Probes every {@code interval} (after the previous pass ends). */
  public synchronized void start(Duration interval) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    task = executor.scheduleWithFixedDelay(() -> {
      try {
        probe();
      } catch (RuntimeException e) {
        log.warn("device liveness pass failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One pass: probes every registered device without a trusted state stream, all at once, and
   * waits for the answers (at most the probe timeout). Returns how many devices were probed.
   */
  public int probe() {
    List<CompletableFuture<?>> probes = new ArrayList<>();
    String after = "";
    for (List<ManagedDevice> page = registry.page(after, PAGE); !page.isEmpty();
        page = registry.page(after, PAGE)) {
      for (ManagedDevice d : page) {
        if (d.role() != ManagedDevice.Role.AMPLIFIER && !streams.trusted(d.id())) {
          probes.add(probe(d));
        }
      }
      after = page.get(page.size() - 1).id();
    }
    try {
      CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
          .get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.debug("device liveness: not every device answered within {}", probeTimeout);
    }
    return probes.size();
  }

  private CompletableFuture<?> probe(ManagedDevice d) {
    try {
      // the outcome is recorded by the driver's session state; nothing to do with it here
      return drivers.driverFor(d).discover().handle((description, failure) -> null);
    } catch (RuntimeException e) {
      drivers.connect(d); // records why no driver can be opened (UNREACHABLE with the cause)
      return CompletableFuture.completedFuture(null);
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    executor.shutdownNow();
  }
}
