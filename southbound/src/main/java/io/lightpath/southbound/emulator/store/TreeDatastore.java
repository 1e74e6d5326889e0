package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * In-memory {@link DeviceDatastore}: a sorted leaf map changed in place. A transaction applies
 * its edits directly, remembering each leaf's previous value, and puts them back if validation
 * fails; so a commit costs the size of its edits, not a copy of the configuration. Commits are
 * serialised on this object.
 */
public final class TreeDatastore implements DeviceDatastore {
  private final DeviceSchema schema;
  private final SemanticValidator validator;
  private final TreeMap<DataPath, JsonNode> leaves = new TreeMap<>();

  public TreeDatastore(DeviceSchema schema, SemanticValidator validator) {
    this.schema = schema;
    this.validator = validator;
  }

  @Override
  public synchronized NavigableMap<DataPath, JsonNode> config() {
    return Collections.unmodifiableNavigableMap(new TreeMap<>(leaves));
  }

  @Override
  public NavigableMap<DataPath, JsonNode> live() {
    return Collections.unmodifiableNavigableMap(leaves);
  }

  @Override
  public synchronized void commit(List<Edit> edits) throws ConfigException {
    begin(edits);
  }

  /**
   * An applied, validated change that can still be taken back (when a second validation layer
   * rejects it).
   */
  public final class Transaction {
    private final Map<DataPath, JsonNode> undo = new HashMap<>();
    /** Each edit's value as config leaves (null for deletes), in edit order. */
    private final List<NavigableMap<DataPath, JsonNode>> values = new ArrayList<>();

    private Transaction() {}

    /**
     * The leaves of edit {@code i}'s value as this store's schema read them (null for a delete),
     * so that a second validation layer need not parse the value again.
     */
    NavigableMap<DataPath, JsonNode> flattened(int i) {
      return values.get(i);
    }

    private void put(DataPath path, JsonNode value) {
      JsonNode old = leaves.put(path, value);
      if (!undo.containsKey(path)) {
        undo.put(path, old);
      }
    }

    private void remove(DataPath path) {
      JsonNode old = leaves.remove(path);
      if (!undo.containsKey(path)) {
        undo.put(path, old);
      }
    }

    /** Restores every leaf this transaction touched. */
    public void rollback() {
      synchronized (TreeDatastore.this) {
        undo.forEach((path, old) -> {
          if (old == null) {
            leaves.remove(path);
          } else {
            leaves.put(path, old);
          }
        });
        undo.clear();
      }
    }
  }

  /**
   * Applies {@code edits} in place and validates the result; on any error restores the previous
   * content and throws.
   *
   * @return the applied transaction, for {@link Transaction#rollback}
   */
  synchronized Transaction begin(List<Edit> edits) throws ConfigException {
    Transaction tx = new Transaction();
    try {
      for (Edit edit : edits) {
        if (edit instanceof Edit.Delete d) {
          JsonTree.checkPath(schema, d.path());
          removeSubtree(tx, d.path());
          tx.values.add(null);
        } else if (edit instanceof Edit.Replace r) {
          NavigableMap<DataPath, JsonNode> flat = flatten(r.path(), r.value());
          removeSubtree(tx, r.path());
          flat.forEach(tx::put);
          tx.values.add(flat);
        } else if (edit instanceof Edit.Update u) {
          NavigableMap<DataPath, JsonNode> flat = flatten(u.path(), u.value());
          flat.forEach(tx::put);
          tx.values.add(flat);
        }
      }
      validator.validate(live(), edits.stream().map(Edit::path).toList());
    } catch (ConfigException | RuntimeException e) {
      tx.rollback();
      throw e;
    }
    return tx;
  }

  private NavigableMap<DataPath, JsonNode> flatten(DataPath at, JsonNode value) throws ConfigException {
    NavigableMap<DataPath, JsonNode> flat = new TreeMap<>();
    JsonTree.flatten(schema, at, value, flat);
    return flat;
  }

  private void removeSubtree(Transaction tx, DataPath pattern) {
    for (Map.Entry<DataPath, JsonNode> e : JsonTree.subtree(schema, leaves, pattern)) {
      tx.remove(e.getKey());
    }
  }

  /** The schema of this datastore. */
  public DeviceSchema schema() {
    return schema;
  }
}
