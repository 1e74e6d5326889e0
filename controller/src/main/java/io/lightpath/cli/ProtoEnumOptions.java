package io.lightpath.cli;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Options and parameters typed with a generated proto enum ({@code --protocol DeviceProtocol},
 * {@code --format TopologyFormat}, {@code --state ServiceState}...) take only its meaningful
 * values. A generated enum also has its zero value ({@code *_UNSPECIFIED}: "not set", which the
 * API rejects or ignores) and protobuf-java's {@code UNRECOGNIZED} (not a value at all: building a
 * request with it throws), and picocli would offer and accept both. Here they are neither listed
 * ({@code ${COMPLETION-CANDIDATES}} in help, shell completion, the "expected one of" message) nor
 * accepted: either is a usage error (exit 2), like any other bad option value.
 *
 * <p>One place for the whole command tree: {@link #restrict(CommandLine)} finds every such option,
 * including ones added later, so no option declares its own candidates or converter.
 */
final class ProtoEnumOptions {
  private ProtoEnumOptions() {}

  /** Restricts every proto-enum option and parameter of {@code cli} and its subcommands. */
  static void restrict(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    for (OptionSpec o : List.copyOf(spec.options())) {
      Class<? extends Enum<?>> type = protoEnum(o);
      if (type != null) {
        spec.remove(o);
        spec.addOption(o.toBuilder().completionCandidates(names(type)).converters(converter(type)).build());
      }
    }
    for (PositionalParamSpec p : List.copyOf(spec.positionalParameters())) {
      Class<? extends Enum<?>> type = protoEnum(p);
      if (type != null) {
        spec.remove(p);
        spec.addPositional(p.toBuilder().completionCandidates(names(type)).converters(converter(type)).build());
      }
    }
    cli.getSubcommands().values().forEach(ProtoEnumOptions::restrict);
  }

  /** The names an operator may give, in declaration order: neither the zero value nor UNRECOGNIZED. */
  static List<String> names(Class<? extends Enum<?>> type) {
    List<String> names = new ArrayList<>();
    for (Enum<?> e : type.getEnumConstants()) {
      if (meaningful(e)) {
        names.add(e.name());
      }
    }
    return names;
  }

  private static boolean meaningful(Enum<?> e) {
    // UNRECOGNIZED has no number (getNumber() throws); the zero value is proto3's "not set"
    return !e.name().equals("UNRECOGNIZED") && ((ProtocolMessageEnum) e).getNumber() != 0;
  }

  /** The proto enum {@code arg} takes (itself or as the element of a list), or null. */
  @SuppressWarnings("unchecked")
  private static Class<? extends Enum<?>> protoEnum(ArgSpec arg) {
    List<Class<?>> types = new ArrayList<>(Arrays.asList(arg.auxiliaryTypes()));
    types.add(arg.type());
    for (Class<?> t : types) {
      if (t.isEnum() && ProtocolMessageEnum.class.isAssignableFrom(t)) {
        return (Class<? extends Enum<?>>) t;
      }
    }
    return null;
  }

  /** Case-insensitive, as the CLI's other enum options. */
  private static ITypeConverter<Enum<?>> converter(Class<? extends Enum<?>> type) {
    return text -> {
      for (Enum<?> e : type.getEnumConstants()) {
        if (meaningful(e) && e.name().equalsIgnoreCase(text.trim())) {
          return e;
        }
      }
      throw new TypeConversionException("expected one of " + names(type)
          + " (case-insensitive) but was '" + text + "'");
    };
  }
}
