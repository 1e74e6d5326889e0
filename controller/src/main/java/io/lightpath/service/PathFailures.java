package io.lightpath.service;

import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.lightpath.api.internal.RpcErrors;
import io.lightpath.pce.FailureReason;
import io.lightpath.pce.PathResult;
import io.lightpath.proto.v1.PathFailure;
import io.lightpath.proto.v1.PathFailureReason;
import java.util.Map;

/**
 * How a path failure is answered: resources that are used up (spectrum, transceivers) are
 * RESOURCE_EXHAUSTED, since the same request may succeed once something is deleted; everything
 * else (no route, QoT, latency, contradicting constraints) is FAILED_PRECONDITION, since it needs
 * a different request or topology. The ErrorInfo reason is the PathFailureReason name.
 */
public final class PathFailures {
  private PathFailures() {}

  public static Code code(FailureReason r) {
    return r == FailureReason.NO_SPECTRUM || r == FailureReason.NO_TRANSCEIVER
        ? Code.RESOURCE_EXHAUSTED : Code.FAILED_PRECONDITION;
  }

  public static StatusRuntimeException toStatus(PathResult.Failure f) {
    return RpcErrors.error(code(f.reason()), f.reason().name(), f.message(),
        f.limitingElement() == null || f.limitingElement().isEmpty()
            ? Map.of() : Map.of("limiting_element", f.limitingElement()));
  }

  public static PathFailure toProto(PathResult.Failure f) {
    return PathFailure.newBuilder().setReason(PathFailureReason.valueOf(f.reason().name()))
        .setMessage(f.message())
        .setLimitingElement(f.limitingElement() == null ? "" : f.limitingElement()).build();
  }
}
