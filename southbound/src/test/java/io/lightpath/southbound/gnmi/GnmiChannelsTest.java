package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.spi.DeviceException;
import io.netty.pkitesting.X509Bundle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GnmiChannels}: which clients share a channel, how devices spread over an endpoint's channels, and that
 * the last client to close shuts the channel down while the others keep working. Against in-test targets on
 * loopback; {@link SharedPortChannelsTest} does the same against the emulated lab.
 */
class GnmiChannelsTest {

    private static final GnmiDeviceType OCS = GnmiDeviceType.OPTICAL_SWITCH;
    private static final GnmiCredentials LOGIN = new GnmiCredentials("admin", "s3cr3t-Pa55");

    private final List<GnmiClient> clients = new ArrayList<>();
    private final List<TestGnmiTarget> targets = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(GnmiClient::close);
        targets.forEach(TestGnmiTarget::close);
    }

    private TestGnmiTarget plaintextTarget() {
        TestGnmiTarget t = TestGnmiTarget.plaintext(OCS).start();
        targets.add(t);
        return t;
    }

    private GnmiClient client(GnmiChannels channels, GnmiDeviceConfig config) {
        GnmiClient c = new GnmiClient(config, Clock.systemUTC(), channels);
        clients.add(c);
        return c;
    }

    private static GnmiDeviceConfig tlsConfig(String deviceId, int port, GnmiTransport.Tls tls,
            Optional<GnmiCredentials> login) {
        return new GnmiDeviceConfig(deviceId, OCS, "127.0.0.1", port, tls, login, Duration.ofSeconds(10),
                BackoffPolicy.DEFAULT);
    }

    private static void answers(GnmiClient client) throws Exception {
        assertEquals(OCS.requiredModels().size(),
                client.capabilities().get(20, TimeUnit.SECONDS).getSupportedModelsCount(), client.deviceId());
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @Test
    void devicesOfOneEndpointAreSpreadOverItsChannelsInTurn() throws Exception {
        TestGnmiTarget target = plaintextTarget();
        GnmiChannels channels = new GnmiChannels(2);
        List<GnmiClient> cs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cs.add(client(channels, target.clientConfig("ocs-" + i, OCS).withTarget("ocs-" + i)));
        }

        assertEquals(2, channels.openChannels());
        assertSame(cs.get(0).channel(), cs.get(2).channel());
        assertSame(cs.get(0).channel(), cs.get(4).channel());
        assertSame(cs.get(1).channel(), cs.get(3).channel());
        assertNotSame(cs.get(0).channel(), cs.get(1).channel());
        for (GnmiClient c : cs) {
            answers(c);
        }
        // a channel that lost a device gets the next one, so the spread stays even
        cs.get(1).close();
        GnmiClient next = client(channels, target.clientConfig("ocs-5", OCS));
        assertSame(cs.get(3).channel(), next.channel());
    }

    @Test
    void oneChannelPerEndpointPutsEveryDeviceOnIt() {
        TestGnmiTarget target = plaintextTarget();
        GnmiChannels channels = new GnmiChannels(1);
        GnmiClient a = client(channels, target.clientConfig("a", OCS));
        GnmiClient b = client(channels, target.clientConfig("b", OCS));
        GnmiClient c = client(channels, target.clientConfig("c", OCS));

        assertSame(a.channel(), b.channel());
        assertSame(a.channel(), c.channel());
        assertEquals(1, channels.openChannels());
        assertThrows(IllegalArgumentException.class, () -> new GnmiChannels(0));
    }

    @Test
    void closingAClientLeavesTheOthersOnItsChannelWorkingAndTheLastOneTerminatesIt() throws Exception {
        TestGnmiTarget target = plaintextTarget();
        GnmiChannels channels = new GnmiChannels(1);
        GnmiClient a = client(channels, target.clientConfig("a", OCS));
        GnmiClient b = client(channels, target.clientConfig("b", OCS));
        io.grpc.ManagedChannel shared = a.channel();
        answers(a);
        answers(b);

        a.close();
        a.close(); // a second close must not give the channel back twice: b still holds it

        assertFalse(shared.isShutdown(), "closed while b uses it");
        answers(b);
        DeviceException late = failure(a.capabilities());
        assertEquals(DeviceException.Kind.UNAVAILABLE, late.kind(), late.getMessage());
        assertTrue(late.getMessage().contains("closed"), late.getMessage());
        assertEquals(1, channels.openChannels());

        b.close();

        assertTrue(shared.isTerminated(), "the last client's close waits for the channel to terminate");
        assertEquals(0, channels.openChannels());
        // the endpoint starts over with a new channel
        GnmiClient c = client(channels, target.clientConfig("c", OCS));
        assertNotSame(shared, c.channel());
        answers(c);
    }

    @Test
    void aClientOfAnEndpointOfItsOwnHasAChannelItsCloseShutsDown() throws Exception {
        GnmiChannels channels = new GnmiChannels(2);
        GnmiClient a = client(channels, plaintextTarget().clientConfig("a", OCS));
        GnmiClient b = client(channels, plaintextTarget().clientConfig("b", OCS));
        assertNotSame(a.channel(), b.channel(), "different ports");
        answers(a);
        answers(b);

        a.close();

        assertTrue(a.channel().isTerminated());
        answers(b);
        assertEquals(1, channels.openChannels());
    }

    @Test
    void theChannelKeyIsAddressAndTransportNotDeviceTargetOrCredentials() throws Exception {
        GnmiChannels channels = new GnmiChannels(1);
        byte[] ca = GnmiSecurityTest.pem(GnmiSecurityTest.certificate("gw.lab", true));
        byte[] otherCa = GnmiSecurityTest.pem(GnmiSecurityTest.certificate("gw.lab", true));
        GnmiTransport.Tls trustCa = GnmiTransport.Tls.trusting(ca);
        GnmiClient base = client(channels, tlsConfig("d1", 9339, trustCa, Optional.of(LOGIN)));

        // the same certificates in another array, another device, target and login: the same channel
        GnmiClient same = client(channels, tlsConfig("d2", 9339, GnmiTransport.Tls.trusting(ca.clone()),
                Optional.of(new GnmiCredentials("other", "pw"))).withTarget("d2"));
        assertSame(base.channel(), same.channel());

        List<GnmiDeviceConfig> others = List.of(
                tlsConfig("d3", 9339, GnmiTransport.Tls.trusting(otherCa), Optional.of(LOGIN)),
                tlsConfig("d4", 9339, new GnmiTransport.Tls(Optional.empty(), Optional.empty()), Optional.of(LOGIN)),
                tlsConfig("d5", 9339, new GnmiTransport.Tls(Optional.of(ca), Optional.of("gw.lab")),
                        Optional.of(LOGIN)),
                tlsConfig("d6", 9340, trustCa, Optional.of(LOGIN)),
                new GnmiDeviceConfig("d7", OCS, "localhost", 9339, trustCa, Optional.of(LOGIN),
                        Duration.ofSeconds(10), BackoffPolicy.DEFAULT),
                new GnmiDeviceConfig("d8", OCS, "127.0.0.1", 9339, new GnmiTransport.PlaintextForLabOnly(),
                        Optional.empty(), Duration.ofSeconds(10), BackoffPolicy.DEFAULT));
        List<io.grpc.ManagedChannel> seen = new ArrayList<>(List.of(base.channel()));
        for (GnmiDeviceConfig c : others) {
            io.grpc.ManagedChannel ch = client(channels, c).channel();
            for (io.grpc.ManagedChannel s : seen) {
                assertNotSame(s, ch, c.deviceId() + " shares a channel it must not");
            }
            seen.add(ch);
        }
        assertEquals(1 + others.size(), channels.openChannels());
    }

    @Test
    void aClientTrustingAnotherCertificateDoesNotRideAVerifiedConnection() throws Exception {
        X509Bundle cert = GnmiSecurityTest.certificate("ocs-1.lab", true);
        TestGnmiTarget target = new TestGnmiTarget(List.copyOf(OCS.requiredModels()),
                GnmiSecurityTest.serverCredentials(cert), Optional.of(LOGIN)).start();
        targets.add(target);
        GnmiChannels channels = new GnmiChannels(1);
        GnmiClient trusting = client(channels, tlsConfig("a", target.port(),
                GnmiTransport.Tls.trusting(GnmiSecurityTest.pem(cert)), Optional.of(LOGIN)));
        answers(trusting); // the verified connection is up

        GnmiClient untrusting = client(channels, tlsConfig("b", target.port(),
                GnmiTransport.Tls.trusting(GnmiSecurityTest.pem(GnmiSecurityTest.certificate("ocs-1.lab", true))),
                Optional.of(LOGIN)));
        GnmiClient wrongPassword = client(channels, tlsConfig("c", target.port(),
                GnmiTransport.Tls.trusting(GnmiSecurityTest.pem(cert)),
                Optional.of(new GnmiCredentials("admin", "not-the-Password-42"))));

        assertEquals(DeviceException.Kind.UNAVAILABLE, failure(untrusting.capabilities()).kind());
        // shares the verified connection, but its own credentials go with its own calls
        assertSame(trusting.channel(), wrongPassword.channel());
        assertEquals(DeviceException.Kind.UNAUTHENTICATED, failure(wrongPassword.capabilities()).kind());
        answers(trusting);
    }
}
