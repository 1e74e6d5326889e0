package io.lightpath.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What every command's {@code -o/--output} takes: {@code table} (for people: tables, or the
 * report of {@code qot}, {@code sim} and the demo's narration) or {@code json} (for scripts).
 * Options declare {@code converter = OutputFormat.Converter.class}.
 */
public enum OutputFormat {
  table,
  json;

  /**
   * table or json in any case; also {@code text}, the name {@code sim}, {@code qot} and
   * {@code demo} used for {@code table} before they said table like every other command: a hidden
   * alias (help and completion list table and json only), so existing scripts keep working.
   */
  public static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.equals("text")) {
        return table;
      }
      for (OutputFormat f : values()) {
        if (f.name().equals(v)) {
          return f;
        }
      }
      throw new TypeConversionException("expected one of [table, json] but was '" + value + "'");
    }
  }
}
