package io.lightpath.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.lightpath.proto.v1.Hop;
import io.lightpath.proto.v1.Path;
import io.lightpath.proto.v1.StateReason;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints results as aligned tables for people or as proto3 JSON for scripts. */
public final class Output {
  /**
   * API messages as users see them in JSON (the CLI's {@code -o json}, the demo's report): proto
   * field names (snake_case), one line, and every field without presence even at its default
   * ({@code "carrier_up": false}, {@code "channels": []}), so a script can tell a false or zero
   * value from a missing field. Fields with presence ({@code optional} scalars, messages) still
   * appear only when set. Not for documents sent to the server, which need no defaults.
   */
  public static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
      .alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private Output() {}

  /**
   * A service's state reason in one cell: "CODE: message", or whichever of the two it has (FAILED
   * and a DELETING whose deprovisioning failed carry a code, DEGRADED only a message).
   */
  public static String reason(StateReason r) {
    if (r.getCode().isEmpty()) {
      return r.getMessage();
    }
    return r.getMessage().isEmpty() ? r.getCode() : r.getCode() + ": " + r.getMessage();
  }

  /**
   * The header of a channel's centre-frequency column in every table (the CLI's and the demo's):
   * THz, as a DWDM channel plan reads (ITU-T G.694.1: 193.1 THz + n × 6.25 GHz).
   */
  public static final String FREQ_HEADER = "FREQ_THZ";

  /** The header of a channel's width column: GHz, the unit of the 12.5 GHz width granularity. */
  public static final String WIDTH_HEADER = "WIDTH_GHZ";

  /**
   * A frequency in MHz (as the API carries it) as THz with at least 5 decimals, e.g. 193100000
   * → "193.10000", 193106250 → "193.10625": exact for every centre on the 6.25 GHz flexible grid,
   * and never rounded (an off-grid value shows its extra digits).
   */
  public static String thz(long mhz) {
    return decimal(mhz, 6, 5);
  }

  /** A width in MHz as GHz with at least one decimal, e.g. 75000 → "75.0", 37500 → "37.5". */
  public static String ghz(long mhz) {
    return decimal(mhz, 3, 1);
  }

  private static String decimal(long unscaled, int scale, int minDecimals) {
    java.math.BigDecimal v = java.math.BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
    return (v.scale() < minDecimals ? v.setScale(minDecimals) : v).toPlainString();
  }

  /** A path's nodes in order, "a > b > c" (node ids contain dashes). */
  public static String route(Path p) {
    return p.getHopsList().stream().map(Hop::getNodeId).collect(Collectors.joining(" > "));
  }

  static void json(PrintWriter out, MessageOrBuilder message) {
    try {
      out.println(JSON.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /** A table with a header row; columns are padded to their widest cell. */
  public static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
      rows.add(header);
    }

    public Table row(Object... cells) {
      String[] r = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        r[i] = cells[i] == null ? "" : cells[i].toString();
      }
      rows.add(r);
      return this;
    }

    public void print(PrintWriter out) {
      print(out, "");
    }

    /** Prints every line after {@code indent}. */
    public void print(PrintWriter out, String indent) {
      int cols = rows.get(0).length;
      int[] width = new int[cols];
      for (String[] r : rows) {
        for (int i = 0; i < cols && i < r.length; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cols; i++) {
          String cell = i < r.length ? r[i] : "";
          line.append(cell);
          if (i < cols - 1) {
            line.append(" ".repeat(width[i] - cell.length() + 2));
          }
        }
        out.println(line.toString().stripTrailing());
      }
      out.flush();
    }
  }
}
