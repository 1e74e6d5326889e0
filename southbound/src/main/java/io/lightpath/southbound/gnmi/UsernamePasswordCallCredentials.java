package io.lightpath.southbound.gnmi;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.concurrent.Executor;

/**
 * Attaches "username" and "password" metadata to every call, only over a channel that provides privacy and
 * integrity (TLS): over an insecure channel the call fails instead of leaking the password.
 */
final class UsernamePasswordCallCredentials extends CallCredentials {

    static final Metadata.Key<String> USERNAME = Metadata.Key.of("username", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> PASSWORD = Metadata.Key.of("password", Metadata.ASCII_STRING_MARSHALLER);

    private final GnmiCredentials credentials;

    UsernamePasswordCallCredentials(GnmiCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        if (requestInfo.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY) {
            applier.fail(Status.UNAUTHENTICATED.withDescription(
                    "refusing to send credentials over a connection without privacy and integrity"));
            return;
        }
        Metadata headers = new Metadata();
        headers.put(USERNAME, credentials.username());
        headers.put(PASSWORD, credentials.password());
        applier.apply(headers);
    }
}
