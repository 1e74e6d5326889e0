package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceException;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS with server-certificate verification and username/password metadata, against a real TLS target. */
class GnmiSecurityTest {

    private static final GnmiCredentials LOGIN = new GnmiCredentials("admin", "s3cr3t-Pa55");
    private static final GnmiDeviceType OCS = GnmiDeviceType.OPTICAL_SWITCH;

    private TestGnmiTarget target;
    private GnmiDeviceDriver driver;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (driver != null) {
            driver.close();
        }
        if (target != null) {
            target.close();
        }
    }

    static X509Bundle certificate(String dnsName, boolean withLoopbackIp) throws Exception {
        CertificateBuilder b = new CertificateBuilder().subject("CN=" + dnsName).ecp256()
                .setIsCertificateAuthority(true).addSanDnsName(dnsName).addExtendedKeyUsageServerAuth();
        if (withLoopbackIp) {
            b.addSanIpAddress("127.0.0.1");
        }
        return b.buildSelfSigned();
    }

    static ServerCredentials serverCredentials(X509Bundle cert) throws Exception {
        return TlsServerCredentials.create(
                new ByteArrayInputStream(cert.getCertificatePathPEM().getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(cert.getPrivateKeyPEM().getBytes(StandardCharsets.US_ASCII)));
    }

    private void startTarget(X509Bundle cert) throws Exception {
        target = new TestGnmiTarget(List.copyOf(OCS.requiredModels()), serverCredentials(cert), Optional.of(LOGIN))
                .start();
    }

    private GnmiDeviceDriver connect(GnmiTransport transport, Optional<GnmiCredentials> login) {
        driver = new GnmiDeviceDriver(new GnmiDeviceConfig("ocs-1", OCS, "127.0.0.1", target.port(), transport,
                login, Duration.ofSeconds(10), BackoffPolicy.DEFAULT), PayloadValidator.NONE, new ManualScheduler());
        return driver;
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, () -> f.orTimeout(20, TimeUnit.SECONDS).join());
        DeviceException de = DeviceException.unwrap(e);
        if (de == null) {
            throw new AssertionError("expected a DeviceException", e);
        }
        return de;
    }

    static byte[] pem(X509Bundle cert) {
        return cert.getCertificatePEM().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void tlsWithTrustedCertificateAndCredentialsWorks() throws Exception {
        X509Bundle cert = certificate("ocs-1.lab", true);
        startTarget(cert);
        GnmiDeviceDriver d = connect(GnmiTransport.Tls.trusting(pem(cert)), Optional.of(LOGIN));
        d.discover().get(20, TimeUnit.SECONDS);
        CrossConnectConfig ocs = d.behaviour(CrossConnectConfig.class).orElseThrow();
        ocs.connect(new CrossConnect("p1", "p2")).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(new CrossConnect("p1", "p2")), ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
        assertTrue(target.seenUsernames().contains("admin"), "username sent as metadata");
    }

    @Test
    void untrustedCertificateIsRefused() throws Exception {
        startTarget(certificate("ocs-1.lab", true));
        X509Bundle other = certificate("ocs-1.lab", true);
        GnmiDeviceDriver d = connect(GnmiTransport.Tls.trusting(pem(other)), Optional.of(LOGIN));
        DeviceException e = failure(d.behaviour(CrossConnectConfig.class).orElseThrow().readCrossConnects());
        assertEquals(DeviceException.Kind.UNAVAILABLE, e.kind());
        assertTrue(target.seenUsernames().isEmpty(), "no credentials reached an unverified server");
    }

    @Test
    void certificateForAnotherHostIsRefusedUnlessTheAuthorityIsOverridden() throws Exception {
        X509Bundle cert = certificate("roadm-7.lab", false);
        startTarget(cert);
        GnmiDeviceDriver d = connect(GnmiTransport.Tls.trusting(pem(cert)), Optional.of(LOGIN));
        assertEquals(DeviceException.Kind.UNAVAILABLE,
                failure(d.behaviour(CrossConnectConfig.class).orElseThrow().readCrossConnects()).kind());
        d.close();

        GnmiDeviceDriver named = connect(new GnmiTransport.Tls(Optional.of(pem(cert)), Optional.of("roadm-7.lab")),
                Optional.of(LOGIN));
        named.discover().get(20, TimeUnit.SECONDS);
    }

    @Test
    void wrongPasswordIsUnauthenticatedAndNeverPrinted() throws Exception {
        X509Bundle cert = certificate("ocs-1.lab", true);
        startTarget(cert);
        GnmiCredentials wrong = new GnmiCredentials("admin", "not-the-Password-42");
        GnmiDeviceDriver d = connect(GnmiTransport.Tls.trusting(pem(cert)), Optional.of(wrong));
        DeviceException e = failure(d.behaviour(CrossConnectConfig.class).orElseThrow().readCrossConnects());
        assertEquals(DeviceException.Kind.UNAUTHENTICATED, e.kind());
        assertFalse(e.toString().contains(wrong.password()));
        assertFalse(wrong.toString().contains(wrong.password()));
        assertFalse(new GnmiDeviceConfig("ocs-1", OCS, "127.0.0.1", target.port(), GnmiTransport.Tls.trusting(pem(cert)),
                Optional.of(wrong), Duration.ofSeconds(2), BackoffPolicy.DEFAULT).toString().contains(wrong.password()),
                "a logged configuration does not reveal the password");
    }

    @Test
    void plaintextClientCannotTalkToATlsTarget() throws Exception {
        startTarget(certificate("ocs-1.lab", true));
        GnmiDeviceDriver d = connect(new GnmiTransport.PlaintextForLabOnly(), Optional.empty());
        assertEquals(DeviceException.Kind.UNAVAILABLE,
                failure(d.behaviour(CrossConnectConfig.class).orElseThrow().readCrossConnects()).kind());
    }

    @Test
    void credentialsAreNeverSentOverPlaintext() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GnmiDeviceConfig("ocs-1",
                OCS, "127.0.0.1", 9339, new GnmiTransport.PlaintextForLabOnly(), Optional.of(LOGIN),
                Duration.ofSeconds(1), BackoffPolicy.DEFAULT));
        assertFalse(e.getMessage().contains(LOGIN.password()));
    }
}
