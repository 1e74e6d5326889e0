package io.lightpath.server;

import java.nio.file.Path;

/**
 * Where the controller keeps its state, as a {@link io.lightpath.store.StateStores} location:
 * {@code memory:} (lost on exit: tests, demos), {@code mvstore:DIR} (the embedded durable store)
 * or {@code etcd:URL[,URL...]}.
 *
 * @param location the store location
 */
public record StoreConfig(String location) {
  public static final String MEMORY = "memory:";
  public static final String MVSTORE = "mvstore:";

  public static StoreConfig inMemory() {
    return new StoreConfig(MEMORY);
  }

  public static StoreConfig at(Path dataDir) {
    return new StoreConfig(MVSTORE + dataDir);
  }

  /** A description for logs and the startup line. */
  public String describe() {
    return location.equals(MEMORY) ? "in memory only" : location;
  }
}
