package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transaction details the emulator cannot provoke: Set counting and a device that lies about applying. */
class GnmiSessionTest {

    private TestGnmiTarget target;
    private GnmiDeviceDriver driver;
    private CrossConnectConfig ocs;

    @BeforeEach
    void start() {
        target = TestGnmiTarget.plaintext(GnmiDeviceType.OPTICAL_SWITCH).start();
        driver = new GnmiDeviceDriver(new GnmiDeviceConfig("ocs", GnmiDeviceType.OPTICAL_SWITCH, "127.0.0.1",
                target.port(), new GnmiTransport.PlaintextForLabOnly(), Optional.empty(), Duration.ofSeconds(5),
                BackoffPolicy.DEFAULT), PayloadValidator.NONE, new ManualScheduler());
        ocs = driver.behaviour(CrossConnectConfig.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        driver.close();
        target.close();
    }

    @Test
    void oneChangeIsOneSetRequestAndOneRevertIsAnother() throws Exception {
        AppliedChange bulk = ocs.connectAll(List.of(new CrossConnect("a", "b"), new CrossConnect("c", "d"),
                new CrossConnect("e", "f"))).get(20, TimeUnit.SECONDS);
        assertEquals(1, target.setCalls());
        bulk.revert().get(20, TimeUnit.SECONDS);
        assertEquals(2, target.setCalls());
        assertEquals(List.of(), ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
    }

    @Test
    void disconnectingAnAbsentCrossConnectSendsNothing() throws Exception {
        AppliedChange change = ocs.disconnect("nowhere").get(20, TimeUnit.SECONDS);
        change.revert().get(20, TimeUnit.SECONDS);
        assertEquals(0, target.setCalls());
    }

    @Test
    void closingTheDriverEndsItsSubscriptionsOnTheDevice() throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.behaviour(io.lightpath.southbound.spi.StateSubscriber.class).orElseThrow().subscribe(
                java.util.Set.of("p1"), java.util.Set.of(io.lightpath.southbound.spi.StateMetric.OPER_STATUS),
                Duration.ofSeconds(1), listener);
        listener.awaitSyncs(1);
        target.awaitActiveSubscribeStreams(1, Duration.ofSeconds(10));
        driver.close();
        target.awaitActiveSubscribeStreams(0, Duration.ofSeconds(10));
        assertEquals(0, listener.disconnects().size(), "a deliberate close is not a disconnect");
    }

    @Test
    void aSetAppliedButAnsweredAfterTheDeadlineIsCompensated() throws Exception {
        ocs.connect(new CrossConnect("a", "b")).get(20, TimeUnit.SECONDS);
        String before = target.configSnapshot();
        try (GnmiDeviceDriver impatient = new GnmiDeviceDriver(driver.session().client().config()
                .withRpcDeadline(Duration.ofSeconds(2)), PayloadValidator.NONE, new ManualScheduler())) {
            target.applyThenReplySlowlyToNextSets(1, 8000);
            CompletionException e = assertThrows(CompletionException.class, () -> impatient
                    .behaviour(CrossConnectConfig.class).orElseThrow().connect(new CrossConnect("a", "c"))
                    .orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(DeviceException.Kind.DEADLINE_EXCEEDED, DeviceException.unwrap(e).kind());
            assertEquals(0, e.getCause().getSuppressed().length, "the compensation succeeded");
        }
        assertEquals(before, target.configSnapshot(), "the device applied the change, the compensation undid it");
        assertEquals(3, target.setCalls());
    }

    @Test
    void aDeviceThatAcknowledgesWithoutApplyingFailsVerification() throws Exception {
        ocs.connect(new CrossConnect("a", "b")).get(20, TimeUnit.SECONDS);
        String before = target.configSnapshot();
        target.ackWithoutApplyingNextSets(1);
        CompletionException e = assertThrows(CompletionException.class,
                () -> ocs.connect(new CrossConnect("a", "c")).orTimeout(20, TimeUnit.SECONDS).join());
        assertEquals(DeviceException.Kind.VERIFICATION_FAILED, DeviceException.unwrap(e).kind());
        assertEquals(3, target.setCalls(), "first change, the ignored one, and its compensation");
        assertEquals(before, target.configSnapshot());
    }
}
