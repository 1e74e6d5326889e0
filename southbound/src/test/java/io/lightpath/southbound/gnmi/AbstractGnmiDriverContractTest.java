package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.southbound.spi.ChangeJournal;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceDescription;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.StateSubscription;
import io.lightpath.southbound.spi.TransponderConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gNMI driver contract, in the style of grpc-java's interop tests: the test methods live here, a concrete
 * subclass provides the targets (an in-test gNMI service, or the device emulator) and their fault injection.
 * Everything runs over real loopback sockets.
 */
public abstract class AbstractGnmiDriverContractTest {

    /** Bound for waiting on a future in a test; the deadline under test is far shorter. */
    private static final long WAIT_SECONDS = 20;

    protected final ManualScheduler scheduler = new ManualScheduler();
    private final Map<GnmiDeviceType, GnmiDeviceDriver> drivers = new EnumMap<>(GnmiDeviceType.class);

    // ---- what a target provides ---------------------------------------------------------------------

    /** Connection settings of the device of this type. */
    protected abstract GnmiDeviceConfig config(GnmiDeviceType type);

    /** Name of an optical-channel component of the transponder that carries a logical channel. */
    protected abstract String opticalChannel();

    /** Two or more port names of the ROADM usable as media channel source and destination. */
    protected abstract List<String> roadmPorts();

    /** Six or more OCS port names that carry no cross-connect yet. */
    protected abstract List<String> freeOcsPorts();

    /** Makes the next Set on the device fail with an error (the device rejects it). */
    protected abstract void injectSetFailure(GnmiDeviceType type);

    /** Makes the next Set on the device take longer than {@code latency}. */
    protected abstract void injectSetLatency(GnmiDeviceType type, Duration latency);

    /** Removes every injected fault of the device (latency, failing Sets, malformed replies). */
    protected abstract void clearFaults(GnmiDeviceType type);

    /** Makes Get replies of the device unparseable (or restores them). */
    protected abstract void injectMalformedReplies(GnmiDeviceType type, boolean on);

    /** Takes the device off the network. */
    protected abstract void stopDevice(GnmiDeviceType type) throws Exception;

    /** Brings the device back on the same address, with its configuration. */
    protected abstract void restartDevice(GnmiDeviceType type) throws Exception;

    /**
     * Makes light reach (or stop reaching) the receiver of {@link #opticalChannel()}, so that its oper-status and
     * loss of signal change.
     */
    protected abstract void changeLight(boolean present) throws Exception;

    /** Number of Subscribe streams the device is serving, if the target can tell. */
    protected OptionalInt activeSubscribeStreams(GnmiDeviceType type) {
        return OptionalInt.empty();
    }

    protected PayloadValidator validator() {
        return PayloadValidator.NONE;
    }

    /** False when changes take priors and verification from a config stream instead of Gets. */
    protected boolean changesReadTheDevice() {
        return true;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    protected GnmiDeviceDriver driver(GnmiDeviceType type) {
        return drivers.computeIfAbsent(type, t -> new GnmiDeviceDriver(config(t), validator(), scheduler));
    }

    @AfterEach
    void closeDrivers() {
        drivers.values().forEach(GnmiDeviceDriver::close);
        drivers.clear();
    }

    protected static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    protected static DeviceException.Kind failureKind(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> f.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join());
        DeviceException de = DeviceException.unwrap(e);
        if (de == null) {
            throw new AssertionError("expected a DeviceException", e);
        }
        return de.kind();
    }

    /** The device's whole CONFIG tree exactly as its Get returns it (values only; timestamps excluded). */
    protected String snapshot(GnmiDeviceType type) throws Exception {
        GetResponse response = await(driver(type).session().client().get(GetRequest.newBuilder()
                .setPrefix(config(type).prefix()).addPath(Path.getDefaultInstance()).setType(GetRequest.DataType.CONFIG)
                .setEncoding(Encoding.JSON_IETF).build()));
        StringBuilder out = new StringBuilder();
        for (Notification n : response.getNotificationList()) {
            for (Update u : n.getUpdateList()) {
                out.append(GnmiPaths.format(GnmiPaths.join(n.getPrefix(), u.getPath()))).append('=')
                        .append(u.getVal().toByteString().toStringUtf8()).append('\n');
            }
        }
        return out.toString();
    }

    private TransponderConfig transponder() {
        return driver(GnmiDeviceType.TRANSPONDER).behaviour(TransponderConfig.class).orElseThrow();
    }

    private MediaChannelConfig roadm() {
        return driver(GnmiDeviceType.ROADM).behaviour(MediaChannelConfig.class).orElseThrow();
    }

    private CrossConnectConfig ocs() {
        return driver(GnmiDeviceType.OPTICAL_SWITCH).behaviour(CrossConnectConfig.class).orElseThrow();
    }

    private OpticalChannelConfig tuned(long frequencyMhz) {
        return new OpticalChannelConfig(opticalChannel(), frequencyMhz, -1.5, 1, true);
    }

    private MediaChannel mediaChannel(int index) {
        return new MediaChannel(index, 193_050_000, 193_125_000, roadmPorts().get(0), roadmPorts().get(1), 0.0);
    }

    // ---- capabilities ------------------------------------------------------------------------------------

    @Test
    void discoverChecksRequiredModelsOfEveryDeviceType() throws Exception {
        for (GnmiDeviceType type : GnmiDeviceType.values()) {
            DeviceDescription d = await(driver(type).discover());
            assertEquals(config(type).deviceId(), d.deviceId());
            for (String model : type.requiredModels()) {
                assertTrue(d.supports(model), type + " supports " + model);
            }
            assertFalse(d.protocolVersion().isEmpty());
        }
    }

    @Test
    void behavioursMatchTheDeviceType() {
        assertTrue(driver(GnmiDeviceType.TRANSPONDER).behaviour(TransponderConfig.class).isPresent());
        assertTrue(driver(GnmiDeviceType.TRANSPONDER).behaviour(OpticalStateReader.class).isPresent());
        assertTrue(driver(GnmiDeviceType.TRANSPONDER).behaviour(CrossConnectConfig.class).isEmpty());
        assertTrue(driver(GnmiDeviceType.ROADM).behaviour(MediaChannelConfig.class).isPresent());
        assertTrue(driver(GnmiDeviceType.OPTICAL_SWITCH).behaviour(CrossConnectConfig.class).isPresent());
        assertTrue(driver(GnmiDeviceType.OPTICAL_SWITCH).behaviour(StateSubscriber.class).isPresent());
    }

    // ---- transponder -------------------------------------------------------------------------------------

    @Test
    void transponderChangeIsReadBackAndRevertRestoresTheDeviceByteForByte() throws Exception {
        String before = snapshot(GnmiDeviceType.TRANSPONDER);
        OpticalChannelConfig wanted = tuned(193_400_000);
        AppliedChange change = await(transponder().configureOpticalChannel(wanted));
        assertEquals(wanted, await(transponder().readOpticalChannel(opticalChannel())));
        assertNotEquals(before, snapshot(GnmiDeviceType.TRANSPONDER));

        await(change.revert());
        assertEquals(before, snapshot(GnmiDeviceType.TRANSPONDER));
    }

    @Test
    void everyTunedOpticalChannelIsListedWithItsConfiguration() throws Exception {
        OpticalChannelConfig wanted = tuned(193_450_000);
        AppliedChange change = await(transponder().configureOpticalChannel(wanted));
        assertTrue(await(transponder().readOpticalChannels()).contains(wanted));
        OpticalChannelConfig off = new OpticalChannelConfig(opticalChannel(), 193_450_000,
                wanted.targetOutputPowerDbm(), wanted.operationalMode(), false);
        await(transponder().configureOpticalChannel(off));
        assertTrue(await(transponder().readOpticalChannels()).contains(off), "a disabled channel is listed too");
        await(change.revert());
    }

    @Test
    void transponderCanBeDisabledAndReEnabled() throws Exception {
        OpticalChannelConfig off = new OpticalChannelConfig(opticalChannel(), 193_200_000, 0.0, 1, false);
        AppliedChange change = await(transponder().configureOpticalChannel(off));
        assertFalse(await(transponder().readOpticalChannel(opticalChannel())).adminEnabled());
        await(change.revert());
        assertTrue(await(transponder().readOpticalChannel(opticalChannel())).adminEnabled());
    }

    @Test
    void transponderStateIsReadable() throws Exception {
        OpticalStateReader reader = driver(GnmiDeviceType.TRANSPONDER).behaviour(OpticalStateReader.class)
                .orElseThrow();
        OpticalChannelState state = await(reader.readOpticalChannelState(opticalChannel()));
        assertEquals(opticalChannel(), state.componentName());
        assertTrue(state.outputPowerDbm().isPresent(), "output power reported");
        assertTrue(state.inputPowerDbm().isPresent(), "input power reported");
    }

    @Test
    void readingAnUnknownChannelIsNotFound() {
        assertEquals(DeviceException.Kind.NOT_FOUND, failureKind(transponder().readOpticalChannel("no-such-och")));
    }

    // ---- ROADM -----------------------------------------------------------------------------------------------

    @Test
    void mediaChannelIsCreatedReadRemovedAndEveryStepReverts() throws Exception {
        String before = snapshot(GnmiDeviceType.ROADM);
        MediaChannel channel = mediaChannel(77);
        AppliedChange create = await(roadm().configureMediaChannel(channel));
        assertTrue(await(roadm().readMediaChannels()).contains(channel));

        AppliedChange remove = await(roadm().removeMediaChannel(77));
        assertFalse(await(roadm().readMediaChannels()).stream().anyMatch(c -> c.index() == 77));
        await(remove.revert());
        assertTrue(await(roadm().readMediaChannels()).contains(channel));

        await(create.revert());
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
    }

    @Test
    void removingAnAbsentMediaChannelIsANoOp() throws Exception {
        String before = snapshot(GnmiDeviceType.ROADM);
        AppliedChange change = await(roadm().removeMediaChannel(4242));
        await(change.revert());
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
    }

    @Test
    void attenuationTheModelCannotCarryIsRefusedBeforeSending() throws Exception {
        String before = snapshot(GnmiDeviceType.ROADM);
        MediaChannel attenuated = new MediaChannel(78, 193_050_000, 193_125_000, roadmPorts().get(0),
                roadmPorts().get(1), 3.0);
        assertEquals(DeviceException.Kind.INVALID_REQUEST, failureKind(roadm().configureMediaChannel(attenuated)));
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
    }

    // ---- batches -------------------------------------------------------------------------------------------

    private ConfigBatch batch(GnmiDeviceType type) {
        return driver(type).behaviour(ConfigBatch.class).orElseThrow();
    }

    @Test
    void everyDeviceTypeOffersBatches() {
        for (GnmiDeviceType type : GnmiDeviceType.values()) {
            assertTrue(driver(type).behaviour(ConfigBatch.class).isPresent(), type.toString());
        }
    }

    @Test
    void mediaChannelBatchAppliesTogetherAndRevertsByteForByte() throws Exception {
        String before = snapshot(GnmiDeviceType.ROADM);
        MediaChannel a = mediaChannel(81);
        MediaChannel b = new MediaChannel(82, 193_050_000, 193_125_000, roadmPorts().get(1), roadmPorts().get(0), 0.0);
        AppliedChange change = await(batch(GnmiDeviceType.ROADM).applyAll(List.of(
                new ConfigChange.PutMediaChannel(a, true), new ConfigChange.PutMediaChannel(b, true))));
        assertTrue(await(roadm().readMediaChannels()).containsAll(List.of(a, b)));
        await(change.revert());
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
    }

    @Test
    void mediaChannelAtATakenIndexIsAConflictAndNothingIsSent() throws Exception {
        MediaChannel mine = mediaChannel(83);
        AppliedChange first = await(roadm().configureMediaChannel(mine));
        String before = snapshot(GnmiDeviceType.ROADM);
        MediaChannel other = new MediaChannel(83, 193_300_000, 193_350_000, roadmPorts().get(0), roadmPorts().get(1),
                0.0);
        MediaChannel free = new MediaChannel(84, 193_300_000, 193_350_000, roadmPorts().get(1), roadmPorts().get(0),
                0.0);
        assertEquals(DeviceException.Kind.CONFLICT, failureKind(batch(GnmiDeviceType.ROADM).applyAll(List.of(
                new ConfigChange.PutMediaChannel(free, true), new ConfigChange.PutMediaChannel(other, true)))));
        assertEquals(DeviceException.Kind.CONFLICT, failureKind(batch(GnmiDeviceType.ROADM).applyAll(List.of(
                new ConfigChange.RemoveMediaChannel(other)))));
        assertEquals(before, snapshot(GnmiDeviceType.ROADM), "the other service's channel is untouched");
        // The same channel again is fine (a retried provision) and changes nothing.
        AppliedChange again = await(batch(GnmiDeviceType.ROADM).applyAll(List.of(
                new ConfigChange.PutMediaChannel(mine, true))));
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
        await(again.revert());
        AppliedChange removed = await(batch(GnmiDeviceType.ROADM).applyAll(List.of(
                new ConfigChange.RemoveMediaChannel(mine))));
        assertFalse(await(roadm().readMediaChannels()).contains(mine));
        await(removed.revert());
        assertEquals(before, snapshot(GnmiDeviceType.ROADM));
        await(first.revert());
    }

    @Test
    void transponderResetRemovesTheTuningIsIdempotentAndReverts() throws Exception {
        AppliedChange tune = await(batch(GnmiDeviceType.TRANSPONDER).applyAll(List.of(
                new ConfigChange.TuneOpticalChannel(tuned(193_450_000)))));
        String lit = snapshot(GnmiDeviceType.TRANSPONDER);
        AppliedChange reset = await(batch(GnmiDeviceType.TRANSPONDER).applyAll(List.of(
                new ConfigChange.ResetOpticalChannel(opticalChannel()))));
        String dark = snapshot(GnmiDeviceType.TRANSPONDER);
        String leafPrefix = "/components/component[name=" + opticalChannel() + "]/optical-channel/config/";
        for (String leaf : List.of("frequency", "target-output-power", "operational-mode")) {
            assertFalse(dark.contains(leafPrefix + leaf), leaf + " removed:\n" + dark);
        }
        // Idempotent: a second reset sends nothing and leaves the device as it is.
        AppliedChange again = await(batch(GnmiDeviceType.TRANSPONDER).applyAll(List.of(
                new ConfigChange.ResetOpticalChannel(opticalChannel()))));
        assertTrue(again.description().endsWith("(no-op)"), again.description());
        assertEquals(dark, snapshot(GnmiDeviceType.TRANSPONDER));
        await(reset.revert());
        assertEquals(lit, snapshot(GnmiDeviceType.TRANSPONDER));
        await(tune.revert());
    }

    @Test
    void batchOfAnotherRoleIsRefusedBeforeSending() throws Exception {
        String before = snapshot(GnmiDeviceType.TRANSPONDER);
        assertEquals(DeviceException.Kind.INVALID_REQUEST, failureKind(batch(GnmiDeviceType.TRANSPONDER).applyAll(
                List.of(new ConfigChange.PutMediaChannel(mediaChannel(85), false)))));
        assertEquals(before, snapshot(GnmiDeviceType.TRANSPONDER));
    }

    @Test
    void crossConnectBatchConnectsAndDisconnectsOnlyWhatIsExpected() throws Exception {
        String before = snapshot(GnmiDeviceType.OPTICAL_SWITCH);
        List<String> p = freeOcsPorts();
        CrossConnect a = new CrossConnect(p.get(0), p.get(1));
        CrossConnect b = new CrossConnect(p.get(2), p.get(3));
        AppliedChange connect = await(batch(GnmiDeviceType.OPTICAL_SWITCH).applyAll(List.of(
                new ConfigChange.Connect(a), new ConfigChange.Connect(b))));
        assertTrue(await(ocs().readCrossConnects()).containsAll(List.of(a, b)));
        assertEquals(DeviceException.Kind.CONFLICT, failureKind(batch(GnmiDeviceType.OPTICAL_SWITCH).applyAll(
                List.of(new ConfigChange.Disconnect(new CrossConnect(p.get(0), p.get(3)))))));
        AppliedChange disconnect = await(batch(GnmiDeviceType.OPTICAL_SWITCH).applyAll(List.of(
                new ConfigChange.Disconnect(a), new ConfigChange.Disconnect(b))));
        assertFalse(await(ocs().readCrossConnects()).contains(a));
        await(disconnect.revert());
        await(connect.revert());
        assertEquals(before, snapshot(GnmiDeviceType.OPTICAL_SWITCH));
    }

    @Test
    void sessionStateIsConnectedThenUnreachableThenConnectedAgain() throws Exception {
        GnmiDeviceDriver d = driver(GnmiDeviceType.TRANSPONDER);
        await(d.discover());
        assertEquals(ConnectionStatus.State.CONNECTED, d.connectionStatus().state());
        stopDevice(GnmiDeviceType.TRANSPONDER);
        failureKind(transponder().readOpticalChannel(opticalChannel()));
        assertEquals(ConnectionStatus.State.UNREACHABLE, d.connectionStatus().state());
        restartDevice(GnmiDeviceType.TRANSPONDER);
        await(d.discover());
        assertEquals(ConnectionStatus.State.CONNECTED, d.connectionStatus().state());
    }

    // ---- OCS -----------------------------------------------------------------------------------------------

    @Test
    void crossConnectsSingleBulkAndDisconnect() throws Exception {
        String before = snapshot(GnmiDeviceType.OPTICAL_SWITCH);
        List<String> p = freeOcsPorts();
        AppliedChange single = await(ocs().connect(new CrossConnect(p.get(0), p.get(1))));
        List<CrossConnect> batch = List.of(new CrossConnect(p.get(2), p.get(3)), new CrossConnect(p.get(4), p.get(5)));
        AppliedChange bulk = await(ocs().connectAll(batch));
        List<CrossConnect> all = await(ocs().readCrossConnects());
        assertTrue(all.containsAll(batch));
        assertTrue(all.contains(new CrossConnect(p.get(0), p.get(1))));

        AppliedChange disconnect = await(ocs().disconnect(p.get(0)));
        assertFalse(await(ocs().readCrossConnects()).stream().anyMatch(c -> c.inputPort().equals(p.get(0))));

        await(disconnect.revert());
        await(bulk.revert());
        await(single.revert());
        assertEquals(before, snapshot(GnmiDeviceType.OPTICAL_SWITCH));
    }

    @Test
    void bulkCrossConnectIsAllOrNothing() throws Exception {
        String before = snapshot(GnmiDeviceType.OPTICAL_SWITCH);
        List<String> p = freeOcsPorts();
        injectSetFailure(GnmiDeviceType.OPTICAL_SWITCH);
        List<CrossConnect> batch = List.of(new CrossConnect(p.get(0), p.get(1)), new CrossConnect(p.get(2), p.get(3)));
        DeviceException.Kind kind = failureKind(ocs().connectAll(batch));
        assertTrue(kind == DeviceException.Kind.REJECTED || kind == DeviceException.Kind.INTERNAL
                || kind == DeviceException.Kind.UNAVAILABLE, "failure kind " + kind);
        assertEquals(before, snapshot(GnmiDeviceType.OPTICAL_SWITCH));
    }

    @Test
    void batchUsingAPortTwiceIsRefusedBeforeSending() throws Exception {
        List<String> p = freeOcsPorts();
        List<CrossConnect> batch = List.of(new CrossConnect(p.get(0), p.get(1)), new CrossConnect(p.get(2), p.get(1)));
        assertEquals(DeviceException.Kind.INVALID_REQUEST, failureKind(ocs().connectAll(batch)));
    }

    @Test
    void concurrentCrossConnectsFromManyThreadsAllApplyAndRollBack() throws Exception {
        String before = snapshot(GnmiDeviceType.OPTICAL_SWITCH);
        List<String> p = freeOcsPorts();
        ChangeJournal journal = new ChangeJournal();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<AppliedChange>> changes = new java.util.ArrayList<>();
            for (int i = 0; i + 1 < p.size(); i += 2) {
                CrossConnect c = new CrossConnect(p.get(i), p.get(i + 1));
                changes.add(CompletableFuture.supplyAsync(() -> ocs().connect(c), callers).thenCompose(f -> f)
                        .thenApply(applied -> {
                            journal.record(applied);
                            return applied;
                        }));
            }
            for (CompletableFuture<AppliedChange> f : changes) {
                await(f);
            }
        } finally {
            callers.shutdown();
        }
        assertEquals(p.size() / 2, await(ocs().readCrossConnects()).stream()
                .filter(c -> p.contains(c.inputPort())).count());
        await(journal.rollback());
        assertEquals(before, snapshot(GnmiDeviceType.OPTICAL_SWITCH));
    }

    // ---- multi-device rollback -------------------------------------------------------------------------

    @Test
    void multiDeviceRollbackLeavesEveryDeviceByteIdentical() throws Exception {
        Map<GnmiDeviceType, String> before = new EnumMap<>(GnmiDeviceType.class);
        for (GnmiDeviceType t : GnmiDeviceType.values()) {
            before.put(t, snapshot(t));
        }
        ChangeJournal journal = new ChangeJournal();
        journal.record(await(ocs().connect(new CrossConnect(freeOcsPorts().get(0), freeOcsPorts().get(1)))));
        journal.record(await(roadm().configureMediaChannel(mediaChannel(55))));
        journal.record(await(transponder().configureOpticalChannel(tuned(193_087_500))));
        // The fourth step fails: the device rejects it, and the operation must be undone everywhere.
        injectSetFailure(GnmiDeviceType.ROADM);
        assertThrows(CompletionException.class, () -> roadm().configureMediaChannel(mediaChannel(56))
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join());

        await(journal.rollback());
        for (GnmiDeviceType t : GnmiDeviceType.values()) {
            assertEquals(before.get(t), snapshot(t), t + " restored");
        }
    }

    // ---- faults ------------------------------------------------------------------------------------------

    @Test
    void rejectedSetLeavesTheDeviceUnchanged() throws Exception {
        String before = snapshot(GnmiDeviceType.TRANSPONDER);
        injectSetFailure(GnmiDeviceType.TRANSPONDER);
        DeviceException.Kind kind = failureKind(transponder().configureOpticalChannel(tuned(193_300_000)));
        assertFalse(kind.isTransient() && kind == DeviceException.Kind.DEADLINE_EXCEEDED, "kind " + kind);
        assertEquals(before, snapshot(GnmiDeviceType.TRANSPONDER));
    }

    @Test
    void slowSetExceedsTheDeadlineAndLeavesTheDeviceUnchanged() throws Exception {
        GnmiDeviceConfig fast = config(GnmiDeviceType.TRANSPONDER).withRpcDeadline(Duration.ofMillis(300));
        try (GnmiDeviceDriver impatient = new GnmiDeviceDriver(fast, validator(), scheduler)) {
            String before = snapshot(GnmiDeviceType.TRANSPONDER);
            injectSetLatency(GnmiDeviceType.TRANSPONDER, Duration.ofMillis(1500));
            TransponderConfig t = impatient.behaviour(TransponderConfig.class).orElseThrow();
            assertEquals(DeviceException.Kind.DEADLINE_EXCEEDED, failureKind(t.configureOpticalChannel(tuned(193_500_000))));
            clearFaults(GnmiDeviceType.TRANSPONDER);
            assertEquals(before, snapshot(GnmiDeviceType.TRANSPONDER));
        }
    }

    @Test
    void deviceDownIsUnavailableAndTheDriverRecoversWhenItReturns() throws Exception {
        await(driver(GnmiDeviceType.TRANSPONDER).discover());
        stopDevice(GnmiDeviceType.TRANSPONDER);
        assertEquals(DeviceException.Kind.UNAVAILABLE, failureKind(transponder().configureOpticalChannel(tuned(193_600_000))));
        assertEquals(DeviceException.Kind.UNAVAILABLE, failureKind(transponder().readOpticalChannel(opticalChannel())));
        restartDevice(GnmiDeviceType.TRANSPONDER);
        await(driver(GnmiDeviceType.TRANSPONDER).discover()); // waits for the reconnect, bounded by the deadline
        AppliedChange change = await(transponder().configureOpticalChannel(tuned(193_600_000)));
        await(change.revert());
    }

    @Test
    void malformedRepliesAreReportedAsSuch() throws Exception {
        injectMalformedReplies(GnmiDeviceType.TRANSPONDER, true);
        try {
            assertEquals(DeviceException.Kind.MALFORMED_REPLY,
                    failureKind(transponder().readOpticalChannel(opticalChannel())));
            if (changesReadTheDevice()) {
                assertEquals(DeviceException.Kind.MALFORMED_REPLY,
                        failureKind(transponder().configureOpticalChannel(tuned(193_700_000))));
            } else {
                // priors and verification come from the device's stream: no Get reply is involved
                await(transponder().configureOpticalChannel(tuned(193_700_000)));
            }
        } finally {
            injectMalformedReplies(GnmiDeviceType.TRANSPONDER, false);
        }
    }

    // ---- subscriptions -----------------------------------------------------------------------------------

    private StateSubscription subscribeTransponder(RecordingListener listener) {
        return subscribeTransponder(driver(GnmiDeviceType.TRANSPONDER), listener);
    }

    private StateSubscription subscribeTransponder(GnmiDeviceDriver driver, RecordingListener listener) {
        StateSubscriber subscriber = driver.behaviour(StateSubscriber.class).orElseThrow();
        return subscriber.subscribe(Set.of(opticalChannel()),
                Set.of(StateMetric.values()),
                Duration.ofMillis(200), listener);
    }

    @Test
    void subscriptionDeliversInitialStateThenChanges() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (StateSubscription sub = subscribeTransponder(listener)) {
            listener.awaitSyncs(1);
            assertTrue(sub.connected());
            for (StateMetric metric : StateMetric.values()) {
                listener.awaitEvent(e -> e.metric() == metric && e.resource().equals(opticalChannel()));
            }
            assertEquals(1.0, listener.awaitEvent(e -> e.metric() == StateMetric.OPER_STATUS).value(),
                    "channel starts up");
            assertEquals(0.0, listener.awaitEvent(e -> e.metric() == StateMetric.LOSS_OF_SIGNAL).value(),
                    "channel starts with light");
            int seen = listener.events().size();
            changeLight(false);
            listener.awaitEventAfter(seen, opticalChannel(), StateMetric.OPER_STATUS, 0);
            listener.awaitEventAfter(seen, opticalChannel(), StateMetric.LOSS_OF_SIGNAL, 1);
            seen = listener.events().size();
            changeLight(true);
            listener.awaitEventAfter(seen, opticalChannel(), StateMetric.OPER_STATUS, 1);
            listener.awaitEventAfter(seen, opticalChannel(), StateMetric.LOSS_OF_SIGNAL, 0);
        }
    }

    @Test
    void subscriptionReconnectsWithCappedBackoffAfterRestartWithoutDuplicates() throws Exception {
        BackoffPolicy policy = config(GnmiDeviceType.TRANSPONDER).backoff();
        RecordingListener listener = new RecordingListener();
        // A short deadline bounds the connection probe made while the device is still down.
        GnmiDeviceConfig quick = config(GnmiDeviceType.TRANSPONDER).withRpcDeadline(Duration.ofMillis(500));
        try (GnmiDeviceDriver driver = new GnmiDeviceDriver(quick, validator(), scheduler);
                StateSubscription sub = subscribeTransponder(driver, listener)) {
            listener.awaitSyncs(1);
            stopDevice(GnmiDeviceType.TRANSPONDER);
            listener.awaitDisconnects(1);
            assertFalse(sub.connected());
            scheduler.awaitScheduled(1, Duration.ofSeconds(10));
            // Retries while the device is still down: each probe fails and the next delay grows to the cap.
            int retriesWhileDown = 5;
            for (int n = 0; n < retriesWhileDown; n++) {
                scheduler.advance(policy.delay(n));
                scheduler.awaitScheduled(n + 2, Duration.ofSeconds(10));
            }
            List<Duration> expected = new java.util.ArrayList<>();
            for (int n = 0; n <= retriesWhileDown; n++) {
                expected.add(policy.delay(n));
            }
            assertEquals(expected, scheduler.requestedDelays());
            assertEquals(policy.max(), expected.get(retriesWhileDown), "the delay is capped");
            assertEquals(1, listener.disconnects().size(), "one outage is reported once");

            restartDevice(GnmiDeviceType.TRANSPONDER);
            int scheduled = scheduler.requestedDelays().size();
            scheduler.advance(policy.delay(retriesWhileDown));
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!listener.awaitSyncs(2, Duration.ofMillis(100))) {
                // On a loaded machine the short probe may time out although the device is back: advance to the
                // retry it scheduled, as the real scheduler would.
                if (scheduler.requestedDelays().size() > scheduled) {
                    scheduled = scheduler.requestedDelays().size();
                    scheduler.advance(policy.max());
                }
                assertTrue(System.nanoTime() < giveUp, "no resync within 30 s");
            }
            assertTrue(sub.connected());
            assertEquals(0, scheduler.pending());
            OptionalInt streams = activeSubscribeStreams(GnmiDeviceType.TRANSPONDER);
            if (streams.isPresent()) {
                assertEquals(1, streams.getAsInt(), "exactly one Subscribe stream after reconnect");
            }
        }
    }

    @Test
    void closedSubscriptionDoesNotReconnect() throws Exception {
        RecordingListener listener = new RecordingListener();
        StateSubscription sub = subscribeTransponder(listener);
        listener.awaitSyncs(1);
        sub.close();
        sub.close();
        stopDevice(GnmiDeviceType.TRANSPONDER);
        restartDevice(GnmiDeviceType.TRANSPONDER);
        assertEquals(0, scheduler.pending());
        assertFalse(sub.connected());
        assertEquals(0, listener.disconnects().size());
    }
}
