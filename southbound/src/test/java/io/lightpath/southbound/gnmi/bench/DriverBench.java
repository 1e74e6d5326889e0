package io.lightpath.southbound.gnmi.bench;

import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import io.lightpath.southbound.gnmi.BackoffPolicy;
import io.lightpath.southbound.gnmi.GnmiDeviceConfig;
import io.lightpath.southbound.gnmi.GnmiDeviceDriver;
import io.lightpath.southbound.gnmi.GnmiDeviceType;
import io.lightpath.southbound.gnmi.GnmiTransport;
import io.lightpath.southbound.gnmi.PayloadValidator;
import io.lightpath.southbound.gnmi.Scheduler;
import io.lightpath.southbound.gnmi.YangPayloadValidator;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import io.lightpath.southbound.spi.TransponderConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Latency benchmark of the gNMI driver's transaction contract (not a test): verified changes and their reverts
 * against the emulated hexa-metro lab over loopback, one change at a time. Each change is Get (prior) + one Set +
 * Get (read-back); a revert is Set + Get. Prints p50/p99 in milliseconds. Command in docs/southbound.md.
 *
 * <p>Arguments: {@code [changes=2000] [validate|novalidate]}.
 */
public final class DriverBench {

    private DriverBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        boolean validate = args.length <= 1 || !args[1].equals("novalidate");
        PayloadValidator validator = validate ? YangPayloadValidator.bundled() : PayloadValidator.NONE;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("hexa-metro.yaml"));
                GnmiDeviceDriver tp = driver(lab.endpoint("fern-tp1"), GnmiDeviceType.TRANSPONDER, validator, timer);
                GnmiDeviceDriver ocs = driver(lab.endpoint("fern-ocs"), GnmiDeviceType.OPTICAL_SWITCH, validator,
                        timer)) {
            TransponderConfig transponder = tp.behaviour(TransponderConfig.class).orElseThrow();
            CrossConnectConfig xc = ocs.behaviour(CrossConnectConfig.class).orElseThrow();
            List<CrossConnect> batch = List.of(new CrossConnect("p1", "p5"), new CrossConnect("p2", "p6"),
                    new CrossConnect("p3", "p7"));
            int warmup = Math.max(200, changes / 5);
            run(transponder, xc, batch, warmup, null);
            long[][] samples = new long[4][changes];
            run(transponder, xc, batch, changes, samples);
            System.out.printf("validation: %s, changes measured: %d%n", validate ? "yang" : "none", changes);
            print("transponder configure (Get+Set+Get)", samples[0]);
            print("transponder revert (Set+Get)", samples[1]);
            print("OCS bulk 3 cross-connects", samples[2]);
            print("OCS bulk revert", samples[3]);
        } finally {
            timer.shutdownNow();
        }
    }

    private static GnmiDeviceDriver driver(DeviceEndpoint ep, GnmiDeviceType type, PayloadValidator validator,
            ScheduledExecutorService timer) {
        return new GnmiDeviceDriver(new GnmiDeviceConfig(ep.name(), type, ep.host(), ep.port(),
                new GnmiTransport.PlaintextForLabOnly(), Optional.empty(), Duration.ofSeconds(10),
                BackoffPolicy.DEFAULT), validator, Scheduler.of(timer));
    }

    private static void run(TransponderConfig tp, CrossConnectConfig xc, List<CrossConnect> batch, int n,
            long[][] samples) {
        for (int i = 0; i < n; i++) {
            long frequency = 191_350_000L + (i % 80) * 50_000L;
            long t0 = System.nanoTime();
            AppliedChange change = tp.configureOpticalChannel(
                    new OpticalChannelConfig("line1", frequency, -1.0, 1, true)).join();
            long t1 = System.nanoTime();
            change.revert().join();
            long t2 = System.nanoTime();
            AppliedChange bulk = xc.connectAll(batch).join();
            long t3 = System.nanoTime();
            bulk.revert().join();
            long t4 = System.nanoTime();
            if (samples != null) {
                samples[0][i] = t1 - t0;
                samples[1][i] = t2 - t1;
                samples[2][i] = t3 - t2;
                samples[3][i] = t4 - t3;
            }
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s p50 %7.3f ms   p99 %7.3f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6);
    }
}
