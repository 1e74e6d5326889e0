package io.lightpath.southbound.gnmi;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole driver contract again, with every driver keeping a {@link ConfigMirror}: priors and verification come
 * from the device's config stream wherever it can answer, and every outcome the contract pins (conflicts, rejected
 * and ignored Sets, timeouts, reverts, outages) must stay the same.
 */
class MirroredEmulatorContractTest extends EmulatorContractTest {

    /** The mirror's grace timer and resubscriptions run in real time; the contract's own scheduler stays manual. */
    private final ScheduledExecutorService mirrorTimer = Executors.newSingleThreadScheduledExecutor();
    private final Set<GnmiDeviceType> mirrored = EnumSet.noneOf(GnmiDeviceType.class);

    @Override
    protected GnmiDeviceDriver driver(GnmiDeviceType type) {
        GnmiDeviceDriver driver = super.driver(type);
        if (mirrored.add(type)) {
            try {
                driver.startConfigMirror(Duration.ofMillis(200), Scheduler.of(mirrorTimer))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(type + ": config mirror did not sync", e);
            }
        }
        return driver;
    }

    @Override
    protected boolean changesReadTheDevice() {
        return false;
    }

    @AfterEach
    void stopMirrorTimer() {
        closeDrivers(); // before the timer stops: a closing stream must not schedule on a dead executor
        mirrored.clear();
        mirrorTimer.shutdownNow();
    }
}
