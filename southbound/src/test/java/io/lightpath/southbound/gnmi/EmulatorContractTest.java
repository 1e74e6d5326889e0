package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.StateEvent;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.StateSubscription;
import io.lightpath.southbound.spi.TransponderConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the driver contract against the emulated lab ({@code hexa-metro}: transponder fern-tp1, ROADM fern-roadm,
 * OCS fern-ocs), each a real gNMI target on a loopback port, with payloads validated by the yang module.
 *
 * <p>Setup lights a loop so that oper-status can change: both line ports of fern-tp1 are tuned to the same
 * frequency and the OCS joins their ports p1 and p2, so line2 receives line1's carrier; cutting fiber
 * fern-tp1-l2 darkens it.
 */
class EmulatorContractTest extends AbstractGnmiDriverContractTest {

    private static final PayloadValidator VALIDATOR = YangPayloadValidator.bundled();
    private static final Map<GnmiDeviceType, String> DEVICES = Map.of(
            GnmiDeviceType.TRANSPONDER, "fern-tp1",
            GnmiDeviceType.ROADM, "fern-roadm",
            GnmiDeviceType.OPTICAL_SWITCH, "fern-ocs");
    private static final long LOOP_FREQUENCY_MHZ = 193_100_000;

    private EmulatedLab lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"), labOptions());
        TransponderConfig tp = driver(GnmiDeviceType.TRANSPONDER).behaviour(TransponderConfig.class).orElseThrow();
        await(tp.configureOpticalChannel(new OpticalChannelConfig("line1", LOOP_FREQUENCY_MHZ, 0.0, 1, true)));
        await(tp.configureOpticalChannel(new OpticalChannelConfig("line2", LOOP_FREQUENCY_MHZ, 0.0, 1, true)));
        CrossConnectConfig ocs = driver(GnmiDeviceType.OPTICAL_SWITCH).behaviour(CrossConnectConfig.class)
                .orElseThrow();
        await(ocs.connect(new CrossConnect("p1", "p2")));
    }

    @Test
    void oneWildcardSubscriptionReportsEveryComponentOfTheTransponder() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (StateSubscription sub = driver(GnmiDeviceType.TRANSPONDER).behaviour(StateSubscriber.class)
                .orElseThrow().subscribeAll(Set.of(StateMetric.OPER_STATUS, StateMetric.LOSS_OF_SIGNAL), listener)) {
            listener.awaitSyncs(1);
            assertTrue(sub.connected());
            // Both lit line ports of the loop report, each under its own name, from the one stream.
            listener.awaitEvent("line1", StateMetric.OPER_STATUS, 1);
            listener.awaitEvent("line2", StateMetric.OPER_STATUS, 1);
            listener.awaitEvent("line1", StateMetric.LOSS_OF_SIGNAL, 0);
            int seen = listener.events().size();
            changeLight(false);
            listener.awaitEventAfter(seen, "line1", StateMetric.OPER_STATUS, 0);
            listener.awaitEventAfter(seen, "line1", StateMetric.LOSS_OF_SIGNAL, 1);
            seen = listener.events().size();
            changeLight(true);
            listener.awaitEventAfter(seen, "line1", StateMetric.LOSS_OF_SIGNAL, 0);
        }
    }

    @Test
    void connectedDoesNotWaitForADeliveryInProgress() throws Exception {
        // A listener may ask subscriptions whether they are connected while one of them is delivering
        // (the controller's carrier cache asks about both ends of a channel); that must not need the
        // delivering subscription's lock, or two transponders' streams delivering at once deadlock.
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<StateSubscription> self = new AtomicReference<>();
        StateListener blocking = new StateListener() {
            @Override
            public void onEvent(StateEvent e) {
                inListener.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (StateSubscription sub = driver(GnmiDeviceType.TRANSPONDER).behaviour(StateSubscriber.class)
                .orElseThrow().subscribeAll(Set.of(StateMetric.OPER_STATUS), blocking)) {
            self.set(sub);
            assertTrue(inListener.await(30, TimeUnit.SECONDS), "no event delivered");
            // the delivering thread holds the subscription inside the listener right now
            CompletableFuture<Boolean> asked = CompletableFuture.supplyAsync(() -> self.get().connected());
            try {
                assertTrue(asked.get(10, TimeUnit.SECONDS), "connected() blocked behind the delivery");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void wholeDeviceSubscriptionOfAnalogueMetricsIsRefused() {
        StateSubscriber subscriber = driver(GnmiDeviceType.TRANSPONDER).behaviour(StateSubscriber.class).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> subscriber.subscribeAll(Set.of(StateMetric.OSNR_DB),
                new RecordingListener()));
    }

    /** Options of the lab; the default serves each device on its own port. */
    protected LabOptions labOptions() {
        return LabOptions.defaults();
    }

    @AfterEach
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Override
    protected PayloadValidator validator() {
        return VALIDATOR;
    }

    @Override
    protected GnmiDeviceConfig config(GnmiDeviceType type) {
        DeviceEndpoint ep = lab.endpoint(DEVICES.get(type));
        return new GnmiDeviceConfig(ep.name(), type, ep.host(), ep.port(), new GnmiTransport.PlaintextForLabOnly(),
                Optional.empty(), Duration.ofSeconds(10), InTestTargetContractTest.BACKOFF, ep.target());
    }

    @Override
    protected String opticalChannel() {
        return "line2";
    }

    @Override
    protected List<String> roadmPorts() {
        return List.of("add2", "east");
    }

    @Override
    protected List<String> freeOcsPorts() {
        return List.of("p3", "p4", "p5", "p6", "p7", "p8");
    }

    private io.lightpath.southbound.emulator.device.EmulatedDevice device(GnmiDeviceType type) {
        return lab.device(DEVICES.get(type));
    }

    @Override
    protected void injectSetFailure(GnmiDeviceType type) {
        device(type).faults().setFailingSets(1);
    }

    @Override
    protected void injectSetLatency(GnmiDeviceType type, Duration latency) {
        device(type).faults().setLatencyMs(latency.toMillis());
    }

    @Override
    protected void clearFaults(GnmiDeviceType type) {
        device(type).clearFaults();
    }

    @Override
    protected void injectMalformedReplies(GnmiDeviceType type, boolean on) {
        device(type).faults().setMalformedReplies(on);
    }

    @Override
    protected void stopDevice(GnmiDeviceType type) {
        device(type).setDown(true);
    }

    @Override
    protected void restartDevice(GnmiDeviceType type) {
        device(type).setDown(false);
    }

    @Override
    protected void changeLight(boolean present) {
        if (present) {
            lab.network().repairFiber("fern-tp1-l2");
        } else {
            lab.network().cutFiber("fern-tp1-l2");
        }
    }
}
