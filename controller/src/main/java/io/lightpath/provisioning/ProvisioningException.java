package io.lightpath.provisioning;

/**
 * Provisioning failed (after rolling back what it had applied).
 *
 * <p>{@link #deviceId()} and {@link #step()} say where, so the service's state reason can name
 * them; {@link #kind()} maps to the API reason codes.
 */
public final class ProvisioningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a device step failed. */
  public enum Kind {
    /** The device refused the change (DEVICE_REJECTED). */
    REJECTED,
    /** The device did not answer within the deadline (DEVICE_TIMEOUT). */
    TIMEOUT,
    /** The device could not be reached or no driver is registered for a node (DEVICE_UNREACHABLE). */
    UNREACHABLE,
    /** The change was applied but the read-back or the carrier check did not confirm it. */
    VERIFICATION_FAILED
  }

  private final String deviceId;
  private final String step;
  private final Kind kind;
  private final boolean rolledBack;

  /**
   * @param deviceId device that failed, or empty when no single device is to blame
   * @param step provisioning step, such as "ocs-cross-connect", "roadm-media-channel",
   *     "transponder-optical-channel" or "verify-carrier"
   * @param kind why
   * @param rolledBack whether every applied change was rolled back (false means some revert
   *     failed; the message lists them and reconciliation must finish the job)
   */
  public ProvisioningException(
      String deviceId, String step, Kind kind, boolean rolledBack, String message, Throwable cause) {
    super(message, cause);
    this.deviceId = deviceId;
    this.step = step;
    this.kind = kind;
    this.rolledBack = rolledBack;
  }

  public String deviceId() {
    return deviceId;
  }

  public String step() {
    return step;
  }

  public Kind kind() {
    return kind;
  }

  public boolean rolledBack() {
    return rolledBack;
  }
}
