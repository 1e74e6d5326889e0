package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.yang.ConfigDatastore;
import io.lightpath.yang.NodeContent;
import io.lightpath.yang.YangPath;
import io.lightpath.yang.YangSchema;
import io.lightpath.yang.YangValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A {@link DeviceDatastore} that keeps the emulator's leaf store and the project's YANG {@link
 * ConfigDatastore} (module {@code yang}) in lockstep: a commit is first applied and checked by the
 * leaf store (schema subset and the device's cross-leaf rules, which give the precise
 * FAILED_PRECONDITION conflicts), then the same edits, as {@link NodeContent} trees of the leaf
 * store's already parsed leaves (canonical RFC 7951 value texts) at their own paths, go to the
 * YANG datastore as one transaction, so the real YANG modules (types, ranges, identities, keys,
 * mandatory nodes, unique, leafrefs) validate the result too. Only when both accept is anything
 * visible. (The content is built into yangtools nodes directly with the schema's own codecs, with
 * the same checks as the JSON_IETF text of the same value; only the rare delete-then-write shape
 * still goes as JSON text of the whole configuration.)
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
   * accepted it) flattened it ({@code flat}), goes to the YANG datastore as a {@link NodeContent}
   * of the leaves' canonical RFC 7951 texts, so the emulator's lenient input forms (unqualified
   * names, numbers for uint64, typed scalars) reach yangtools in the one form it accepts, without
   * rendering JSON text for yangtools to parse again.
   */
  private void add(ConfigDatastore.Transaction tx, Edit edit, NavigableMap<DataPath, JsonNode> flat) {
    DataPath path = edit.path();
    DeviceSchema schema = leaves.schema();
    if (edit instanceof Edit.Delete) {
      tx.delete(yangPath(schema, path));
      return;
    }
    // A whole list (no keys) holds its entries: the leaves' paths start at the list element.
    int from = JsonTree.concretePrefix(schema, path).size() < path.size() ? path.size() - 1 : path.size();
    NodeContent content = new NodeContent();
    for (Map.Entry<DataPath, JsonNode> leaf : flat.entrySet()) {
      add(content, schema, leaf.getKey(), from, leaf.getValue());
    }
    if (edit instanceof Edit.Replace) {
      tx.replace(yangPath(schema, path), content);
    } else if (!flat.isEmpty()) {
      tx.merge(yangPath(schema, path), content);
    }
  }

  /** Adds the leaf at {@code leafPath} to {@code content}, which stands for its elements before {@code from}. */
  private static void add(NodeContent content, DeviceSchema schema, DataPath leafPath, int from, JsonNode value) {
    List<DataPath.Elem> elems = leafPath.elems();
    String text = schema.leaf(leafPath.template()).map(s -> s.type().toJsonIetf(value)).orElse(value).asText();
    if (from == elems.size()) {
      content.value(text);
      return;
    }
    NodeContent node = content;
    for (int i = from; i < elems.size() - 1; i++) {
      DataPath.Elem e = elems.get(i);
      String name = nodeName(schema, elems, i);
      node = e.keys().isEmpty() ? node.container(name) : node.entry(name, e.keys());
    }
    node.leaf(nodeName(schema, elems, elems.size() - 1), text);
  }

  /**
   * The JSON_IETF member name of {@code elems[i]}: the top-level node's qualified with its module
   * when known, the others bare.
   */
  private static String nodeName(DeviceSchema schema, List<DataPath.Elem> elems, int i) {
    String name = elems.get(i).name();
    String module = i == 0 ? schema.moduleOf(name) : "";
    return module.isEmpty() ? name : module + ":" + name;
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
