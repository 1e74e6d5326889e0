package io.lightpath.api;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** Reads the google.rpc.Status details of a failed call, for assertions. */
public final class StatusDetails {
  private StatusDetails() {}

  public static String reason(StatusRuntimeException e) {
    return unpack(e, ErrorInfo.class).getReason();
  }

  public static String domain(StatusRuntimeException e) {
    return unpack(e, ErrorInfo.class).getDomain();
  }

  public static List<String> violatedFields(StatusRuntimeException e) {
    return unpack(e, BadRequest.class).getFieldViolationsList().stream()
        .map(BadRequest.FieldViolation::getField).toList();
  }

  public static <T extends com.google.protobuf.Message> T unpack(StatusRuntimeException e, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      throw new AssertionError("no google.rpc.Status details in " + e);
    }
    for (Any a : status.getDetailsList()) {
      if (a.is(type)) {
        try {
          return a.unpack(type);
        } catch (InvalidProtocolBufferException ex) {
          throw new AssertionError(ex);
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + status);
  }
}
