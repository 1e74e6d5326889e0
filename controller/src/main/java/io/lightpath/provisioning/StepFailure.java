package io.lightpath.provisioning;

import io.lightpath.failpoint.FailpointException;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletionException;

/** A device step failed: where, in which step, and the provisioning failure kind. */
final class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String deviceId;
  final String step;
  final ProvisioningException.Kind kind;

  StepFailure(String deviceId, String step, ProvisioningException.Kind kind, String message,
      Throwable cause) {
    super(message, cause);
    this.deviceId = deviceId;
    this.step = step;
    this.kind = kind;
  }

  /** Classifies {@code t} (a driver failure, a failpoint, anything else) as a failure of a step. */
  static StepFailure of(String deviceId, String step, Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof StepFailure sf) {
      return sf;
    }
    DeviceException de = DeviceException.unwrap(cause);
    if (de != null) {
      return new StepFailure(deviceId, step, kindOf(de.kind()), de.getMessage(), de);
    }
    if (cause instanceof FailpointException) {
      return new StepFailure(deviceId, step, ProvisioningException.Kind.REJECTED,
          "failpoint: " + cause.getMessage(), cause);
    }
    return new StepFailure(deviceId, step, ProvisioningException.Kind.REJECTED,
        deviceId + ": " + cause, cause);
  }

  static ProvisioningException.Kind kindOf(DeviceException.Kind kind) {
    return switch (kind) {
      case UNAVAILABLE, UNAUTHENTICATED -> ProvisioningException.Kind.UNREACHABLE;
      case DEADLINE_EXCEEDED -> ProvisioningException.Kind.TIMEOUT;
      case VERIFICATION_FAILED -> ProvisioningException.Kind.VERIFICATION_FAILED;
      case REJECTED, NOT_FOUND, UNSUPPORTED, MALFORMED_REPLY, INVALID_REQUEST, INTERNAL, CONFLICT ->
          ProvisioningException.Kind.REJECTED;
    };
  }

  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while (cur instanceof CompletionException && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
