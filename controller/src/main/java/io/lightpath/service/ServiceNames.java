package io.lightpath.service;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;

/** Resource names and store keys of services. */
public final class ServiceNames {
  /** Store prefix of service records; a watch over it sees every service change. */
  public static final String KEY_PREFIX = "/services/";

  private static final String NAME_PREFIX = "services/";

  private ServiceNames() {}

  public static String name(String id) {
    return NAME_PREFIX + id;
  }

  /** The id of "services/{id}". */
  public static String id(String name) {
    return name.startsWith(NAME_PREFIX) ? name.substring(NAME_PREFIX.length()) : name;
  }

  static Bytes key(String id) {
    return Bytes.utf8(KEY_PREFIX + id);
  }

  static String idOfKey(Bytes key) {
    return key.toUtf8().substring(KEY_PREFIX.length());
  }

  /** Every service record. */
  public static KeyRange range() {
    return KeyRange.prefix(KEY_PREFIX);
  }
}
