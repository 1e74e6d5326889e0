package io.lightpath.store;

/** A read or watch asked for a revision older than the store's compaction revision. */
public class CompactedException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final long requestedRevision;
  private final long compactRevision;

  public CompactedException(long requestedRevision, long compactRevision) {
    super(
        "revision "
            + requestedRevision
            + " has been compacted; the oldest available revision is "
            + compactRevision);
    this.requestedRevision = requestedRevision;
    this.compactRevision = compactRevision;
  }

  public long requestedRevision() {
    return requestedRevision;
  }

  /** The compaction revision: reads at this revision or later still work. */
  public long compactRevision() {
    return compactRevision;
  }
}
