package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * In-memory {@link DeviceDatastore}: a sorted leaf map replaced wholesale on every commit, so
 * readers always see one consistent snapshot without locking. Commits are serialised.
 */
public final class TreeDatastore implements DeviceDatastore {
  private final DeviceSchema schema;
  private final SemanticValidator validator;
  private volatile NavigableMap<DataPath, JsonNode> committed =
      Collections.unmodifiableNavigableMap(new TreeMap<>());

  public TreeDatastore(DeviceSchema schema, SemanticValidator validator) {
    this.schema = schema;
    this.validator = validator;
  }

  @Override
  public NavigableMap<DataPath, JsonNode> config() {
    return committed;
  }

  @Override
  public synchronized NavigableMap<DataPath, JsonNode> commit(List<Edit> edits)
      throws ConfigException {
    NavigableMap<DataPath, JsonNode> candidate = prepare(edits);
    install(candidate);
    return committed;
  }

  /**
   * Applies {@code edits} to a copy of the committed config and validates it, without committing.
   *
   * @return the validated candidate, to {@link #install} unchanged
   */
  synchronized NavigableMap<DataPath, JsonNode> prepare(List<Edit> edits) throws ConfigException {
    TreeMap<DataPath, JsonNode> candidate = new TreeMap<>(committed);
    for (Edit edit : edits) {
      if (edit instanceof Edit.Delete d) {
        JsonTree.checkPath(schema, d.path());
        candidate.keySet().removeIf(p -> p.isUnder(d.path()));
      } else if (edit instanceof Edit.Replace r) {
        candidate.keySet().removeIf(p -> p.isUnder(r.path()));
        JsonTree.flatten(schema, r.path(), r.value(), candidate);
      } else if (edit instanceof Edit.Update u) {
        JsonTree.flatten(schema, u.path(), u.value(), candidate);
      }
    }
    validator.validate(candidate);
    return candidate;
  }

  /** Makes a candidate from {@link #prepare} the committed config. */
  synchronized void install(NavigableMap<DataPath, JsonNode> candidate) {
    committed = Collections.unmodifiableNavigableMap(candidate);
  }

  /** The schema of this datastore. */
  public DeviceSchema schema() {
    return schema;
  }
}
