package io.lightpath.provisioning;

import io.lightpath.southbound.gnmi.GnmiCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a device's credential reference into a username and password, at the moment a driver
 * is opened, so the controller stores only the reference.
 *
 * <p>{@code env:VAR}: the environment variable holds {@code user:password}. {@code file:/path}: the
 * file's first line holds {@code user:password}. An empty reference means no credentials. Error
 * messages name the reference, never its content.
 */
public final class CredentialResolver {
  private final Function<String, String> environment;

  /** Reads the process environment. */
  public CredentialResolver() {
    this(System::getenv);
  }

  /** Reads variables from {@code environment} (tests). */
  public CredentialResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  public Optional<GnmiCredentials> resolve(String credentialRef) {
    if (credentialRef == null || credentialRef.isEmpty()) {
      return Optional.empty();
    }
    String secret;
    if (credentialRef.startsWith("env:")) {
      String var = credentialRef.substring(4);
      secret = var.isEmpty() ? null : environment.apply(var);
      if (secret == null) {
        throw new IllegalArgumentException(
            "credential reference " + credentialRef + ": environment variable is not set");
      }
    } else if (credentialRef.startsWith("file:")) {
      Path path = Path.of(credentialRef.substring(5));
      try {
        secret = Files.readAllLines(path, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "credential reference " + credentialRef + ": cannot read the file ("
                + e.getClass().getSimpleName() + ")");
      }
    } else {
      throw new IllegalArgumentException(
          "credential reference must be env:VAR or file:/path, got a reference starting with '"
              + credentialRef.substring(0, Math.min(5, credentialRef.length())) + "'");
    }
    int colon = secret.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "credential reference " + credentialRef + ": value must be user:password");
    }
    return Optional.of(new GnmiCredentials(secret.substring(0, colon), secret.substring(colon + 1)));
  }
}
