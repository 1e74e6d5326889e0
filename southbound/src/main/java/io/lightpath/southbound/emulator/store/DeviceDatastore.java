package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NavigableMap;

/**
 * The configuration datastore of one emulated device: a schema-checked set of config leaves,
 * changed only by atomic transactions. Implementations are thread-safe.
 */
public interface DeviceDatastore {
  /** The committed configuration: leaf path to value. Immutable snapshot. */
  NavigableMap<DataPath, JsonNode> config();

  /**
   * Applies all edits as one transaction: either every edit is applied and the result passes
   * schema and semantic validation, or nothing changes and the exception says why.
   *
   * @return the new committed configuration
   */
  NavigableMap<DataPath, JsonNode> commit(List<Edit> edits) throws ConfigException;
}
