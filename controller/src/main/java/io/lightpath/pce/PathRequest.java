package io.lightpath.pce;

import io.lightpath.model.TransceiverMode;
import io.lightpath.spectrum.SlotRange;
import java.util.List;
import java.util.Objects;

/**
 * What the service layer asks for.
 *
 * @param aNodeId one endpoint
 * @param zNodeId the other endpoint
 * @param modes candidate transceiver modes (for instance a catalog's modes for the requested
 *     rate); the computer picks one per {@code modePreference}
 * @param modePreference which feasible mode wins
 * @param constraints routing constraints
 * @param protection whether a disjoint protection route is needed
 * @param bundle several channels over disjoint routes, or {@code null} for one channel
 * @param pinnedSlots slots the channel must use (without guard band), or {@code null}
 */
public record PathRequest(
    String aNodeId,
    String zNodeId,
    List<TransceiverMode> modes,
    ModePreference modePreference,
    Constraints constraints,
    Protection protection,
    Bundle bundle,
    SlotRange pinnedSlots) {

  public PathRequest {
    Objects.requireNonNull(aNodeId, "aNodeId");
    Objects.requireNonNull(zNodeId, "zNodeId");
    modes = List.copyOf(modes);
    Objects.requireNonNull(modePreference, "modePreference");
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(protection, "protection");
  }

  /** One unprotected channel, highest rate first, no constraints. */
  public static PathRequest between(String a, String z, List<TransceiverMode> modes) {
    return new PathRequest(a, z, modes, ModePreference.HIGHEST_RATE, Constraints.NONE,
        Protection.NONE, null, null);
  }

  public PathRequest withConstraints(Constraints c) {
    return new PathRequest(aNodeId, zNodeId, modes, modePreference, c, protection, bundle,
        pinnedSlots);
  }

  public PathRequest withModePreference(ModePreference p) {
    return new PathRequest(aNodeId, zNodeId, modes, p, constraints, protection, bundle,
        pinnedSlots);
  }

  public PathRequest withProtection(Protection p) {
    return new PathRequest(aNodeId, zNodeId, modes, modePreference, constraints, p, bundle,
        pinnedSlots);
  }

  public PathRequest withBundle(Bundle b) {
    return new PathRequest(aNodeId, zNodeId, modes, modePreference, constraints, protection, b,
        pinnedSlots);
  }

  public PathRequest withPinnedSlots(SlotRange s) {
    return new PathRequest(aNodeId, zNodeId, modes, modePreference, constraints, protection,
        bundle, s);
  }

  /** Protection scheme. */
  public enum Protection {
    NONE,
    /**
     * A working and a protection route that share no fiber, transit node or SRLG, both on the
     * same slots (one transceiver per end feeding an optical protection switch).
     */
    ONE_PLUS_ONE
  }

  /**
   * N channels between the endpoints spread round-robin over at least {@code minRoutes}
   * mutually disjoint routes; all are set up or none.
   *
   * @param channels number of channels N
   * @param minRoutes number of disjoint routes R (1 ≤ R ≤ N)
   * @param maxSkewUs bound on max − min one-way latency among the routes, in µs (0 = none); the
   *     per-route bound is the constraints' maxLatencyUs
   */
  public record Bundle(int channels, int minRoutes, double maxSkewUs) {}
}
