package io.lightpath.store;

/**
 * One key with its value and MVCC metadata, as in etcd's {@code mvccpb.KeyValue}.
 *
 * @param key the key
 * @param value the value; empty for a deletion event
 * @param createRevision revision of the put that created the key (since its last deletion)
 * @param modRevision revision of the last change to the key (for a deletion event: the deletion)
 * @param version number of puts since creation, 1 for a new key; 0 for a deletion event
 * @param leaseId the lease the key is attached to, 0 for none
 */
public record KeyValue(
    Bytes key, Bytes value, long createRevision, long modRevision, long version, long leaseId) {

  public String valueUtf8() {
    return value.toUtf8();
  }
}
