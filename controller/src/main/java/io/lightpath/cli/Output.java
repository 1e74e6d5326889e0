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
