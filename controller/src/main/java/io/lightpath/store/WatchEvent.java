package io.lightpath.store;

/**
 * One change seen by a watcher.
 *
 * @param type put or delete
 * @param kv for a put the new key value; for a delete the key with an empty value, version 0 and
 *     {@code modRevision} set to the revision of the deletion
 */
public record WatchEvent(Type type, KeyValue kv) {

  /** Kind of change. */
  public enum Type {
    PUT,
    DELETE
  }

  public long revision() {
    return kv.modRevision();
  }
}
