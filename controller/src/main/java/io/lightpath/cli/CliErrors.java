package io.lightpath.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.lightpath.proto.v1.PathFailureReason;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one human line on stderr and a meaningful exit code, so scripts can branch
 * on the code and people can read the line.
 */
final class CliErrors implements IExecutionExceptionHandler {
  /** Exit codes, documented in the README. */
  static final int OK = 0;

  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int INVALID = 3;
  static final int NOT_FOUND = 4;
  static final int CONFLICT = 5;
  static final int UNAVAILABLE = 6;
  static final int UNIMPLEMENTED = 7;
  /** A service ended FAILED, or there is no path (a PathFailureReason), whatever the gRPC code. */
  static final int SERVICE_FAILED = 8;

  /** ErrorInfo reasons that mean "no path": the PathFailureReason names. */
  static final Set<String> PATH_FAILURE_REASONS = Arrays.stream(PathFailureReason.values())
      .filter(r -> r != PathFailureReason.PATH_FAILURE_REASON_UNSPECIFIED
          && r != PathFailureReason.UNRECOGNIZED)
      .map(Enum::name).collect(Collectors.toUnmodifiableSet());

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parse) {
    if (e instanceof StatusRuntimeException sre) {
      cmd.getErr().println("error: " + describe(sre));
      cmd.getErr().flush();
      return exitCode(sre);
    }
    if (e instanceof CliException ce) {
      cmd.getErr().println("error: " + ce.getMessage());
      cmd.getErr().flush();
      return ce.exitCode();
    }
    cmd.getErr().println("error: " + e);
    cmd.getErr().flush();
    return FAILED;
  }

  /** The exit code of a failed call: path failures are 8 whatever their gRPC code. */
  static int exitCode(StatusRuntimeException e) {
    ErrorInfo info = detail(e, ErrorInfo.class);
    if (info != null && PATH_FAILURE_REASONS.contains(info.getReason())) {
      return SERVICE_FAILED;
    }
    return exitCode(e.getStatus().getCode());
  }

  static int exitCode(Status.Code code) {
    return switch (code) {
      case OK -> OK;
      case INVALID_ARGUMENT, OUT_OF_RANGE -> INVALID;
      case NOT_FOUND -> NOT_FOUND;
      case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION, RESOURCE_EXHAUSTED -> CONFLICT;
      case UNAVAILABLE, DEADLINE_EXCEEDED -> UNAVAILABLE;
      case UNIMPLEMENTED -> UNIMPLEMENTED;
      default -> FAILED;
    };
  }

  /** "CODE [REASON]: message (field: problem)", on one line. */
  static String describe(StatusRuntimeException e) {
    StringBuilder line = new StringBuilder(e.getStatus().getCode().name());
    String message = e.getStatus().getDescription();
    ErrorInfo info = detail(e, ErrorInfo.class);
    if (info != null) {
      line.append(" [").append(info.getReason()).append(']');
    }
    BadRequest br = detail(e, BadRequest.class);
    if (br != null && br.getFieldViolationsCount() > 1) {
      message = message + " — " + br.getFieldViolationsCount() + " problems, see --output json";
    }
    if (e.getStatus().getCode() == Status.Code.UNAVAILABLE && e.getCause() != null) {
      message = "cannot reach the controller (" + e.getCause().getMessage() + ")";
    }
    line.append(": ").append(message == null ? "(no message)" : message.replace('\n', ' '));
    return line.toString();
  }

  /** The first detail of {@code type} in the error's google.rpc.Status, or null. */
  private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException e, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return null;
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        try {
          return detail.unpack(type);
        } catch (InvalidProtocolBufferException ignored) {
          // a detail we cannot read does not hide the status itself
        }
      }
    }
    return null;
  }

  /** A failure the CLI itself detects, with its exit code. */
  static final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}
