package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lightpath.yang.ConfigDatastore;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangSchema;
import io.lightpath.yang.YangValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.SortedMap;

/**
 * A {@link DeviceDatastore} that keeps the emulator's leaf store and the project's YANG {@link
 * ConfigDatastore} (module {@code yang}) in lockstep: a commit is first applied and checked by the
 * leaf store (schema subset and the device's cross-leaf rules, which give the precise
 * FAILED_PRECONDITION conflicts), then the same edits, re-encoded as RFC 7951 JSON at their own
 * paths, go to the YANG datastore as one transaction, so the real YANG modules (types, ranges,
 * keys, mandatory nodes, unique, leafrefs) validate the result too. Only when both accept is
 * anything visible.
 *
 * <p>Only the edited subtrees are parsed and re-validated (yangtools validates modified nodes;
 * leafrefs are checked incrementally unless the transaction deletes something, when the whole tree
 * is checked in one linear pass), so the cost of a Set follows the size of the edit, not of the
 * device's configuration.
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
  public NavigableMap<DataPath, JsonNode> live() {
    return leaves.live();
  }

  @Override
  public synchronized void commit(List<Edit> edits) throws ConfigException {
    TreeDatastore.Transaction applied = leaves.begin(edits);
    NavigableMap<DataPath, JsonNode> candidate = leaves.live();
    boolean ok = false;
    try {
      ConfigDatastore.Transaction tx = yang.newTransaction();
      if (deletesUnderLaterEdit(edits)) {
        // yangtools cannot resolve a delete followed by writes into the deleted subtree within
        // one modification; this rare shape replaces the whole config instead.
        JsonNode root = JsonTree.render(schema(), candidate, DataPath.ROOT, true)
            .getOrDefault(DataPath.ROOT, JSON.createObjectNode());
        tx.replace(YangPath.ROOT, JSON.writeValueAsString(root));
      } else {
        for (int i = 0; i < edits.size(); i++) {
          add(tx, edits.get(i), applied.flattened(i));
        }
      }
      tx.commit();
      ok = true;
    } catch (YangValidationException e) {
      throw ConfigException.invalid("YANG validation: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode candidate config", e);
    } finally {
      if (!ok) {
        applied.rollback();
      }
    }
  }

  private DeviceSchema schema() {
    return leaves.schema();
  }

  /** True when a delete's subtree overlaps the path of a later replace or update. */
  private static boolean deletesUnderLaterEdit(List<Edit> edits) {
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i) instanceof Edit.Delete d) {
        for (int j = i + 1; j < edits.size(); j++) {
          DataPath later = edits.get(j).path();
          if (!(edits.get(j) instanceof Edit.Delete)
              && (later.isUnder(d.path()) || d.path().isUnder(later))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Adds {@code edit} to {@code tx}: its value, as the leaf store's schema (which already
   * accepted it) flattened it ({@code flat}), is rendered back as canonical RFC 7951 JSON for the
   * edit's path, so the emulator's lenient input forms (unqualified names, numbers for uint64,
   * typed scalars) reach yangtools in the one form it accepts.
   */
  private void add(ConfigDatastore.Transaction tx, Edit edit, NavigableMap<DataPath, JsonNode> flat)
      throws JsonProcessingException {
    DataPath path = edit.path();
    DeviceSchema schema = leaves.schema();
    if (edit instanceof Edit.Delete) {
      tx.delete(yangPath(schema, path));
      return;
    }
    SortedMap<DataPath, JsonNode> rendered = JsonTree.render(schema, flat, path, true);
    boolean replace = edit instanceof Edit.Replace;
    if (JsonTree.concretePrefix(schema, path).size() < path.size()) {
      // A whole list (no keys): its value is the array of its entries.
      ArrayNode entries = JSON.createArrayNode();
      rendered.values().forEach(entries::add);
      String array = JSON.writeValueAsString(entries);
      if (replace) {
        tx.replace(yangPath(schema, path), array);
      } else if (!entries.isEmpty()) {
        tx.merge(yangPath(schema, path), array);
      }
      return;
    }
    JsonNode json = rendered.getOrDefault(path, JSON.createObjectNode());
    String text = JSON.writeValueAsString(json);
    if (replace) {
      tx.replace(yangPath(schema, path), text);
    } else if (!rendered.isEmpty()) {
      tx.merge(yangPath(schema, path), text);
    }
  }

  /** The YANG path of {@code path}, its top-level element qualified with its module. */
  private static YangPath yangPath(DeviceSchema schema, DataPath path) {
    List<YangPath.Element> out = new ArrayList<>(path.size());
    for (DataPath.Elem e : path.elems()) {
      String module = out.isEmpty() ? schema.moduleOf(e.name()) : "";
      out.add(new YangPath.Element(module.isEmpty() ? null : module, e.name(), e.keys()));
    }
    return new YangPath(out);
  }

  /** The YANG datastore's content as JSON_IETF (for tests and diagnostics). */
  public String yangContent() {
    return yang.read(YangPath.ROOT).orElse("{}");
  }
}
