package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NavigableMap;

/** Device-specific checks that span several leaves (overlaps, ports in use, references). */
@FunctionalInterface
public interface SemanticValidator {
  /** Throws when {@code candidate}, a full schema-valid configuration, may not be committed. */
  void validate(NavigableMap<DataPath, JsonNode> candidate) throws ConfigException;

  /**
   * As {@link #validate(NavigableMap)}, knowing that the committed configuration was valid and
   * only the subtrees at {@code edited} changed, so a validator may check just those.
   */
  default void validate(NavigableMap<DataPath, JsonNode> candidate, List<DataPath> edited)
      throws ConfigException {
    validate(candidate);
  }
}
