package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;

/** One change of a gNMI Set, applied in order delete, replace, update by the caller. */
public sealed interface Edit {
  /** The path the change applies to. */
  DataPath path();

  /** Removes the subtree at {@code path}; a missing subtree is not an error (gNMI semantics). */
  record Delete(DataPath path) implements Edit {}

  /** Replaces the subtree at {@code path} with {@code value} (RFC 7951 JSON or a scalar). */
  record Replace(DataPath path, JsonNode value) implements Edit {}

  /** Merges {@code value} into the subtree at {@code path}. */
  record Update(DataPath path, JsonNode value) implements Edit {}
}
