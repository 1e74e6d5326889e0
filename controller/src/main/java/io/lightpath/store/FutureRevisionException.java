package io.lightpath.store;

/** A read or compaction asked for a revision the store has not reached yet. */
public class FutureRevisionException extends StoreException {

  private static final long serialVersionUID = 1L;

  public FutureRevisionException(long requestedRevision, long currentRevision) {
    super(
        "revision "
            + requestedRevision
            + " is in the future; the current revision is "
            + currentRevision);
  }
}
