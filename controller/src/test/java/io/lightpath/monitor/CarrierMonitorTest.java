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
    assertTrue(after.getStateReason().getMessage().startsWith("1 of 2 channel(s) without carrier"
        + " (unprotected: traffic on protection channel p); channel w"), after.getStateReason().getMessage());
  }

  @Test
  void everyChannelLostStillDegradedNotFailed() {
    Service after = CarrierMonitor.apply(protectedService(ServiceState.ACTIVE, true, true),
        Arrays.asList(LOS, LOS));
    assertEquals(ServiceState.DEGRADED, after.getState());
    assertTrue(after.getStateReason().getMessage().startsWith("2 of 2 channel(s) without carrier (both legs"
        + " down: no traffic)"), after.getStateReason().getMessage());
  }

  @Test
  void aBundleWithAChannelLostSaysItsCapacityAndASingleChannelSaysNoMore() {
    Service bundle = Service.newBuilder().setName("services/b").setState(ServiceState.ACTIVE)
        .addChannels(Channel.newBuilder().setId("b0").setRole(ChannelRole.BUNDLE_MEMBER).setCarrierUp(true))
        .addChannels(Channel.newBuilder().setId("b1").setRole(ChannelRole.BUNDLE_MEMBER).setCarrierUp(true))
        .addChannels(Channel.newBuilder().setId("b2").setRole(ChannelRole.BUNDLE_MEMBER).setCarrierUp(true))
        .build();
    assertTrue(CarrierMonitor.apply(bundle, Arrays.asList(null, LOS, null)).getStateReason().getMessage()
        .startsWith("1 of 3 channel(s) without carrier (bundle at 2 of 3 channels' capacity); channel b1"));
    Service single = Service.newBuilder().setName("services/s").setState(ServiceState.ACTIVE)
        .addChannels(Channel.newBuilder().setId("w").setRole(ChannelRole.WORKING).setCarrierUp(true)).build();
    assertTrue(CarrierMonitor.apply(single, Arrays.asList(LOS)).getStateReason().getMessage()
        .startsWith("1 of 1 channel(s) without carrier; channel w"));
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

  private static LitServices.Entry entry(ServiceState state, String step, boolean... up) {
    java.util.List<Boolean> flags = new java.util.ArrayList<>();
    java.util.List<io.lightpath.provisioning.ProvisioningPlan.ChannelEnds> ends = new java.util.ArrayList<>();
    for (boolean u : up) {
      flags.add(u);
      ends.add(new io.lightpath.provisioning.ProvisioningPlan.ChannelEnds("a", "line1", "z", "line1"));
    }
    return new LitServices.Entry("p", 7, state, step, flags, ends);
  }

  @Test
  void disagreementIsWhatApplyWouldChange() {
    // a loss on an ACTIVE service, or a flag that differs: the record must be read and updated
    assertTrue(CarrierMonitor.disagrees(entry(ServiceState.ACTIVE, "", true, true), Arrays.asList(LOS, null)));
    assertTrue(CarrierMonitor.disagrees(entry(ServiceState.DEGRADED, CarrierMonitor.STEP, false, true),
        Arrays.asList(null, null)));
    // the record already says so: no read
    assertFalse(CarrierMonitor.disagrees(entry(ServiceState.ACTIVE, "", true, true), Arrays.asList(null, null)));
    assertFalse(CarrierMonitor.disagrees(entry(ServiceState.DEGRADED, CarrierMonitor.STEP, false, true),
        Arrays.asList(LOS, null)));
    // degraded for another reason with every carrier up stays as it is (as apply keeps it)
    assertFalse(CarrierMonitor.disagrees(entry(ServiceState.DEGRADED, "verify-carrier", true, true),
        Arrays.asList(null, null)));
  }

  @Test
  void indexFollowsPortsAndIgnoresOlderRevisions() {
    LitServices index = new LitServices();
    index.put(entry(ServiceState.ACTIVE, "", true));
    assertEquals(java.util.List.of("p"), index.at(new LitServices.Port("a", "line1")));
    assertEquals(java.util.List.of("p"), index.atNode("z"));
    index.remove("p", 6); // an older change does not remove a newer entry
    assertEquals(1, index.size());
    index.remove("p", 8);
    assertEquals(0, index.size());
    assertTrue(index.at(new LitServices.Port("a", "line1")).isEmpty());
    assertTrue(index.atNode("z").isEmpty());
  }
}
