package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.yang.ConfigDatastore;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangSchema;
import io.lightpath.yang.YangValidationException;
import java.util.List;
import java.util.NavigableMap;

/**
 * A {@link DeviceDatastore} that keeps the emulator's leaf store and the project's YANG {@link
 * ConfigDatastore} (module {@code yang}) in lockstep: a commit is first applied and checked by the
 * leaf store (schema subset and the device's cross-leaf rules, which give the precise
 * FAILED_PRECONDITION conflicts), then the whole candidate configuration, rendered as RFC 7951
 * JSON, replaces the YANG datastore's content, so the real YANG modules (types, ranges, keys,
 * mandatory nodes, unique, leafrefs) validate it too. Only when both accept is anything visible.
 */
public final class YangValidatedDatastore implements DeviceDatastore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TreeDatastore leaves;
  private final ConfigDatastore yang;

  /**
   * @param schema the shared YANG schema (load once with {@link YangSchema#bundled()})
   */
  public YangValidatedDatastore(TreeDatastore leaves, YangSchema schema) {
    this.leaves = leaves;
    this.yang = new ConfigDatastore(schema, ConfigDatastore.Kind.CONFIGURATION);
  }

  @Override
  public NavigableMap<DataPath, JsonNode> config() {
    return leaves.config();
  }

  @Override
  public synchronized NavigableMap<DataPath, JsonNode> commit(List<Edit> edits)
      throws ConfigException {
    NavigableMap<DataPath, JsonNode> candidate = leaves.prepare(edits);
    JsonNode root = JsonTree.render(leaves.schema(), candidate, DataPath.ROOT, true)
        .getOrDefault(DataPath.ROOT, JSON.createObjectNode());
    try {
      yang.newTransaction().replace(YangPath.ROOT, JSON.writeValueAsString(root)).commit();
    } catch (YangValidationException e) {
      throw ConfigException.invalid("YANG validation: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode candidate config", e);
    }
    leaves.install(candidate);
    return leaves.config();
  }

  /** The YANG datastore's content as JSON_IETF (for tests and diagnostics). */
  public String yangContent() {
    return yang.read(YangPath.ROOT).orElse("{}");
  }
}
