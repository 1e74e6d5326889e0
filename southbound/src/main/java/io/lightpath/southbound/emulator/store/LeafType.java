package io.lightpath.southbound.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;

/**
 * The YANG built-in types the emulated models use, with RFC 7951 (JSON_IETF) parsing. Values are
 * held as Jackson nodes: {@link LongNode} for integers, {@link DoubleNode} for decimal64, {@link
 * TextNode} for strings and enumerations, {@link BooleanNode} for booleans.
 */
public sealed interface LeafType {
  /** Parses a JSON value (a number or, for 64-bit and decimal types, a string too). */
  JsonNode parse(JsonNode json) throws ConfigException;

  /** Encodes a stored value as RFC 7951 JSON (64-bit integers and decimal64 as strings). */
  JsonNode toJsonIetf(JsonNode value);

  /** An unsigned integer of {@code bits} bits. */
  record Uint(int bits) implements LeafType {
    @Override
    public JsonNode parse(JsonNode json) throws ConfigException {
      long v;
      if (json.isIntegralNumber() && json.canConvertToLong()) {
        v = json.asLong();
      } else if (json.isTextual() && isDigits(json.asText(), 19)) {
        v = Long.parseLong(json.asText());
      } else {
        throw ConfigException.invalid("expected uint" + bits + ", got " + json);
      }
      if (v < 0 || (bits < 64 && v >= (1L << bits))) {
        throw ConfigException.invalid("value " + v + " out of range for uint" + bits);
      }
      return LongNode.valueOf(v);
    }

    @Override
    public JsonNode toJsonIetf(JsonNode value) {
      return bits == 64 ? TextNode.valueOf(value.asText()) : value;
    }

    /**
     * True when {@code text} is 1 to {@code max} ASCII digits (what {@code [0-9]{1,max}} matches,
     * without compiling a regex for every value parsed).
     */
    static boolean isDigits(String text, int max) {
      int n = text.length();
      if (n == 0 || n > max) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A decimal64 number (held as double; the emulator needs no exact decimals).
   *
   * @param fractionDigits digits after the point when encoded
   */
  record Decimal(int fractionDigits) implements LeafType {
    @Override
    public JsonNode parse(JsonNode json) throws ConfigException {
      if (json.isNumber()) {
        return DoubleNode.valueOf(json.asDouble());
      }
      if (json.isTextual()) {
        try {
          double d = Double.parseDouble(json.asText());
          if (!Double.isNaN(d) && !Double.isInfinite(d)) {
            return DoubleNode.valueOf(d);
          }
        } catch (NumberFormatException e) {
          // fall through to the error below
        }
      }
      throw ConfigException.invalid("expected decimal64, got " + json);
    }

    @Override
    public JsonNode toJsonIetf(JsonNode value) {
      return TextNode.valueOf(
          java.math.BigDecimal.valueOf(value.asDouble())
              .setScale(fractionDigits, java.math.RoundingMode.HALF_EVEN)
              .toPlainString());
    }
  }

  /** A string. */
  record Str() implements LeafType {
    @Override
    public JsonNode parse(JsonNode json) throws ConfigException {
      if (!json.isTextual()) {
        throw ConfigException.invalid("expected string, got " + json);
      }
      return json;
    }

    @Override
    public JsonNode toJsonIetf(JsonNode value) {
      return value;
    }
  }

  /** A boolean. */
  record Bool() implements LeafType {
    @Override
    public JsonNode parse(JsonNode json) throws ConfigException {
      if (!json.isBoolean()) {
        throw ConfigException.invalid("expected boolean, got " + json);
      }
      return json;
    }

    @Override
    public JsonNode toJsonIetf(JsonNode value) {
      return value;
    }
  }

  /** An enumeration or identityref, given by its allowed names (module prefixes are accepted). */
  record Enum(Set<String> names) implements LeafType {
    @Override
    public JsonNode parse(JsonNode json) throws ConfigException {
      if (json.isTextual()) {
        String v = DataPath.stripModule(json.asText());
        if (names.contains(v)) {
          return TextNode.valueOf(v);
        }
      }
      throw ConfigException.invalid("expected one of " + names + ", got " + json);
    }

    @Override
    public JsonNode toJsonIetf(JsonNode value) {
      return value;
    }
  }
}
