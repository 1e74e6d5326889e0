package io.lightpath.store;

/** The lease does not exist: never granted, revoked, or expired. */
public class LeaseNotFoundException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final long leaseId;

  public LeaseNotFoundException(long leaseId) {
    super("lease " + Long.toHexString(leaseId) + " not found (never granted, revoked or expired)");
    this.leaseId = leaseId;
  }

  public long leaseId() {
    return leaseId;
  }
}
