package io.lightpath.southbound.emulator.gnmi;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the gNMI convention of {@code username} and {@code password} call metadata, failing
 * calls with UNAUTHENTICATED. Never logs or echoes the password.
 */
public final class CredentialsInterceptor implements ServerInterceptor {
  /** Metadata key of the user name. */
  public static final Metadata.Key<String> USERNAME =
      Metadata.Key.of("username", Metadata.ASCII_STRING_MARSHALLER);
  /** Metadata key of the password. */
  public static final Metadata.Key<String> PASSWORD =
      Metadata.Key.of("password", Metadata.ASCII_STRING_MARSHALLER);

  private final String username;
  private final byte[] password;

  public CredentialsInterceptor(String username, String password) {
    this.username = username;
    this.password = password.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String user = headers.get(USERNAME);
    String pass = headers.get(PASSWORD);
    boolean ok =
        user != null
            && pass != null
            && user.equals(username)
            // Constant-time comparison: the emulator is used to test real clients' auth paths.
            && MessageDigest.isEqual(pass.getBytes(StandardCharsets.UTF_8), password);
    if (!ok) {
      call.close(
          Status.UNAUTHENTICATED.withDescription(
              user == null || pass == null
                  ? "username and password metadata required"
                  : "invalid username or password"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
