package io.lightpath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.lightpath.proto.v1.PathFailureReason;
import io.lightpath.proto.v1.Service;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one human line on stderr and a meaningful exit code, so scripts can branch
 * on the code and people can read the line. With {@code --output json} the failure is also printed
 * on stdout as one JSON object (code, reason, message, exit_code, metadata and every violation).
 */
final class CliErrors implements IExecutionExceptionHandler {
  /** Exit codes, documented in the README. */
  static final int OK = 0;

  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int INVALID = 3;
  static final int NOT_FOUND = 4;
  static final int CONFLICT = 5;
  /** Unreachable or a deadline passed, including {@code --wait} reaching {@code --timeout-s}. */
  static final int UNAVAILABLE = 6;
  static final int UNIMPLEMENTED = 7;
  /** A service ended FAILED, or there is no path (a PathFailureReason), whatever the gRPC code. */
  static final int SERVICE_FAILED = 8;

  /** ErrorInfo reasons that mean "no path": the PathFailureReason names. */
  static final Set<String> PATH_FAILURE_REASONS = Arrays.stream(PathFailureReason.values())
      .filter(r -> r != PathFailureReason.PATH_FAILURE_REASON_UNSPECIFIED
          && r != PathFailureReason.UNRECOGNIZED)
      .map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parse) {
    String line;
    int exit;
    ObjectNode json;
    if (e instanceof StatusRuntimeException sre) {
      line = describe(sre);
      exit = exitCode(sre);
      json = json(sre, exit);
    } else if (e instanceof CliException ce) {
      line = ce.getMessage();
      exit = ce.exitCode();
      json = json(ce);
    } else {
      line = human(e);
      exit = FAILED;
      json = error(e instanceof IOException ? "IO_ERROR" : "FAILED", "", line, exit);
    }
    if (jsonOutput(cmd)) {
      cmd.getOut().println(json.toString());
      cmd.getOut().flush();
    }
    cmd.getErr().println("error: " + line);
    cmd.getErr().flush();
    return exit;
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

  /** A one-line message for an exception that is neither a gRPC status nor our own. */
  static String human(Throwable e) {
    if ((e instanceof com.google.inject.ProvisionException
        || e instanceof com.google.inject.CreationException) && e.getCause() != null) {
      // Guice's message lists its binding chain over many lines; what failed is the cause
      return human(e.getCause());
    }
    if (e instanceof io.lightpath.store.StoreException && e.getMessage() != null) {
      return e.getMessage(); // written for operators: what and where
    }
    if (e instanceof FileSystemException x && x.getFile() != null) {
      return x.getFile() + ": " + ioProblem(x);
    }
    if (e instanceof IOException io) {
      return ioProblem(io);
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + m.replace('\n', ' ');
  }

  /** What went wrong with a file, in words: "no such file", "permission denied"... */
  static String ioProblem(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException x && x.getReason() != null) {
      return x.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
  }

  /**
   * picocli's own usage errors (an unknown option, a bad value, a missing parameter) with JSON as
   * well when the command line asks for it: the line and the usage help stay on stderr as
   * {@code fallback} prints them, and a script reading stdout gets the same JSON object as for any
   * other failure ({@code "code": "USAGE"}, exit 2) instead of nothing. The option's value cannot
   * be read from a parse that failed, so the arguments are searched for {@code -o json},
   * {@code --output json}, {@code --output=json} or {@code -ojson}.
   */
  static CommandLine.IParameterExceptionHandler usageErrors(
      CommandLine.IParameterExceptionHandler fallback) {
    return (ex, args) -> {
      if (asksForJson(args)) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getOut().println(error(CliException.defaultCode(USAGE), "",
            ex.getMessage() == null ? "" : ex.getMessage().replace('\n', ' '), USAGE).toString());
        cmd.getOut().flush();
      }
      return fallback.handleParseException(ex, args);
    };
  }

  static boolean asksForJson(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.length
          && args[i + 1].equalsIgnoreCase("json")) {
        return true;
      }
      if (a.equalsIgnoreCase("--output=json") || a.equalsIgnoreCase("-ojson")
          || a.equalsIgnoreCase("-o=json")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failing command prints JSON (its {@code --output} option says json). */
  private static boolean jsonOutput(CommandLine cmd) {
    OptionSpec output = cmd.getCommandSpec().findOption("--output");
    return output != null && output.getValue() != null
        && "json".equalsIgnoreCase(output.getValue().toString());
  }

  static ObjectNode json(StatusRuntimeException e, int exit) {
    ObjectNode o = error(e.getStatus().getCode().name(), "",
        e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription(), exit);
    ErrorInfo info = detail(e, ErrorInfo.class);
    if (info != null) {
      o.put("reason", info.getReason());
      if (info.getMetadataCount() > 0) {
        ObjectNode m = o.putObject("metadata");
        info.getMetadataMap().forEach(m::put);
      }
    }
    BadRequest br = detail(e, BadRequest.class);
    if (br != null) {
      ArrayNode a = o.putArray("field_violations");
      br.getFieldViolationsList().forEach(v -> a.addObject()
          .put("field", v.getField()).put("description", v.getDescription()));
    }
    PreconditionFailure pf = detail(e, PreconditionFailure.class);
    if (pf != null) {
      ArrayNode a = o.putArray("precondition_violations");
      pf.getViolationsList().forEach(v -> a.addObject()
          .put("type", v.getType()).put("subject", v.getSubject()).put("description", v.getDescription()));
    }
    return o;
  }

  private static ObjectNode json(CliException e) {
    ObjectNode o = error(e.code(), e.reason(), e.getMessage(), e.exitCode());
    if (e.service() != null) {
      try {
        o.set("service", MAPPER.readTree(Output.JSON.print(e.service())));
      } catch (IOException ignored) {
        // the message already names the service, its state and reason
      }
    }
    return o;
  }

  private static ObjectNode error(String code, String reason, String message, int exit) {
    ObjectNode o = MAPPER.createObjectNode();
    return o.put("code", code).put("reason", reason).put("message", message).put("exit_code", exit);
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
    private final String code;
    private final String reason;
    private final transient Service service;

    CliException(int exitCode, String message) {
      this(exitCode, defaultCode(exitCode), "", message, null);
    }

    /**
     * @param code what {@code --output json} shows as "code"
     * @param reason what it shows as "reason"
     * @param service the service the failure is about, shown whole in JSON; may be null
     */
    CliException(int exitCode, String code, String reason, String message, Service service) {
      super(message);
      this.exitCode = exitCode;
      this.code = code;
      this.reason = reason;
      this.service = service;
    }

    int exitCode() {
      return exitCode;
    }

    String code() {
      return code;
    }

    String reason() {
      return reason;
    }

    Service service() {
      return service;
    }

    static String defaultCode(int exitCode) {
      return switch (exitCode) {
        case USAGE -> "USAGE";
        case INVALID -> "INVALID_ARGUMENT";
        case NOT_FOUND -> "NOT_FOUND";
        case CONFLICT -> "CONFLICT";
        case UNAVAILABLE -> "UNAVAILABLE";
        case UNIMPLEMENTED -> "UNIMPLEMENTED";
        case SERVICE_FAILED -> "SERVICE_FAILED";
        default -> "FAILED";
      };
    }
  }
}
