package io.lightpath.yang;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints rough timings of the schema layer (not a unit test: numbers, no thresholds). Run as
 * described in docs/yang.md. Arguments: none.
 */
public final class YangBench {
    private YangBench() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        YangSchema bundled = YangSchema.bundled();
        report("bundled schema load (first use)", System.nanoTime() - t0, 1);
        Optional<Path> upstreamDir = SharedModels.openconfigDirectory();
        if (upstreamDir.isPresent()) {
            long t1 = System.nanoTime();
            YangSchema.fromDirectory(upstreamDir.get());
            report("upstream OpenConfig schema load (" + upstreamDir.get() + ")", System.nanoTime() - t1, 1);
        }

        JsonIetfCodec codec = new JsonIetfCodec(bundled);
        YangPath och = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            codec.encode(och, codec.decode(och, Payloads.OCH_CONFIG));
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            codec.encode(och, codec.decode(och, Payloads.OCH_CONFIG));
        }
        report("decode+encode optical-channel config", System.nanoTime() - t2, n);

        ConfigDatastore ds = new ConfigDatastore(bundled, ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.TRANSPONDER_ROOT).commit();
        int components = 200;
        ConfigDatastore.Transaction fill = ds.newTransaction();
        for (int i = 0; i < components; i++) {
            fill.replace(YangPath.parse("/components/component[name=extra-" + i + "]"),
                    "{\"config\": {\"name\": \"extra-" + i + "\"}}");
        }
        fill.commit();
        int commits = 2_000;
        for (int i = 0; i < commits; i++) {
            ds.newTransaction().merge(och, "{\"frequency\": \"" + (191000000L + 50000L * (i % 100)) + "\"}").commit();
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < commits; i++) {
            ds.newTransaction().merge(och, "{\"frequency\": \"" + (191000000L + 50000L * (i % 100)) + "\"}").commit();
        }
        report("commit (merge 1 leaf, " + (components + 2) + " components, all checks)",
                System.nanoTime() - t3, commits);
        String whole = ds.read(YangPath.ROOT).orElseThrow();
        int replaces = 200;
        for (int i = 0; i < replaces; i++) {
            ds.newTransaction().replace(YangPath.ROOT, whole).commit();
        }
        long t5 = System.nanoTime();
        for (int i = 0; i < replaces; i++) {
            ds.newTransaction().replace(YangPath.ROOT, whole).commit();
        }
        report("replace whole tree (" + (components + 2) + " components, all checks)", System.nanoTime() - t5,
                replaces);
        long t4 = System.nanoTime();
        for (int i = 0; i < commits; i++) {
            ds.read(YangPath.ROOT);
        }
        report("read root as JSON (" + (components + 2) + " components)", System.nanoTime() - t4, commits);
    }

    private static void report(String what, long nanos, int ops) {
        double perOpUs = nanos / 1000.0 / ops;
        System.out.printf("%-75s %10.1f us/op  (%d ops, %.0f ms total)%n", what, perOpUs, ops, nanos / 1e6);
    }
}
