package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.gnmi.GnmiCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {
  private final CredentialResolver resolver =
      new CredentialResolver(Map.of("GOOD", "admin:pa:ss", "BAD", "no-colon-secret")::get);

  @Test
  void environmentVariableHoldsUserColonPassword() {
    assertEquals(Optional.of(new GnmiCredentials("admin", "pa:ss")), resolver.resolve("env:GOOD"));
  }

  @Test
  void fileHoldsUserColonPasswordOnItsFirstLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("login");
    Files.writeString(f, "ops:hunter2\nignored\n");
    assertEquals(Optional.of(new GnmiCredentials("ops", "hunter2")), resolver.resolve("file:" + f));
  }

  @Test
  void emptyReferenceMeansNoCredentials() {
    assertEquals(Optional.empty(), resolver.resolve(""));
  }

  @Test
  void errorsNameTheReferenceButNeverTheSecret(@TempDir Path dir) {
    var unset = assertThrows(IllegalArgumentException.class, () -> resolver.resolve("env:NOPE"));
    assertTrue(unset.getMessage().contains("env:NOPE"));
    var malformed = assertThrows(IllegalArgumentException.class, () -> resolver.resolve("env:BAD"));
    assertFalse(malformed.getMessage().contains("no-colon-secret"), malformed.getMessage());
    var missing = assertThrows(IllegalArgumentException.class,
        () -> resolver.resolve("file:" + dir.resolve("absent")));
    assertTrue(missing.getMessage().contains("cannot read"));
    var scheme = assertThrows(IllegalArgumentException.class,
        () -> resolver.resolve("vault:secret/path"));
    assertFalse(scheme.getMessage().contains("secret/path"), scheme.getMessage());
  }
}
