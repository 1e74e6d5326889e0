package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConfigDatastoreConcurrencyTest {

    @Test
    void concurrentCommitsAreAllAppliedAndEachIsReportedOnce() throws Exception {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        List<DatastoreChange> seen = new CopyOnWriteArrayList<>();
        ds.addListener(seen::addAll);
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String name = "p-" + thread + "-" + i;
                    ds.newTransaction().replace(YangPath.parse("/components/component[name=" + name + "]"),
                            "{\"config\": {\"name\": \"" + name + "\"}}").commit();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        JsonObject root = JsonParser.parseString(ds.read(YangPath.parse("/components")).orElseThrow()).getAsJsonObject();
        assertEquals(threads * perThread, root.getAsJsonArray("openconfig-platform:component").size());
        assertEquals(threads * perThread, seen.size());
        Set<YangPath> distinct = new HashSet<>();
        seen.forEach(c -> {
            assertEquals(DatastoreChange.Kind.CREATED, c.kind());
            distinct.add(c.path());
        });
        assertEquals(threads * perThread, distinct.size());
    }

    @Test
    void readersNeverSeeHalfACommit() throws Exception {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.TRANSPONDER_ROOT).commit();
        YangPath config = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        AtomicBoolean stop = new AtomicBoolean();
        List<String> violations = new CopyOnWriteArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            futures.add(readers.submit(() -> {
                while (!stop.get()) {
                    JsonObject c = JsonParser.parseString(ds.read(config).orElseThrow()).getAsJsonObject();
                    long frequencyMhz = c.get("openconfig-terminal-device:frequency").getAsLong();
                    int mode = c.get("openconfig-terminal-device:operational-mode").getAsInt();
                    // Every commit writes both leaves together: mode = (frequency / 50000) % 1000.
                    if (frequencyMhz != 193100000L && mode != (int) ((frequencyMhz / 50000) % 1000)) {
                        violations.add(frequencyMhz + "/" + mode);
                    }
                }
                return null;
            }));
        }
        for (int i = 1; i <= 300; i++) {
            long frequencyMhz = 191000000L + 50000L * i;
            int mode = (int) ((frequencyMhz / 50000) % 1000);
            ds.newTransaction().merge(config, "{\"frequency\": \"" + frequencyMhz + "\", \"operational-mode\": "
                    + mode + "}").commit();
        }
        stop.set(true);
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();
        assertTrue(violations.isEmpty(), "torn reads: " + violations);
    }
}
