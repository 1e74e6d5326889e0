package io.lightpath.api.internal;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets handlers validate by throwing: a {@link StatusRuntimeException} thrown from a handler is
 * sent to the client with its status and trailers (google.rpc.Status details), where grpc-java
 * alone would answer UNKNOWN. Any other exception is a bug: logged with an incident id and
 * answered INTERNAL with that id only, never with internals.
 */
public final class ErrorTranslatingInterceptor implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ErrorTranslatingInterceptor.class);

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    ServerCall.Listener<ReqT> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      close(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(ReqT message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          close(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          close(call, e);
        }
      }
    };
  }

  private static void close(ServerCall<?, ?> call, RuntimeException e) {
    if (e instanceof StatusRuntimeException sre) {
      Metadata trailers = sre.getTrailers() != null ? sre.getTrailers() : new Metadata();
      call.close(sre.getStatus(), trailers);
      return;
    }
    String incident = UUID.randomUUID().toString();
    log.error("internal error in {} (incident {})", call.getMethodDescriptor().getFullMethodName(),
        incident, e);
    call.close(
        Status.INTERNAL.withDescription("internal error, incident " + incident), new Metadata());
  }
}
