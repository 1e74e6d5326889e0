package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.southbound.spi.ConnectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An idle ROADM's session follows the device through the periodic Capabilities check, in manual time. */
class LivenessCheckTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestGnmiTarget target;
    private ManualScheduler time;
    private GnmiDeviceDriver driver;

    @BeforeEach
    void start() throws Exception {
        target = TestGnmiTarget.plaintext(GnmiDeviceType.ROADM).start();
        time = new ManualScheduler();
        driver = new GnmiDeviceDriver(target.clientConfig("roadm", GnmiDeviceType.ROADM), PayloadValidator.NONE, time);
        driver.discover().get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        driver.close();
        target.close();
    }

    @Test
    void anIdleDeviceThatDisappearsIsUnreachableAndConnectedAgainWhenBack() throws Exception {
        driver.startLivenessChecks(INTERVAL);
        driver.startLivenessChecks(INTERVAL); // a second start changes nothing
        assertEquals(List.of(INTERVAL), time.requestedDelays());
        assertEquals(ConnectionStatus.State.CONNECTED, driver.connectionStatus().state());

        time.advance(INTERVAL); // the device answers: next check one interval later
        time.awaitScheduled(2, WAIT);
        assertEquals(INTERVAL, time.requestedDelays().get(1));
        assertEquals(ConnectionStatus.State.CONNECTED, driver.connectionStatus().state());

        target.stop();
        time.advance(INTERVAL); // nothing else is sent to the device, yet its state follows it
        time.awaitScheduled(3, WAIT);
        assertEquals(ConnectionStatus.State.UNREACHABLE, driver.connectionStatus().state());
        assertEquals(1, driver.livenessFailures());
        assertEquals(BackoffPolicy.DEFAULT.delay(0), time.requestedDelays().get(2), "retried after the backoff");

        target.restart();
        time.advance(BackoffPolicy.DEFAULT.delay(0));
        time.awaitScheduled(4, WAIT);
        assertEquals(ConnectionStatus.State.CONNECTED, driver.connectionStatus().state());
        assertEquals(0, driver.livenessFailures());
        assertEquals(INTERVAL, time.requestedDelays().get(3), "back to the normal interval");
    }

    @Test
    void closingTheDriverStopsTheChecks() {
        driver.startLivenessChecks(INTERVAL);
        assertEquals(1, time.pending());
        driver.close();
        assertEquals(0, time.pending());
        driver.startLivenessChecks(INTERVAL);
        assertEquals(0, time.pending(), "a closed driver starts nothing");
    }
}
