package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
        driver = new GnmiDeviceDriver(target.clientConfig("ocs", GnmiDeviceType.OPTICAL_SWITCH), PayloadValidator.NONE, new ManualScheduler());
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
    void aBatchIsOneSetRequestWithOneReadBackGetAndOneInverseSet() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connect(new CrossConnect("x", "y")).get(20, TimeUnit.SECONDS);
        int sets = target.setCalls();
        int gets = target.getCalls();
        // Every touched entry exists afterwards, so the read-back is one multi-path Get; the priors (one of
        // them absent) are one multi-path Get answered NOT_FOUND, then one Get per path.
        AppliedChange change = batch.applyAll(List.of(new ConfigChange.Connect(new CrossConnect("a", "b")),
                new ConfigChange.Connect(new CrossConnect("c", "d")),
                new ConfigChange.Connect(new CrossConnect("x", "z")))).get(20, TimeUnit.SECONDS);
        assertEquals(sets + 1, target.setCalls());
        assertEquals(gets + 1 + 3 + 1, target.getCalls());
        change.revert().get(20, TimeUnit.SECONDS);
        assertEquals(sets + 2, target.setCalls());
        assertEquals(List.of(new CrossConnect("x", "y")), ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
    }

    @Test
    void priorsReadAheadSaveTheBatchItsFirstRoundTrip() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connect(new CrossConnect("x", "y")).get(20, TimeUnit.SECONDS);
        List<ConfigChange> change = List.of(new ConfigChange.Connect(new CrossConnect("x", "z")));
        int gets = target.getCalls();
        batch.prefetch(change).get(20, TimeUnit.SECONDS);
        assertEquals(gets + 1, target.getCalls());
        AppliedChange applied = batch.applyAll(change).get(20, TimeUnit.SECONDS);
        assertEquals(gets + 2, target.getCalls()); // the read-back only
        applied.revert().get(20, TimeUnit.SECONDS);
        assertEquals(List.of(new CrossConnect("x", "y")), ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
    }

    @Test
    void aReadAheadIsNotUsedOnceTheSessionHasWrittenSinceAndTheRevertRestoresTheRealPrior() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connect(new CrossConnect("x", "y")).get(20, TimeUnit.SECONDS);
        List<ConfigChange> change = List.of(new ConfigChange.Connect(new CrossConnect("x", "z")));
        batch.prefetch(change).get(20, TimeUnit.SECONDS); // reads x -> y
        // makes that stale (a change of other paths, so it does not take the read-ahead itself)
        batch.applyAll(List.of(new ConfigChange.Connect(new CrossConnect("x", "w")),
                new ConfigChange.Connect(new CrossConnect("q", "r")))).get(20, TimeUnit.SECONDS);
        int gets = target.getCalls();
        AppliedChange applied = batch.applyAll(change).get(20, TimeUnit.SECONDS);
        assertEquals(gets + 2, target.getCalls()); // priors read again, then the read-back
        applied.revert().get(20, TimeUnit.SECONDS);
        // with the stale read-ahead the revert would have put x -> y back
        assertEquals(List.of(new CrossConnect("q", "r"), new CrossConnect("x", "w")),
                ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
    }

    @Test
    void aBatchOfPresentEntriesReadsItsPriorsWithOneGet() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connectAll(List.of(new CrossConnect("a", "b"), new CrossConnect("c", "d"))).get(20, TimeUnit.SECONDS);
        int gets = target.getCalls();
        batch.applyAll(List.of(new ConfigChange.Connect(new CrossConnect("a", "e")),
                new ConfigChange.Connect(new CrossConnect("c", "f")))).get(20, TimeUnit.SECONDS);
        assertEquals(gets + 2, target.getCalls(), "one Get for the priors, one for the read-back");
    }

    @Test
    void aConflictingBatchSendsNothing() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connect(new CrossConnect("a", "b")).get(20, TimeUnit.SECONDS);
        int sets = target.setCalls();
        CompletionException e = assertThrows(CompletionException.class, () -> batch.applyAll(List.of(
                new ConfigChange.Connect(new CrossConnect("c", "d")),
                new ConfigChange.Disconnect(new CrossConnect("a", "z")))).orTimeout(20, TimeUnit.SECONDS).join());
        assertEquals(DeviceException.Kind.CONFLICT, DeviceException.unwrap(e).kind());
        assertEquals(sets, target.setCalls());
        assertEquals(List.of(new CrossConnect("a", "b")), ocs.readCrossConnects().get(20, TimeUnit.SECONDS));
    }

    @Test
    void callsStartedWhileServingAnRpcOutliveItsContext() throws Exception {
        // As when RegisterDevice opens the device's session: the handler's Context is cancelled when it returns.
        io.grpc.Context.CancellableContext serving = io.grpc.Context.current().withCancellation();
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<?>> probe =
                new java.util.concurrent.atomic.AtomicReference<>();
        RecordingListener listener = new RecordingListener();
        serving.run(() -> {
            probe.set(driver.discover());
            driver.behaviour(io.lightpath.southbound.spi.StateSubscriber.class).orElseThrow().subscribe(
                    java.util.Set.of("p1"), java.util.Set.of(io.lightpath.southbound.spi.StateMetric.OPER_STATUS),
                    Duration.ofSeconds(1), listener);
        });
        serving.cancel(null);
        probe.get().get(20, TimeUnit.SECONDS);
        listener.awaitSyncs(1);
        assertEquals(0, listener.disconnects().size());
    }

    @Test
    void sessionStateFollowsTheDevice() throws Exception {
        assertEquals(ConnectionStatus.State.CONNECTING, driver.connectionStatus().state());
        driver.discover().get(20, TimeUnit.SECONDS);
        ConnectionStatus up = driver.connectionStatus();
        assertEquals(ConnectionStatus.State.CONNECTED, up.state());
        // A refusal is still an answer: the session stays up, and since does not move.
        assertThrows(CompletionException.class, () -> ocs.disconnect("a").thenCompose(c -> driver
                .behaviour(ConfigBatch.class).orElseThrow().applyAll(List.of(new ConfigChange.PutMediaChannel(
                        new io.lightpath.southbound.spi.MediaChannel(1, 193_000_000, 193_050_000, "a", "b", 0),
                        true)))).orTimeout(20, TimeUnit.SECONDS).join());
        assertEquals(up, driver.connectionStatus());
        target.stop();
        assertThrows(CompletionException.class,
                () -> ocs.readCrossConnects().orTimeout(20, TimeUnit.SECONDS).join());
        ConnectionStatus down = driver.connectionStatus();
        assertEquals(ConnectionStatus.State.UNREACHABLE, down.state());
        assertTrue(down.detail().startsWith("UNAVAILABLE"), down.detail());
        target.restart();
        driver.discover().get(20, TimeUnit.SECONDS);
        assertEquals(ConnectionStatus.State.CONNECTED, driver.connectionStatus().state());
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
    @Test
    void aBatchIsAcknowledgedWhenTheDeviceAnswersItsSetBeforeTheReadBackDecides() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        target.ackWithoutApplyingNextSets(1);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        CompletionException e = assertThrows(CompletionException.class, () -> batch.applyAll(
                List.of(new ConfigChange.Connect(new CrossConnect("a", "c"))), acknowledged)
                .orTimeout(20, TimeUnit.SECONDS).join());
        assertEquals(DeviceException.Kind.VERIFICATION_FAILED, DeviceException.unwrap(e).kind());
        // the device took the Set: that is all the acknowledgement says; the outcome is the result's
        assertTrue(acknowledged.isDone() && !acknowledged.isCompletedExceptionally());
    }

    @Test
    void aBatchThatFailsBeforeItsSetFailsItsAcknowledgementToo() throws Exception {
        ConfigBatch batch = driver.behaviour(ConfigBatch.class).orElseThrow();
        ocs.connect(new CrossConnect("a", "b")).get(20, TimeUnit.SECONDS);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        assertThrows(CompletionException.class, () -> batch.applyAll(
                List.of(new ConfigChange.Disconnect(new CrossConnect("a", "z"))), acknowledged)
                .orTimeout(20, TimeUnit.SECONDS).join());
        CompletionException e = assertThrows(CompletionException.class, acknowledged::join);
        assertEquals(DeviceException.Kind.CONFLICT, DeviceException.unwrap(e).kind());

        CompletableFuture<Void> nothingToDo = new CompletableFuture<>();
        batch.applyAll(List.of(new ConfigChange.Connect(new CrossConnect("a", "b"))), nothingToDo)
                .get(20, TimeUnit.SECONDS);
        assertTrue(nothingToDo.isDone() && !nothingToDo.isCompletedExceptionally(), "a no-op batch acknowledges");
    }

    @Test
    void leavesOfOneEntryAreReadThroughTheEntryEvenWhenTheyDoNotExistYet() throws Exception {
        // A transponder port as the emulated devices start: the component and its logical channel exist, the
        // optical channel's config leaves do not.
        GnmiSession session = driver.session();
        ObjectNode component = IetfJson.object();
        component.put("name", "line1");
        ObjectNode logical = IetfJson.object();
        logical.put("index", 1);
        logical.put("admin-state", "ENABLED");
        session.apply("seed", List.of(
                ConfigEdit.replace(GnmiPaths.parse("/components/component[name=line1]/config"), component),
                ConfigEdit.replace(GnmiPaths.parse("/terminal-device/logical-channels/channel[index=1]/config"),
                        logical))).get(20, TimeUnit.SECONDS);
        int gets = target.getCalls();
        AppliedChange tune = session.apply("tune", List.of(
                ConfigEdit.replace(TerminalDeviceMapping.configLeaf("line1", "frequency"), IetfJson.int64(193_100_000)),
                ConfigEdit.replace(TerminalDeviceMapping.configLeaf("line1", "target-output-power"),
                        IetfJson.decimal64(0, 2)),
                ConfigEdit.replace(TerminalDeviceMapping.configLeaf("line1", "operational-mode"), IntNode.valueOf(1)),
                ConfigEdit.replace(TerminalDeviceMapping.logicalChannelAdminState(1), TextNode.valueOf("DISABLED"))))
                .get(20, TimeUnit.SECONDS);
        // One Get for the priors (through component[line1], not a refused Get then one per leaf), one read-back.
        assertEquals(gets + 2, target.getCalls());
        assertEquals(List.of(Optional.of("193100000"), Optional.of("DISABLED")), session.readConfigs(List.of(
                TerminalDeviceMapping.configLeaf("line1", "frequency"),
                TerminalDeviceMapping.logicalChannelAdminState(1))).get(20, TimeUnit.SECONDS).stream()
                .map(v -> v.map(n -> n.asText())).toList());
        tune.revert().get(20, TimeUnit.SECONDS);
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of("ENABLED")), session.readConfigs(List.of(
                TerminalDeviceMapping.configLeaf("line1", "frequency"),
                TerminalDeviceMapping.configLeaf("line1", "operational-mode"),
                TerminalDeviceMapping.logicalChannelAdminState(1))).get(20, TimeUnit.SECONDS).stream()
                .map(v -> v.map(n -> n.asText())).toList(), "the absent leaves are absent again");
    }

    @Test
    void entriesABatchCreatesAreReadOnTheirOwnInsteadOfAfterARefusedGet() throws Exception {
        TestGnmiTarget roadmTarget = TestGnmiTarget.plaintext(GnmiDeviceType.ROADM).start();
        try (GnmiDeviceDriver roadm = new GnmiDeviceDriver(new GnmiDeviceConfig("roadm", GnmiDeviceType.ROADM,
                "127.0.0.1", roadmTarget.port(), new GnmiTransport.PlaintextForLabOnly(), Optional.empty(),
                Duration.ofSeconds(5), BackoffPolicy.DEFAULT), PayloadValidator.NONE, new ManualScheduler())) {
            ConfigBatch batch = roadm.behaviour(ConfigBatch.class).orElseThrow();
            batch.applyAll(List.of(new ConfigChange.PutMediaChannel(new io.lightpath.southbound.spi.MediaChannel(
                    1, 193_000_000, 193_050_000, "add1", "east", 0), true))).get(20, TimeUnit.SECONDS);
            int gets = roadmTarget.getCalls();
            batch.applyAll(List.of(
                    new ConfigChange.PutMediaChannel(new io.lightpath.southbound.spi.MediaChannel(
                            2, 193_100_000, 193_150_000, "add2", "east", 0), true),
                    new ConfigChange.PutMediaChannel(new io.lightpath.southbound.spi.MediaChannel(
                            3, 193_100_000, 193_150_000, "east", "add2", 0), true))).get(20, TimeUnit.SECONDS);
            // two priors read one by one (both absent), one read-back of both
            assertEquals(gets + 3, roadmTarget.getCalls());
            // a create-only entry that does exist is still seen, and refused
            CompletionException e = assertThrows(CompletionException.class, () -> batch.applyAll(List.of(
                    new ConfigChange.PutMediaChannel(new io.lightpath.southbound.spi.MediaChannel(
                            1, 193_200_000, 193_250_000, "add3", "east", 0), true),
                    new ConfigChange.PutMediaChannel(new io.lightpath.southbound.spi.MediaChannel(
                            4, 193_200_000, 193_250_000, "east", "add3", 0), true)))
                    .orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(DeviceException.Kind.CONFLICT, DeviceException.unwrap(e).kind());
        } finally {
            roadmTarget.close();
        }
    }

    @Test
    void readUnitsGroupOnlyPathsSharingAnEntry() {
        io.lightpath.proto.gnmi.Path f = TerminalDeviceMapping.configLeaf("line1", "frequency");
        io.lightpath.proto.gnmi.Path m = TerminalDeviceMapping.configLeaf("line1", "operational-mode");
        io.lightpath.proto.gnmi.Path other = TerminalDeviceMapping.configLeaf("line2", "frequency");
        io.lightpath.proto.gnmi.Path entry = WavelengthRouterMapping.channel(3);
        io.lightpath.proto.gnmi.Path line1 = TerminalDeviceMapping.component("line1");
        assertEquals(List.of(line1, line1, other, entry), GnmiSession.readUnits(List.of(f, m, other, entry)));
    }
}
