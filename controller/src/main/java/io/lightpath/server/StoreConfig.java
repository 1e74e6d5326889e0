package io.lightpath.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the controller keeps its state.
 *
 * @param dataDir directory of the durable H2 MVStore file, or empty for an in-memory store that
 *     loses everything on exit (tests, throwaway runs)
 */
public record StoreConfig(Optional<Path> dataDir) {
  public static StoreConfig inMemory() {
    return new StoreConfig(Optional.empty());
  }

  public static StoreConfig at(Path dataDir) {
    return new StoreConfig(Optional.of(dataDir));
  }
}
