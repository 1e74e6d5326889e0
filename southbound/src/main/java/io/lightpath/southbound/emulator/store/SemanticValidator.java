package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.NavigableMap;

/** Device-specific checks that span several leaves (overlaps, ports in use, references). */
@FunctionalInterface
public interface SemanticValidator {
  /** Throws when {@code candidate}, a full schema-valid configuration, may not be committed. */
  void validate(NavigableMap<DataPath, JsonNode> candidate) throws ConfigException;
}
