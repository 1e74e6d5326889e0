package io.lightpath.southbound.emulator.store;

import io.grpc.Status;

/**
 * A rejected configuration change. {@link #code()} is the gRPC status the gNMI target returns:
 * INVALID_ARGUMENT for malformed or schema-invalid input, FAILED_PRECONDITION for input that is
 * valid on its own but conflicts with other configuration.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Status.Code code;

  public ConfigException(Status.Code code, String message) {
    super(message);
    this.code = code;
  }

  /** Schema-invalid or malformed input. */
  public static ConfigException invalid(String message) {
    return new ConfigException(Status.Code.INVALID_ARGUMENT, message);
  }

  /** Valid input that conflicts with existing configuration. */
  public static ConfigException conflict(String message) {
    return new ConfigException(Status.Code.FAILED_PRECONDITION, message);
  }

  /** The gRPC status code to return. */
  public Status.Code code() {
    return code;
  }

  /** This error as a gRPC status. */
  public Status toStatus() {
    return Status.fromCode(code).withDescription(getMessage());
  }

  /** The same error with {@code context} prefixed to its message. */
  public ConfigException withContext(String context) {
    return new ConfigException(code, context + ": " + getMessage());
  }
}
