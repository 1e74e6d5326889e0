package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's {@link ConfigMirror} against the emulated lab ({@code hexa-metro}): what it saves (Gets) and what it
 * must not change (what a prior is, conflicts with other writers, a Set the device drops).
 */
class ConfigMirrorTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<GnmiDeviceDriver> drivers = new ArrayList<>();
    private EmulatedLab lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"), LabOptions.defaults());
    }

    @AfterEach
    void stop() {
        drivers.forEach(GnmiDeviceDriver::close);
        timer.shutdownNow();
        lab.close();
    }

    private GnmiDeviceDriver driver(String name, GnmiDeviceType type, boolean mirror) throws Exception {
        DeviceEndpoint ep = lab.endpoint(name);
        GnmiDeviceDriver d = new GnmiDeviceDriver(new GnmiDeviceConfig(ep.name(), type, ep.host(), ep.port(),
                new GnmiTransport.PlaintextForLabOnly(), Optional.empty(), Duration.ofSeconds(10),
                InTestTargetContractTest.BACKOFF, ep.target()), YangPayloadValidator.bundled(), Scheduler.of(timer));
        drivers.add(d);
        if (mirror) {
            d.startConfigMirror(GRACE).get(10, TimeUnit.SECONDS);
        }
        return d;
    }

    private static ConfigBatch batch(GnmiDeviceDriver d) {
        return d.behaviour(ConfigBatch.class).orElseThrow();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static MediaChannel channel(int index, long lowerMhz) {
        return new MediaChannel(index, lowerMhz, lowerMhz + 75_000, "add2", "east", 0.0);
    }

    @Test
    void changesOnEveryDeviceTypeMakeNoGetOnceTheMirrorHasSynced() throws Exception {
        GnmiDeviceDriver roadm = driver("fern-roadm", GnmiDeviceType.ROADM, true);
        GnmiDeviceDriver tp = driver("fern-tp1", GnmiDeviceType.TRANSPONDER, true);
        GnmiDeviceDriver ocs = driver("fern-ocs", GnmiDeviceType.OPTICAL_SWITCH, true);
        // the transponder's logical-channel lookup is read once and cached: warm it before counting
        await(batch(tp).applyAll(List.of(new ConfigChange.TuneOpticalChannel(
                new OpticalChannelConfig("line1", 193_100_000, 0.0, 1, true)))));
        long gets = getsOf("fern-roadm") + getsOf("fern-tp1") + getsOf("fern-ocs");

        AppliedChange media = await(batch(roadm).applyAll(List.of(
                new ConfigChange.PutMediaChannel(channel(11, 193_050_000), true),
                new ConfigChange.PutMediaChannel(channel(12, 193_150_000), true))));
        AppliedChange tune = await(batch(tp).applyAll(List.of(new ConfigChange.TuneOpticalChannel(
                new OpticalChannelConfig("line2", 193_200_000, -1.0, 1, true)))));
        AppliedChange connect = await(batch(ocs).applyAll(List.of(new ConfigChange.Connect(new CrossConnect("p3",
                "p4")))));
        await(connect.revert());
        await(tune.revert());
        await(media.revert());

        assertEquals(gets, getsOf("fern-roadm") + getsOf("fern-tp1") + getsOf("fern-ocs"),
                "Gets made by changes and reverts with a synced mirror");
        for (GnmiDeviceDriver d : List.of(roadm, tp, ocs)) {
            assertEquals(0, d.session().verifiedByReadBack(), d.deviceId() + " read back a change");
        }
        assertEquals(2, roadm.session().verifiedFromStream());
        assertTrue(lab.device("fern-roadm").config().keySet().stream()
                .noneMatch(p -> p.toString().contains("index=11")), "revert removed the media channel");
    }

    @Test
    void mirrorPriorsAreWhatAGetReads() throws Exception {
        GnmiDeviceDriver roadm = driver("fern-roadm", GnmiDeviceType.ROADM, true);
        GnmiDeviceDriver tp = driver("fern-tp1", GnmiDeviceType.TRANSPONDER, true);
        GnmiDeviceDriver ocs = driver("fern-ocs", GnmiDeviceType.OPTICAL_SWITCH, true);
        await(batch(roadm).applyAll(List.of(new ConfigChange.PutMediaChannel(channel(7, 193_050_000), true))));
        await(batch(tp).applyAll(List.of(new ConfigChange.TuneOpticalChannel(
                new OpticalChannelConfig("line1", 193_300_000, -2.0, 1, true)))));
        await(batch(ocs).applyAll(List.of(new ConfigChange.Connect(new CrossConnect("p5", "p6")))));

        List<Path> roadmPaths = List.of(WavelengthRouterMapping.channel(7), WavelengthRouterMapping.channel(8));
        List<Path> tpPaths = List.of(TerminalDeviceMapping.configLeaf("line1", "frequency"),
                TerminalDeviceMapping.configLeaf("line1", "target-output-power"),
                TerminalDeviceMapping.configLeaf("line1", "operational-mode"),
                TerminalDeviceMapping.configLeaf("line2", "frequency"));
        List<Path> ocsPaths = List.of(OpticalSwitchMapping.crossConnect("p5"), OpticalSwitchMapping.crossConnect("p7"));
        assertSamePriors(roadm, roadmPaths);
        assertSamePriors(tp, tpPaths);
        assertSamePriors(ocs, ocsPaths);
    }

    private static void assertSamePriors(GnmiDeviceDriver d, List<Path> paths) throws Exception {
        List<Optional<JsonNode>> mirrored = d.configMirror().orElseThrow().priors(paths);
        List<Optional<JsonNode>> read = await(d.session().readConfigs(paths));
        assertEquals(paths.size(), mirrored.size());
        for (int i = 0; i < paths.size(); i++) {
            Optional<JsonNode> m = mirrored.get(i);
            Optional<JsonNode> r = read.get(i);
            String where = d.deviceId() + " " + GnmiPaths.format(paths.get(i)) + ": mirror " + m + ", Get " + r;
            assertEquals(r.isPresent(), m.isPresent(), where);
            r.ifPresent(v -> assertTrue(IetfJson.equivalent(v, m.get()), where));
        }
    }

    @Test
    void anotherWritersMediaChannelIsAConflictWithoutAGet() throws Exception {
        GnmiDeviceDriver roadm = driver("fern-roadm", GnmiDeviceType.ROADM, true);
        GnmiDeviceDriver other = driver("fern-roadm", GnmiDeviceType.ROADM, false);
        long notificationsBefore = roadm.configMirror().orElseThrow().notifications();
        await(batch(other).applyAll(List.of(new ConfigChange.PutMediaChannel(channel(21, 193_400_000), true))));
        // the other writer's channel reaches the mirror through the stream
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (roadm.configMirror().orElseThrow().notifications() == notificationsBefore
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long gets = getsOf("fern-roadm");
        CompletableFuture<AppliedChange> clash = batch(roadm).applyAll(List.of(
                new ConfigChange.PutMediaChannel(channel(21, 193_500_000), true)));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> clash.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals(DeviceException.Kind.CONFLICT, DeviceException.unwrap(e).kind());
        assertEquals(gets, getsOf("fern-roadm"), "the conflict was found in the mirror");
    }

    @Test
    void aSetTheDeviceDropsIsStillAVerificationFailureAndIsUndone() throws Exception {
        GnmiDeviceDriver roadm = driver("fern-roadm", GnmiDeviceType.ROADM, true);
        lab.device("fern-roadm").faults().setIgnoredSets(1);
        CompletableFuture<AppliedChange> dropped = batch(roadm).applyAll(List.of(
                new ConfigChange.PutMediaChannel(channel(31, 193_600_000), true)));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> dropped.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals(DeviceException.Kind.VERIFICATION_FAILED, DeviceException.unwrap(e).kind());
        assertEquals(1, roadm.session().verifiedByReadBack(), "the stream never showed it, so it was read back");
        assertTrue(lab.device("fern-roadm").config().keySet().stream()
                .noneMatch(p -> p.toString().contains("index=31")));
    }

    @Test
    void withoutItsStreamTheMirrorStepsAsideAndComesBackAfterResync() throws Exception {
        GnmiDeviceDriver roadm = driver("fern-roadm", GnmiDeviceType.ROADM, true);
        ConfigMirror mirror = roadm.configMirror().orElseThrow();
        EmulatedDevice device = lab.device("fern-roadm");
        device.setDown(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (mirror.synced() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(mirror.synced(), "a lost stream unsyncs the mirror");
        assertEquals(null, mirror.priors(List.of(WavelengthRouterMapping.channel(41))));
        device.setDown(false);
        // the reconnect follows the backoff (InTestTargetContractTest.BACKOFF: 1 s first)
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!mirror.synced() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(mirror.synced(), "the mirror resyncs on a new stream");
        long gets = getsOf("fern-roadm");
        await(batch(roadm).applyAll(List.of(new ConfigChange.PutMediaChannel(channel(41, 193_700_000), true))));
        assertEquals(gets, getsOf("fern-roadm"));
    }

    private long getsOf(String device) {
        return lab.device(device).getsAnswered();
    }
}
