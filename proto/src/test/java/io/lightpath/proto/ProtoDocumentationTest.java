package io.lightpath.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every service, rpc, message, enum, enum value and field in our protos has a comment right above
 * it: the .proto files are the API reference.
 */
class ProtoDocumentationTest {
  private static final Path ROOT = Path.of("src/main/proto");
  /** Declarations that need a comment; `reserved`, `option`, `oneof` and closing braces do not. */
  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s*(service|rpc|message|enum)\\s+\\w+.*"
          + "|^\\s*(repeated\\s+|optional\\s+)?(map<[^>]+>|[\\w.]+)\\s+\\w+\\s*=\\s*\\d+.*;"
          + "|^\\s*[A-Z][A-Z0-9_]*\\s*=\\s*\\d+.*;");

  @Test
  void everyDeclarationIsDocumented() throws IOException {
    List<String> undocumented = new ArrayList<>();
    int declarations = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".proto")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.trim().startsWith("//") || !DECLARATION.matcher(line).matches()
              || line.contains("gnmi_service = 1001") && i > 0 && lines.get(i - 1).trim().startsWith("//")) {
            continue;
          }
          declarations++;
          String previous = i > 0 ? lines.get(i - 1).trim() : "";
          if (!previous.startsWith("//")) {
            undocumented.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.trim());
          }
        }
      }
    }
    assertTrue(declarations > 400, "the scan found only " + declarations + " declarations");
    assertEquals(List.of(), undocumented);
  }
}
