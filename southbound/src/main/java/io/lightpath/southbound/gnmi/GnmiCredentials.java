package io.lightpath.southbound.gnmi;

import java.util.Objects;

/**
 * Username and password sent to the target as the "username" and "password" gRPC metadata entries, which is
 * what gNMI targets expect. {@link #toString()} never reveals the password; nothing in this package logs it.
 *
 * @param username user name
 * @param password password
 */
public record GnmiCredentials(String username, String password) {

    public GnmiCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "GnmiCredentials[username=" + username + ", password=<redacted>]";
    }
}
