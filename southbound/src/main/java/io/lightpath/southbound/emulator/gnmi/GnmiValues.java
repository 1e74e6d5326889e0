package io.lightpath.southbound.emulator.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.DeviceSchema;
import io.lightpath.southbound.emulator.store.LeafType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Converts gNMI paths and typed values to and from the emulator's data model. */
public final class GnmiValues {
  static final ObjectMapper JSON = new ObjectMapper();

  private GnmiValues() {}

  /** The data path of {@code prefix} followed by {@code path} (module prefixes dropped). */
  public static DataPath toDataPath(Path prefix, Path path) {
    List<DataPath.Elem> elems = new ArrayList<>();
    for (Path p : new Path[] {prefix, path}) {
      for (PathElem e : p.getElemList()) {
        String name = DataPath.stripModule(e.getName());
        elems.add(e.getKeyCount() == 0 ? DataPath.Elem.of(name) : new DataPath.Elem(name, e.getKeyMap()));
      }
    }
    return new DataPath(elems);
  }

  /** A gNMI path for {@code path}. */
  public static Path toPath(DataPath path) {
    Path.Builder b = Path.newBuilder();
    for (DataPath.Elem e : path.elems()) {
      b.addElem(pathElem(e));
    }
    return b.build();
  }

  /**
   * Bound of {@link #PATH_ELEMS}: the lab's distinct elements are far fewer (an element's text is
   * shared by every device and path using it); past it, elements are built each time.
   */
  static final int MAX_CACHED_ELEMS = 1 << 16;
  /**
   * The gNMI element of each data path element (protobuf messages are immutable): every
   * subscription update names its leaf by a full path, and building each element with its key
   * map anew was the largest allocation of a Set in the lab. A cached message also keeps its
   * memoized serialized size.
   */
  private static final ConcurrentHashMap<DataPath.Elem, PathElem> PATH_ELEMS = new ConcurrentHashMap<>();

  static PathElem pathElem(DataPath.Elem e) {
    PathElem p = PATH_ELEMS.get(e);
    if (p == null) {
      p = PathElem.newBuilder().setName(e.name()).putAllKey(e.keys()).build();
      if (PATH_ELEMS.size() < MAX_CACHED_ELEMS) {
        PathElem raced = PATH_ELEMS.putIfAbsent(e, p);
        p = raced == null ? p : raced;
      }
    }
    return p;
  }

  /** A set value as JSON: JSON/JSON_IETF bytes are parsed, scalars wrapped. */
  public static JsonNode toJson(TypedValue v) throws ConfigException {
    switch (v.getValueCase()) {
      case JSON_IETF_VAL:
        return parse(v.getJsonIetfVal());
      case JSON_VAL:
        return parse(v.getJsonVal());
      case STRING_VAL:
        return TextNode.valueOf(v.getStringVal());
      case ASCII_VAL:
        return TextNode.valueOf(v.getAsciiVal());
      case UINT_VAL:
        return LongNode.valueOf(v.getUintVal());
      case INT_VAL:
        return LongNode.valueOf(v.getIntVal());
      case BOOL_VAL:
        return BooleanNode.valueOf(v.getBoolVal());
      case DOUBLE_VAL:
        return DoubleNode.valueOf(v.getDoubleVal());
      default:
        throw ConfigException.invalid("unsupported value type " + v.getValueCase());
    }
  }

  private static JsonNode parse(ByteString bytes) throws ConfigException {
    try {
      JsonNode node = JSON.readTree(bytes.toByteArray());
      if (node == null) {
        throw ConfigException.invalid("empty JSON value");
      }
      return node;
    } catch (IOException e) {
      throw ConfigException.invalid("invalid JSON value: " + e.getMessage().split("\n")[0]);
    }
  }

  /** A JSON value as gNMI JSON_IETF (or JSON) bytes. */
  public static TypedValue jsonValue(JsonNode value, boolean ietf) {
    ByteString bytes;
    try {
      bytes = ByteString.copyFrom(JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ietf
        ? TypedValue.newBuilder().setJsonIetfVal(bytes).build()
        : TypedValue.newBuilder().setJsonVal(bytes).build();
  }

  /** A stored leaf value as a scalar typed value, for Subscribe. */
  public static TypedValue scalar(DeviceSchema schema, DataPath leaf, JsonNode value) {
    LeafType type = schema.leaf(leaf.template()).map(DeviceSchema.LeafSpec::type).orElse(null);
    TypedValue.Builder b = TypedValue.newBuilder();
    if (type instanceof LeafType.Uint) {
      b.setUintVal(value.asLong());
    } else if (type instanceof LeafType.Decimal) {
      b.setDoubleVal(value.asDouble());
    } else if (type instanceof LeafType.Bool) {
      b.setBoolVal(value.asBoolean());
    } else if (value.isNumber()) {
      b.setDoubleVal(new BigDecimal(value.asText()).doubleValue());
    } else {
      b.setStringVal(value.asText());
    }
    return b.build();
  }
}
