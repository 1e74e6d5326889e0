package io.lightpath.store;

import io.lightpath.store.etcd.EtcdStateStore;
import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Path;

/**
 * Opens a {@link StateStore} from a one-line location, for configuration files and command-line
 * flags:
 *
 * <ul>
 *   <li>{@code memory:} — a fresh {@link InMemoryStateStore} (nothing survives the process);
 *   <li>{@code mvstore:DIR} or a plain directory path — the embedded durable store in {@code DIR};
 *   <li>{@code etcd:URL[,URL...]} — an etcd cluster, e.g. {@code etcd:http://127.0.0.1:2379}.
 * </ul>
 *
 * <p>All three use the system clock and expire leases in the background.
 */
public final class StateStores {

  private StateStores() {}

  /**
   * Opens the store at {@code location}.
   *
   * @throws IllegalArgumentException for an empty location, an unknown scheme or a missing part
   * @throws StoreException when the store cannot be opened
   */
  public static StateStore open(String location) {
    String spec = location == null ? "" : location.trim();
    if (spec.isEmpty()) {
      throw new IllegalArgumentException(
          "empty state store location; use memory:, mvstore:DIR or etcd:URL");
    }
    if (spec.equals("memory:")) {
      return new InMemoryStateStore();
    }
    if (spec.startsWith("mvstore:")) {
      return MvStateStore.open(Path.of(requirePart(spec, "mvstore:", "a directory")));
    }
    if (spec.startsWith("etcd:")) {
      return EtcdStateStore.connect(requirePart(spec, "etcd:", "an endpoint URL").split(","));
    }
    int colon = spec.indexOf(':');
    int slash = spec.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
      throw new IllegalArgumentException(
          "unknown state store scheme in '" + spec + "'; use memory:, mvstore:DIR or etcd:URL");
    }
    return MvStateStore.open(Path.of(spec));
  }

  private static String requirePart(String spec, String scheme, String what) {
    String rest = spec.substring(scheme.length()).trim();
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("'" + spec + "' needs " + what + " after " + scheme);
    }
    return rest;
  }
}
