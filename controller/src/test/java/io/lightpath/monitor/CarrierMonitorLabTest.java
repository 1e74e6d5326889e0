package io.lightpath.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.provisioning.CarrierStates;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.reconcile.ReconcileLab;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carrier monitor against the emulated reconcile lab (transponder – OCS – ROADM === ROADM –
 * transponder, two services): driven by the transponders' state streams alone (the safety-net
 * pass is an hour away), it learns services as they light, degrades only the service whose fiber
 * was cut, reading only that service's record, and restores it on repair.
 */
class CarrierMonitorLabTest {
  private static final Duration NO_SAFETY_NET = Duration.ofHours(1);

  private ReconcileLab lab;
  private CarrierMonitor monitor;

  @BeforeEach
  void start() throws Exception {
    lab = ReconcileLab.start();
    monitor = lab.injector.getInstance(CarrierMonitor.class);
  }

  @AfterEach
  void stop() {
    if (monitor != null) {
      monitor.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void fiberCutDegradesOnlyTheServiceOnItAndRepairRestoresIt() throws Exception {
    monitor.start(NO_SAFETY_NET); // before any service exists: lit services come from the watch
    Service one = lab.create("mon-1", "west-tp1", "east-tp1");
    Service two = lab.create("mon-2", "west-tp2", "east-tp2");
    assertEquals(ServiceState.ACTIVE, one.getState(), one.getStateReason().toString());
    assertEquals(ServiceState.ACTIVE, two.getState(), two.getStateReason().toString());
    await(() -> monitor.litServices() == 2, "both services indexed from the watch");
    long readsBefore = monitor.recordReads();

    lab.lab.network().cutFiber("west-tp1-ocs"); // only service one runs over it
    await(() -> state(one) == ServiceState.DEGRADED, "service one degraded by the monitor");
    Service degraded = get(one);
    assertEquals(CarrierMonitor.STEP, degraded.getStateReason().getStep());
    assertFalse(degraded.getChannels(0).getCarrierUp());
    assertTrue(degraded.getStateReason().getDevice().endsWith("tp1"),
        degraded.getStateReason().getDevice());
    assertEquals(ServiceState.ACTIVE, state(two));
    // the events re-checked service one only, from the stream cache: one read to update it
    assertEquals(1, monitor.recordReads() - readsBefore,
        "service records read for the cut (a full scan would read both)");

    lab.lab.network().repairFiber("west-tp1-ocs");
    await(() -> state(one) == ServiceState.ACTIVE, "service one back to ACTIVE on repair");
    assertTrue(get(one).getChannels(0).getCarrierUp());
    assertEquals(ServiceState.ACTIVE, state(two));

    lab.connectivity().deleteService(DeleteServiceRequest.newBuilder().setName(one.getName()).build());
    lab.awaitIdle();
    await(() -> monitor.litServices() == 1, "deleted service dropped from the index");
  }

  @Test
  void safetyNetPassWithHealthyStreamsReadsNoRecords() throws Exception {
    monitor.start(NO_SAFETY_NET);
    lab.create("mon-1", "west-tp1", "east-tp1");
    lab.create("mon-2", "west-tp2", "east-tp2");
    await(() -> monitor.litServices() == 2, "both services indexed");
    long readsBefore = monitor.recordReads();
    assertEquals(0, monitor.sweep());
    assertEquals(readsBefore, monitor.recordReads());
  }

  @Test
  void servicesLitBeforeTheMonitorStartsAreIndexedFromTheListing() throws Exception {
    Service one = lab.create("mon-1", "west-tp1", "east-tp1");
    monitor.start(NO_SAFETY_NET);
    await(() -> monitor.litServices() == 1, "the service lit before the start indexed");
    lab.lab.network().cutFiber("west-east");
    await(() -> state(one) == ServiceState.DEGRADED, "service degraded");
  }

  @Test
  void aCarrierLostBeforeTheServiceWasIndexedIsStillSeen() throws Exception {
    // the cut's events come while nobody follows them (as when they overtake the watch event that
    // makes the service lit); indexing the service must check it, not wait for another event
    Service one = lab.create("mon-1", "west-tp1", "east-tp1");
    CarrierStates states = lab.injector.getInstance(DeviceDrivers.class).carrierStates();
    lab.lab.network().cutFiber("west-east");
    await(() -> states.carrier("west-tp1", "line1").map(c -> !c.up()).orElse(false),
        "the loss reached the carrier cache");
    monitor.start(NO_SAFETY_NET);
    await(() -> state(one) == ServiceState.DEGRADED, "service degraded without a further event");
  }

  private Service get(Service s) {
    return lab.connectivity().getService(GetServiceRequest.newBuilder().setName(s.getName()).build());
  }

  private ServiceState state(Service s) {
    return get(s).getState();
  }

  /** Waits for an asynchronous outcome of device events (the lab's streams run on their own threads). */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
