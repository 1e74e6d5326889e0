package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.southbound.emulator.store.DataPath;
import java.util.Map;
import java.util.Set;

/** Receives a device's data-tree changes (config and state); called on the changing thread. */
public interface TreeListener {
  /**
   * Leaves changed.
   *
   * @param timestampNanos when, in nanoseconds since the epoch (from the lab's clock)
   * @param updated new or changed leaves and their values
   * @param deleted leaves that disappeared
   */
  void onChange(long timestampNanos, Map<DataPath, JsonNode> updated, Set<DataPath> deleted);

  /** The device went down; the listener should end its stream with UNAVAILABLE. */
  void onDeviceDown();
}
