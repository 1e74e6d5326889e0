package io.lightpath.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.v1.Channel;
import io.lightpath.proto.v1.ChannelRole;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.StateReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The state a sweep derives from the carrier readings (the pure half of the monitor). */
class CarrierMonitorTest {
  private static final CarrierMonitor.Loss LOS =
      new CarrierMonitor.Loss("fern-tp1", "carrier lost at fern-tp1 line1 (oper-status DOWN, loss of signal)");

  private static Service protectedService(ServiceState state, boolean wUp, boolean pUp) {
    return Service.newBuilder().setName("services/p").setState(state)
        .addChannels(Channel.newBuilder().setId("w").setRole(ChannelRole.WORKING).setCarrierUp(wUp))
        .addChannels(Channel.newBuilder().setId("p").setRole(ChannelRole.PROTECTION).setCarrierUp(pUp))
        .build();
  }

  @Test
  void oneLegLostDegradesAndNamesChannelAndDevice() {
    Service after = CarrierMonitor.apply(protectedService(ServiceState.ACTIVE, true, true),
        Arrays.asList(LOS, null));
    assertEquals(ServiceState.DEGRADED, after.getState());
    assertFalse(after.getChannels(0).getCarrierUp());
    assertTrue(after.getChannels(1).getCarrierUp());
    assertEquals("devices/fern-tp1", after.getStateReason().getDevice());
    assertEquals(CarrierMonitor.STEP, after.getStateReason().getStep());
    assertTrue(after.getStateReason().getMessage().startsWith("1 of 2 channel(s) without carrier; channel w"),
        after.getStateReason().getMessage());
  }

  @Test
  void everyChannelLostStillDegradedNotFailed() {
    Service after = CarrierMonitor.apply(protectedService(ServiceState.ACTIVE, true, true),
        Arrays.asList(LOS, LOS));
    assertEquals(ServiceState.DEGRADED, after.getState());
    assertTrue(after.getStateReason().getMessage().startsWith("2 of 2"));
  }

  @Test
  void carrierBackRestoresActiveAndClearsTheReason() {
    Service degraded = CarrierMonitor.apply(protectedService(ServiceState.ACTIVE, true, true),
        Arrays.asList(LOS, null));
    Service after = CarrierMonitor.apply(degraded, Arrays.asList(null, null));
    assertEquals(ServiceState.ACTIVE, after.getState());
    assertEquals(StateReason.getDefaultInstance(), after.getStateReason());
    assertTrue(after.getChannels(0).getCarrierUp());
  }

  @Test
  void degradedForAnotherReasonIsNotPromoted() {
    Service provisionedDegraded = protectedService(ServiceState.DEGRADED, true, true).toBuilder()
        .setStateReason(StateReason.newBuilder().setStep("verify-carrier")).build();
    Service after = CarrierMonitor.apply(provisionedDegraded, Arrays.asList(null, null));
    assertEquals(ServiceState.DEGRADED, after.getState());
  }

  @Test
  void nothingChangesWhenAllIsWell() {
    Service active = protectedService(ServiceState.ACTIVE, true, true);
    assertEquals(active, CarrierMonitor.apply(active, Arrays.asList(null, null)));
    assertSame(ServiceState.ACTIVE, CarrierMonitor.apply(active, Arrays.asList(null, null)).getState());
  }
}
