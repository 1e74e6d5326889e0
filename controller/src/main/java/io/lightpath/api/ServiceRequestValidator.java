package io.lightpath.api;

import io.lightpath.api.internal.FieldViolations;
import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;

/**
 * Syntactic checks of a service request: presence, ranges and grid alignment, reported field by
 * field. References to the topology are checked next by {@link ServiceReferences}; whether the
 * request fits the topology (contradicting constraints, no route) is path computation's to say.
 */
final class ServiceRequestValidator {
  /** ITU-T G.694.1 anchor frequency and flexible-grid steps, in MHz. */
  static final long ANCHOR_MHZ = 193_100_000;

  static final long CENTRE_STEP_MHZ = 6_250;
  static final long WIDTH_STEP_MHZ = 12_500;
  /** The C band the controller manages, in MHz. */
  static final long BAND_LOW_MHZ = 191_325_000;

  static final long BAND_HIGH_MHZ = 196_125_000;
  static final int MAX_BUNDLE_CHANNELS = 64;
  static final int MAX_REQUEST_ID_LENGTH = 128;

  private ServiceRequestValidator() {}

  /** Checks the idempotency key of a create. */
  static void requestId(String requestId, FieldViolations v) {
    v.required(requestId, "request_id");
    v.check(requestId.length() <= MAX_REQUEST_ID_LENGTH, "request_id",
        "must be at most " + MAX_REQUEST_ID_LENGTH + " characters");
  }

  /** Checks a service as given to CreateService or ComputePaths; {@code f} prefixes field paths. */
  static void service(Service s, String f, FieldViolations v) {
    v.required(s.getAEnd().getNodeId(), f + ".a_end.node_id");
    v.required(s.getZEnd().getNodeId(), f + ".z_end.node_id");
    v.check(s.getRate() != LineRate.LINE_RATE_UNSPECIFIED && s.getRate() != LineRate.UNRECOGNIZED,
        f + ".rate", "must be LINE_RATE_100G, _200G, _400G or _800G");
    v.check(s.getProtection() != Protection.UNRECOGNIZED, f + ".protection", "unknown protection");
    if (s.hasConstraints()) {
      constraints(s.getConstraints(), f + ".constraints", v);
    }
    if (s.hasBundle()) {
      bundle(s.getBundle(), f + ".bundle", v);
      v.check(s.getProtection() != Protection.ONE_PLUS_ONE, f + ".protection",
          "a bundle spreads channels over disjoint routes; it cannot also be 1+1 protected");
    }
    s.getLabelsMap().keySet().forEach(k -> v.check(!k.isBlank() && k.length() <= 63,
        f + ".labels", "label keys must be 1 to 63 characters"));
  }

  private static void constraints(Constraints c, String f, FieldViolations v) {
    if (c.hasMaxLatencyUs()) {
      v.check(c.getMaxLatencyUs() > 0 && Double.isFinite(c.getMaxLatencyUs()), f + ".max_latency_us",
          "must be a positive number of microseconds");
    }
    if (c.hasMinMarginDb()) {
      v.check(c.getMinMarginDb() >= 0 && c.getMinMarginDb() <= 30, f + ".min_margin_db",
          "must be between 0 and 30 dB");
    }
    for (int i = 0; i < c.getDiverseFromServicesCount(); i++) {
      v.resourceId(c.getDiverseFromServices(i), "services", f + ".diverse_from_services[" + i + "]");
    }
    if (c.hasPinnedSlot()) {
      slot(c.getPinnedSlot(), f + ".pinned_slot", v);
    }
  }

  private static void slot(FrequencySlot s, String f, FieldViolations v) {
    long centre = s.getCenterFrequencyMhz();
    v.check(centre >= BAND_LOW_MHZ && centre <= BAND_HIGH_MHZ, f + ".center_frequency_mhz",
        "must lie in the C band, " + BAND_LOW_MHZ + " to " + BAND_HIGH_MHZ + " MHz; got " + centre);
    v.check(Math.floorMod(centre - ANCHOR_MHZ, CENTRE_STEP_MHZ) == 0, f + ".center_frequency_mhz",
        "must be on the 6.25 GHz grid (193,100,000 + n × 6,250 MHz); got " + centre);
    long width = s.getWidthMhz();
    v.check(width >= 0 && width % WIDTH_STEP_MHZ == 0, f + ".width_mhz",
        "must be 0 (the mode's width) or a positive multiple of 12,500 MHz; got " + width);
    if (width > 0) {
      v.check(centre - width / 2 >= BAND_LOW_MHZ && centre + width / 2 <= BAND_HIGH_MHZ,
          f + ".width_mhz", "the slot " + (centre - width / 2) + "–" + (centre + width / 2)
              + " MHz runs outside the C band");
    }
  }

  private static void bundle(Bundle b, String f, FieldViolations v) {
    v.check(b.getChannelCount() >= 1 && b.getChannelCount() <= MAX_BUNDLE_CHANNELS,
        f + ".channel_count", "must be 1 to " + MAX_BUNDLE_CHANNELS + "; got " + b.getChannelCount());
    v.check(b.getMinDisjointRoutes() >= 0 && b.getMinDisjointRoutes() <= Math.max(1, b.getChannelCount()),
        f + ".min_disjoint_routes", "must be 0 to channel_count; got " + b.getMinDisjointRoutes());
    if (b.hasMaxSkewUs()) {
      v.check(b.getMaxSkewUs() >= 0 && Double.isFinite(b.getMaxSkewUs()), f + ".max_skew_us",
          "must not be negative");
    }
  }
}
