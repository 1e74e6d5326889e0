package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Converts between RFC 7951 JSON subtrees and flat leaf maps ({@link DataPath} to value), using a
 * {@link DeviceSchema} to know lists, keys and leaf types.
 */
public final class JsonTree {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonTree() {}

  /**
   * Parses {@code value} placed at {@code at} into config leaves, adding them to {@code out}.
   * Fails on unknown nodes, state (read-only) leaves, wrong types and inconsistent list keys.
   */
  public static void flatten(
      DeviceSchema schema, DataPath at, JsonNode value, Map<DataPath, JsonNode> out)
      throws ConfigException {
    checkPath(schema, at);
    String template = at.template();
    var leaf = schema.leaf(template);
    if (leaf.isPresent()) {
      if (!leaf.get().config()) {
        throw ConfigException.invalid("path " + at + " is read-only state");
      }
      try {
        out.put(at, leaf.get().type().parse(unwrapScalar(value, at)));
      } catch (ConfigException e) {
        throw e.withContext("path " + at);
      }
      return;
    }
    var keys = schema.listKeys(template);
    if (keys.isPresent() && at.elems().get(at.size() - 1).keys().isEmpty()) {
      // Value for a whole list: an array of entries.
      DataPath parent = at.prefix(at.size() - 1);
      flattenList(schema, parent, at.lastName(), template, keys.get(), value, out);
      return;
    }
    if (!value.isObject()) {
      throw ConfigException.invalid("path " + at + " needs a JSON object, got " + kind(value));
    }
    if (keys.isPresent()) {
      addKeyLeaves(schema, at, template, keys.get(), value, out);
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = DataPath.stripModule(field.getKey());
      String childTemplate = template.isEmpty() ? name : template + "/" + name;
      var childKeys = schema.listKeys(childTemplate);
      if (childKeys.isPresent()) {
        flattenList(schema, at, name, childTemplate, childKeys.get(), field.getValue(), out);
      } else {
        flatten(schema, at.child(name), field.getValue(), out);
      }
    }
    if (keys.isPresent()) {
      checkConfigKeys(at, keys.get(), out);
    }
  }

  private static void flattenList(
      DeviceSchema schema,
      DataPath parent,
      String name,
      String template,
      List<String> keyNames,
      JsonNode value,
      Map<DataPath, JsonNode> out)
      throws ConfigException {
    if (!value.isArray()) {
      throw ConfigException.invalid(
          "list " + parent.child(name) + " needs a JSON array, got " + kind(value));
    }
    for (JsonNode entry : value) {
      if (!entry.isObject()) {
        throw ConfigException.invalid("entries of list " + parent.child(name) + " must be objects");
      }
      Map<String, String> keys = new LinkedHashMap<>();
      for (String k : keyNames) {
        JsonNode kv = entry.get(k);
        if (kv == null || kv.isContainerNode() || kv.isNull()) {
          throw ConfigException.invalid(
              "entry of list " + parent.child(name) + " lacks key leaf '" + k + "'");
        }
        keys.put(k, kv.asText());
      }
      flatten(schema, parent.child(new DataPath.Elem(name, keys)), entry, out);
    }
  }

  private static void addKeyLeaves(
      DeviceSchema schema,
      DataPath at,
      String template,
      List<String> keyNames,
      JsonNode value,
      Map<DataPath, JsonNode> out)
      throws ConfigException {
    Map<String, String> keys = at.elems().get(at.size() - 1).keys();
    for (String k : keyNames) {
      String kv = keys.get(k);
      JsonNode given = value.get(k);
      if (given != null && !given.asText().equals(kv)) {
        throw ConfigException.invalid(
            "key leaf " + k + "=" + given.asText() + " contradicts path " + at);
      }
      var spec = schema.leaf(template + "/" + k);
      if (spec.isPresent()) {
        out.put(at.child(k), spec.get().type().parse(TextNode.valueOf(kv)));
      }
      var configSpec = schema.leaf(template + "/config/" + k);
      if (configSpec.isPresent()) {
        out.put(at.child("config").child(k), configSpec.get().type().parse(TextNode.valueOf(kv)));
      }
    }
  }

  private static void checkConfigKeys(DataPath at, List<String> keyNames, Map<DataPath, JsonNode> out)
      throws ConfigException {
    Map<String, String> keys = at.elems().get(at.size() - 1).keys();
    for (String k : keyNames) {
      JsonNode v = out.get(at.child("config").child(k));
      if (v != null && !v.asText().equals(keys.get(k))) {
        throw ConfigException.invalid(
            "config/" + k + "=" + v.asText() + " contradicts list key in path " + at);
      }
    }
  }

  /** Checks that every element of {@code path} exists in the schema, with complete keys on lists. */
  public static void checkPath(DeviceSchema schema, DataPath path) throws ConfigException {
    for (int i = 0; i < path.size(); i++) {
      DataPath.Elem e = path.elems().get(i);
      String template = path.template(i + 1);
      if (!schema.isInterior(template) && schema.leaf(template).isEmpty()) {
        throw ConfigException.invalid("unknown path " + path.prefix(i + 1) + " (in " + path + ")");
      }
      var keys = schema.listKeys(template);
      if (keys.isEmpty() && !e.keys().isEmpty()) {
        throw ConfigException.invalid(e.name() + " in " + path + " is not a list; it takes no keys");
      }
      boolean last = i == path.size() - 1;
      if (keys.isPresent() && (!last || !e.keys().isEmpty())
          && !schema.hasAllKeys(template, e.keys().keySet())) {
        throw ConfigException.invalid("list " + e.name() + " in " + path + " needs keys " + keys.get());
      }
    }
  }

  private static JsonNode unwrapScalar(JsonNode value, DataPath at) throws ConfigException {
    if (value.isContainerNode()) {
      throw ConfigException.invalid("leaf " + at + " needs a scalar value, got " + kind(value));
    }
    return value;
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Renders the leaves under {@code pattern} as RFC 7951 JSON, one value per concrete node the
   * pattern matches (a pattern without list keys or with {@code *} can match several).
   *
   * @param ietf true to qualify top-level member names with their module (JSON_IETF), false for
   *     plain JSON
   * @return concrete path to its JSON value, in path order; empty when nothing matches
   */
  public static SortedMap<DataPath, JsonNode> render(
      DeviceSchema schema, NavigableMap<DataPath, JsonNode> leaves, DataPath pattern, boolean ietf) {
    return render(schema, leaves, pattern, ietf, p -> true);
  }

  /**
   * As {@link #render(DeviceSchema, NavigableMap, DataPath, boolean)}, with only the leaves
   * {@code include} accepts (e.g. config or state only). Cost is proportional to the leaves under
   * the pattern's concrete prefix, not to the size of {@code leaves}.
   */
  public static SortedMap<DataPath, JsonNode> render(
      DeviceSchema schema,
      NavigableMap<DataPath, JsonNode> leaves,
      DataPath pattern,
      boolean ietf,
      Predicate<DataPath> include) {
    Map<DataPath, List<Map.Entry<DataPath, JsonNode>>> groups = new TreeMap<>();
    boolean exact = concretePrefix(schema, pattern).size() == pattern.size();
    for (Map.Entry<DataPath, JsonNode> e : subtree(schema, leaves, pattern)) {
      if (include.test(e.getKey())) {
        groups
            .computeIfAbsent(exact ? pattern : e.getKey().prefix(pattern.size()),
                k -> new ArrayList<>())
            .add(e);
      }
    }
    SortedMap<DataPath, JsonNode> result = new TreeMap<>();
    groups.forEach((at, group) -> result.put(at, renderOne(schema, at, group, ietf)));
    return result;
  }

  /**
   * The leaves at or below {@code pattern} (which may use wildcards and omit list keys), in path
   * order: a range lookup from the pattern's {@link #concretePrefix}, then a pattern match only
   * within that range.
   */
  public static List<Map.Entry<DataPath, JsonNode>> subtree(
      DeviceSchema schema, NavigableMap<DataPath, JsonNode> leaves, DataPath pattern) {
    DataPath prefix = concretePrefix(schema, pattern);
    boolean exact = prefix.size() == pattern.size();
    List<Map.Entry<DataPath, JsonNode>> out = new ArrayList<>();
    for (Map.Entry<DataPath, JsonNode> e : leaves.tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      if (exact || e.getKey().isUnder(pattern)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The longest leading part of {@code pattern} that names one concrete node: it stops at a
   * wildcard name, a wildcard key value, or a list element without all of its keys. Every leaf
   * matching the pattern starts with this prefix.
   */
  public static DataPath concretePrefix(DeviceSchema schema, DataPath pattern) {
    List<DataPath.Elem> elems = pattern.elems();
    for (int i = 0; i < elems.size(); i++) {
      DataPath.Elem e = elems.get(i);
      if (e.name().equals("*") || e.keys().containsValue("*")) {
        return pattern.prefix(i);
      }
      String template = pattern.template(i + 1);
      boolean list = schema.listKeys(template).isPresent();
      if (list ? !schema.hasAllKeys(template, e.keys().keySet()) : !e.keys().isEmpty()) {
        return pattern.prefix(i);
      }
    }
    return pattern;
  }

  private static JsonNode renderOne(
      DeviceSchema schema, DataPath at, List<Map.Entry<DataPath, JsonNode>> group, boolean ietf) {
    if (group.size() == 1 && group.get(0).getKey().equals(at)) {
      return encode(schema, at, group.get(0).getValue());
    }
    ObjectNode root = F.objectNode();
    Map<ArrayNode, Map<String, ObjectNode>> entries = new IdentityHashMap<>();
    for (Map.Entry<DataPath, JsonNode> leaf : group) {
      List<DataPath.Elem> elems = leaf.getKey().elems();
      ObjectNode node = root;
      for (int i = at.size(); i < elems.size(); i++) {
        DataPath.Elem e = elems.get(i);
        String member = ietf && i == 0 ? qualify(schema, e.name()) : e.name();
        if (i == elems.size() - 1) {
          node.set(member, encode(schema, leaf.getKey(), leaf.getValue()));
        } else if (!e.keys().isEmpty()) {
          ArrayNode array = node.withArray(member);
          Map<String, ObjectNode> byKey = entries.computeIfAbsent(array, a -> new HashMap<>());
          String k = e.keys().toString();
          ObjectNode entry = byKey.get(k);
          if (entry == null) {
            entry = array.addObject();
            byKey.put(k, entry);
          }
          node = entry;
        } else {
          JsonNode child = node.get(member);
          node = child instanceof ObjectNode o ? o : node.putObject(member);
        }
      }
    }
    return root;
  }

  private static String qualify(DeviceSchema schema, String name) {
    String module = schema.moduleOf(name);
    return module.isEmpty() ? name : module + ":" + name;
  }

  private static JsonNode encode(DeviceSchema schema, DataPath path, JsonNode value) {
    return schema.leaf(path.template()).map(s -> s.type().toJsonIetf(value)).orElse(value);
  }
}
