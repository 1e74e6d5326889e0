package io.lightpath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.lightpath.api.internal.FieldViolations;
import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRequestValidatorTest {

  private static Service.Builder valid() {
    return Service.newBuilder().setAEnd(Endpoint.newBuilder().setNodeId("t-west"))
        .setZEnd(Endpoint.newBuilder().setNodeId("t-east")).setRate(LineRate.LINE_RATE_400G);
  }

  private static List<String> violations(Service s) {
    FieldViolations v = new FieldViolations();
    ServiceRequestValidator.service(s, "service", v);
    if (v.isEmpty()) {
      return List.of();
    }
    try {
      v.throwIfAny();
      throw new AssertionError("unreachable");
    } catch (StatusRuntimeException e) {
      return StatusDetails.violatedFields(e);
    }
  }

  @Test
  void acceptsAFullyConstrainedRequest() {
    Service s = valid().setProtection(Protection.ONE_PLUS_ONE).setConstraints(Constraints.newBuilder()
        .setMaxLatencyUs(2000).setMinMarginDb(1).addDiverseFromServices("services/other")
        .setPinnedSlot(FrequencySlot.newBuilder().setCenterFrequencyMhz(193_100_000 + 6_250 * 12)
            .setWidthMhz(75_000))).build();
    assertEquals(List.of(), violations(s));
  }

  @Test
  void reportsMissingEndpointsAndRate() {
    assertEquals(List.of("service.a_end.node_id", "service.z_end.node_id", "service.rate"),
        violations(Service.getDefaultInstance()));
  }

  @Test
  void pinnedSlotMustSitOnTheFlexGridInsideTheBand() {
    Service offGrid = valid().setConstraints(Constraints.newBuilder().setPinnedSlot(
        FrequencySlot.newBuilder().setCenterFrequencyMhz(193_103_000).setWidthMhz(50_000))).build();
    assertEquals(List.of("service.constraints.pinned_slot.center_frequency_mhz"), violations(offGrid));
    Service badWidth = valid().setConstraints(Constraints.newBuilder().setPinnedSlot(
        FrequencySlot.newBuilder().setCenterFrequencyMhz(193_100_000).setWidthMhz(60_000))).build();
    assertEquals(List.of("service.constraints.pinned_slot.width_mhz"), violations(badWidth));
    Service edge = valid().setConstraints(Constraints.newBuilder().setPinnedSlot(
        FrequencySlot.newBuilder().setCenterFrequencyMhz(191_325_000).setWidthMhz(50_000))).build();
    assertEquals(List.of("service.constraints.pinned_slot.width_mhz"), violations(edge));
  }

  @Test
  void bundleBoundsAndNoProtectedBundles() {
    Service s = valid().setProtection(Protection.ONE_PLUS_ONE)
        .setBundle(Bundle.newBuilder().setChannelCount(65).setMinDisjointRoutes(-1).setMaxSkewUs(-5)).build();
    assertEquals(List.of("service.bundle.channel_count", "service.bundle.min_disjoint_routes",
        "service.bundle.max_skew_us", "service.protection"), violations(s));
  }

  @Test
  void latencyMarginAndDiversityReferencesAreChecked() {
    Service s = valid().setConstraints(Constraints.newBuilder().setMaxLatencyUs(0).setMinMarginDb(-1)
        .addDiverseFromServices("svc-1")).build();
    List<String> fields = violations(s);
    assertEquals(List.of("service.constraints.max_latency_us", "service.constraints.min_margin_db",
        "service.constraints.diverse_from_services[0]"), fields);
  }

  @Test
  void requestIdIsRequiredAndBounded() {
    FieldViolations v = new FieldViolations();
    ServiceRequestValidator.requestId("x".repeat(129), v);
    ServiceRequestValidator.requestId("", v);
    assertTrue(!v.isEmpty());
  }
}
