package io.lightpath.southbound.gnmi;

import java.util.Objects;
import java.util.Optional;

/**
 * How the driver secures its connection to a target.
 */
public sealed interface GnmiTransport {

    /**
     * TLS with verification of the target's certificate chain and host name.
     *
     * @param trustedCertificatesPem PEM-encoded CA (or self-signed target) certificates to trust; empty to use
     *     the JVM's default trust store
     * @param authorityOverride host name to verify the certificate against instead of the connect address
     *     (for targets reached by IP address whose certificate names a host); empty for none
     */
    record Tls(Optional<byte[]> trustedCertificatesPem, Optional<String> authorityOverride) implements GnmiTransport {
        public Tls {
            Objects.requireNonNull(trustedCertificatesPem, "trustedCertificatesPem");
            Objects.requireNonNull(authorityOverride, "authorityOverride");
            trustedCertificatesPem = trustedCertificatesPem.map(byte[]::clone);
        }

        /** TLS trusting exactly the given PEM certificates. */
        public static Tls trusting(byte[] pem) {
            return new Tls(Optional.of(pem), Optional.empty());
        }
    }

    /**
     * No encryption and no server authentication. Credentials would travel in clear text, so the driver refuses
     * to send credentials over it. Only for a lab, and only when explicitly chosen.
     */
    record PlaintextForLabOnly() implements GnmiTransport {
    }
}
