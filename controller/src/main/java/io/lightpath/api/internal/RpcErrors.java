package io.lightpath.api.internal;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;

/**
 * Builds the google.rpc.Status errors every northbound RPC answers with: a canonical code, a
 * one-line message, an {@link ErrorInfo} with a reason code in the {@value #DOMAIN} domain, and
 * for invalid input a {@link BadRequest} listing each offending field.
 */
public final class RpcErrors {
  /** ErrorInfo domain of every Lightpath error. */
  public static final String DOMAIN = "lightpath.io";

  private RpcErrors() {}

  /** A failure with a reason code and optional ErrorInfo metadata. */
  public static StatusRuntimeException error(
      Code code, String reason, String message, Map<String, String> metadata) {
    return build(code, message, errorInfo(reason, metadata), null);
  }

  /** A failure with a reason code. */
  public static StatusRuntimeException error(Code code, String reason, String message) {
    return error(code, reason, message, Map.of());
  }

  /** INVALID_ARGUMENT with reason INVALID_FIELD and one BadRequest entry per violation. */
  public static StatusRuntimeException invalid(List<BadRequest.FieldViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    BadRequest.FieldViolation first = violations.get(0);
    String message =
        violations.size() == 1
            ? first.getField() + ": " + first.getDescription()
            : first.getField()
                + ": "
                + first.getDescription()
                + " (and "
                + (violations.size() - 1)
                + " more)";
    return build(
        Code.INVALID_ARGUMENT,
        message,
        errorInfo("INVALID_FIELD", Map.of()),
        BadRequest.newBuilder().addAllFieldViolations(violations).build());
  }

  /** NOT_FOUND with reason RESOURCE_NOT_FOUND. */
  public static StatusRuntimeException notFound(String resourceName) {
    return error(
        Code.NOT_FOUND,
        "RESOURCE_NOT_FOUND",
        resourceName + " not found",
        Map.of("resource", resourceName));
  }

  private static ErrorInfo errorInfo(String reason, Map<String, String> metadata) {
    return ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason).putAllMetadata(metadata).build();
  }

  /**
   * FAILED_PRECONDITION with a reason code, ErrorInfo metadata and a PreconditionFailure listing
   * each violated precondition (subject: the request field that names what is missing).
   */
  public static StatusRuntimeException preconditionFailed(String reason, String message,
      Map<String, String> metadata, List<PreconditionFailure.Violation> violations) {
    return build(Code.FAILED_PRECONDITION, message, errorInfo(reason, metadata),
        PreconditionFailure.newBuilder().addAllViolations(violations).build());
  }

  private static StatusRuntimeException build(
      Code code, String message, ErrorInfo info, com.google.protobuf.Message detail) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(code.getNumber())
            .setMessage(message)
            .addDetails(Any.pack(info));
    if (detail != null) {
      status.addDetails(Any.pack(detail));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
