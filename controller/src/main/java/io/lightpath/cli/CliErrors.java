package io.lightpath.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
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
  static final int SERVICE_FAILED = 8;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parse) {
    if (e instanceof StatusRuntimeException sre) {
      cmd.getErr().println("error: " + describe(sre));
      cmd.getErr().flush();
      return exitCode(sre.getStatus().getCode());
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

  static int exitCode(Status.Code code) {
    return switch (code) {
      case OK -> OK;
      case INVALID_ARGUMENT, OUT_OF_RANGE -> INVALID;
      case NOT_FOUND -> NOT_FOUND;
      case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> CONFLICT;
      case UNAVAILABLE, DEADLINE_EXCEEDED -> UNAVAILABLE;
      case UNIMPLEMENTED -> UNIMPLEMENTED;
      default -> FAILED;
    };
  }

  /** "CODE [REASON]: message (field: problem)", on one line. */
  static String describe(StatusRuntimeException e) {
    StringBuilder line = new StringBuilder(e.getStatus().getCode().name());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    String message = e.getStatus().getDescription();
    if (status != null) {
      for (Any detail : status.getDetailsList()) {
        try {
          if (detail.is(ErrorInfo.class)) {
            line.append(" [").append(detail.unpack(ErrorInfo.class).getReason()).append(']');
          } else if (detail.is(BadRequest.class)) {
            BadRequest br = detail.unpack(BadRequest.class);
            if (br.getFieldViolationsCount() > 1) {
              message = message + " — " + br.getFieldViolationsCount() + " problems, see --output json";
            }
          }
        } catch (InvalidProtocolBufferException ignored) {
          // a detail we cannot read does not hide the status itself
        }
      }
    }
    if (e.getStatus().getCode() == Status.Code.UNAVAILABLE && e.getCause() != null) {
      message = "cannot reach the controller (" + e.getCause().getMessage() + ")";
    }
    line.append(": ").append(message == null ? "(no message)" : message.replace('\n', ' '));
    return line.toString();
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
