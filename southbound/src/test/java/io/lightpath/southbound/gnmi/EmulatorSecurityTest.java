package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against an emulated lab that requires TLS and username/password. */
class EmulatorSecurityTest {

    private static final GnmiCredentials LOGIN = new GnmiCredentials("lab-admin", "Lab-Pa55word");
    private static final PayloadValidator VALIDATOR = YangPayloadValidator.bundled();

    @TempDir
    static Path dir;
    static X509Bundle cert;
    static EmulatedLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        cert = new CertificateBuilder().subject("CN=lab").ecp256().setIsCertificateAuthority(true)
                .addSanDnsName("lab.local").addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth()
                .buildSelfSigned();
        Path chain = Files.writeString(dir.resolve("chain.pem"), cert.getCertificatePathPEM());
        Path key = Files.writeString(dir.resolve("key.pem"), cert.getPrivateKeyPEM());
        lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"), LabOptions.defaults()
                .withTls(new LabOptions.TlsFiles(chain, key)).withCredentials(LOGIN.username(), LOGIN.password()));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static GnmiDeviceDriver roadm(GnmiTransport transport, Optional<GnmiCredentials> login) {
        DeviceEndpoint ep = lab.endpoint("alder-roadm");
        return new GnmiDeviceDriver(new GnmiDeviceConfig(ep.name(), GnmiDeviceType.ROADM, ep.host(), ep.port(),
                transport, login, Duration.ofSeconds(10), BackoffPolicy.DEFAULT), VALIDATOR,
                new ManualScheduler());
    }

    private static GnmiTransport.Tls trusted() {
        return GnmiTransport.Tls.trusting(cert.getCertificatePEM().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void verifiedTlsWithCredentialsConfiguresTheRoadm() throws Exception {
        try (GnmiDeviceDriver d = roadm(trusted(), Optional.of(LOGIN))) {
            d.discover().get(20, TimeUnit.SECONDS);
            MediaChannelConfig roadm = d.behaviour(MediaChannelConfig.class).orElseThrow();
            MediaChannel channel = new MediaChannel(9, 193_000_000, 193_050_000, "add1", "east", 0);
            var change = roadm.configureMediaChannel(channel).get(20, TimeUnit.SECONDS);
            assertTrue(roadm.readMediaChannels().get(20, TimeUnit.SECONDS).contains(channel));
            change.revert().get(20, TimeUnit.SECONDS);
            assertFalse(roadm.readMediaChannels().get(20, TimeUnit.SECONDS).contains(channel));
        }
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        try (GnmiDeviceDriver d = roadm(trusted(), Optional.of(new GnmiCredentials("lab-admin", "guess")))) {
            CompletionException e = assertThrows(CompletionException.class, () -> d.behaviour(MediaChannelConfig.class)
                    .orElseThrow().readMediaChannels().orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(DeviceException.Kind.UNAUTHENTICATED, DeviceException.unwrap(e).kind());
        }
    }

    @Test
    void missingCredentialsAreUnauthenticated() {
        try (GnmiDeviceDriver d = roadm(trusted(), Optional.empty())) {
            CompletionException e = assertThrows(CompletionException.class, () -> d.behaviour(MediaChannelConfig.class)
                    .orElseThrow().readMediaChannels().orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(DeviceException.Kind.UNAUTHENTICATED, DeviceException.unwrap(e).kind());
        }
    }
}
