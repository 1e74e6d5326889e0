package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NavigableMap;

/**
 * The configuration datastore of one emulated device: a schema-checked set of config leaves,
 * changed only by atomic transactions. Implementations are thread-safe; the owner additionally
 * serialises commits with reads of {@link #live()}.
 */
public interface DeviceDatastore {
  /** A copy of the committed configuration: leaf path to value (diagnostics and tests; O(size)). */
  NavigableMap<DataPath, JsonNode> config();

  /**
   * The committed configuration itself, changed in place by commits: read it only while holding
   * the lock that serialises this store's commits (the owning device's).
   */
  NavigableMap<DataPath, JsonNode> live();

  /**
   * Applies all edits as one transaction: either every edit is applied and the result passes
   * schema and semantic validation, or nothing changes and the exception says why. Work is
   * proportional to the edits, not to the size of the configuration (apart from the device's
   * cross-leaf rules).
   */
  void commit(List<Edit> edits) throws ConfigException;
}
