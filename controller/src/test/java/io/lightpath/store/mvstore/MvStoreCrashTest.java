package io.lightpath.store.mvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.failpoint.ChildJvm;
import io.lightpath.failpoint.FailpointAction;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.RangeResult;
import io.lightpath.store.StateStore;
import io.lightpath.store.internal.MvccStateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer JVM at random moments (SIGKILL through {@link Process#destroyForcibly}) and
 * checks that every acknowledged transaction survived and that the store is consistent: no torn
 * transaction, contiguous sequence, revisions matching the sequence.
 */
class MvStoreCrashTest {

  /** A handful by default to stay fast; raise with -Dlightpath.crashTrials=N for a soak. */
  private static final int TRIALS = Integer.getInteger("lightpath.crashTrials", 4);

  @TempDir Path dataDir;

  @Test
  void acknowledgedWritesSurviveSigkillAtRandomMoments() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    TreeSet<Long> acked = new TreeSet<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      int killAfterAcks = 1 + random.nextInt(400);
      Process child = ChildJvm.start(CrashWriterMain.class, List.of(), List.of(dataDir.toString()), Map.of());
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int acksThisRun = 0;
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acked.add(Long.parseLong(line.substring(4)));
            if (++acksThisRun >= killAfterAcks) {
              child.destroyForcibly();
              break;
            }
          }
        }
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die");
      assertFalse(acked.isEmpty(), "child never acknowledged a write (seed " + seed + ")");
      verify(acked, "trial " + trial + ", seed " + seed);
    }
  }

  @Test
  void crashBeforeCommitLosesOnlyTheUnacknowledgedWrite() throws Exception {
    runToFailpoint(MvccStateStore.FAILPOINT_BEFORE_COMMIT + ":crash@6");
    TreeSet<Long> present = verify(new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L)), "before-commit");
    assertEquals(5, present.size(), "the 6th transaction was applied but never committed");
  }

  @Test
  void crashAfterCommitKeepsTheCommittedButUnacknowledgedWrite() throws Exception {
    runToFailpoint(MvccStateStore.FAILPOINT_AFTER_COMMIT + ":crash@6");
    TreeSet<Long> present = verify(new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L)), "after-commit");
    assertEquals(6, present.size(), "the 6th transaction was durable before the crash");
  }

  private void runToFailpoint(String spec) throws Exception {
    Process child =
        ChildJvm.start(
            CrashWriterMain.class,
            List.of("-D" + Failpoints.PROPERTY + "=" + spec),
            List.of(dataDir.toString()),
            Map.of());
    List<String> acks = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines().filter(l -> l.startsWith("ACK ")).forEach(acks::add);
    }
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(FailpointAction.CRASH_EXIT_STATUS, child.exitValue());
    assertEquals(5, acks.size(), "acknowledged before the crash: " + acks);
  }

  /** Reopens the store, checks invariants, returns the sequence numbers present. */
  private TreeSet<Long> verify(TreeSet<Long> acked, String context) {
    try (StateStore store = MvStateStore.open(dataDir)) {
      TreeSet<Long> keys = sequence(store.range(KeyRange.prefix("k/")));
      TreeSet<Long> pairs = sequence(store.range(KeyRange.prefix("pair/")));
      assertEquals(keys, pairs, context + ": a transaction was torn");
      assertTrue(keys.containsAll(acked), context + ": lost acknowledged writes " + missing(acked, keys));
      long last = Long.parseLong(store.get("last").orElseThrow().valueUtf8());
      assertEquals(last + 1, keys.size(), context + ": sequence has gaps: " + keys);
      assertEquals(last, keys.last());
      // One revision per transaction, starting after the initial revision 1.
      assertEquals(MvccStateStore.INITIAL_REVISION + keys.size(), store.revision(), context);
      for (KeyValue kv : store.range(KeyRange.prefix("k/")).kvs()) {
        long i = Long.parseLong(kv.valueUtf8());
        assertEquals(MvccStateStore.INITIAL_REVISION + 1 + i, kv.modRevision(), context);
      }
      // History is intact too: the first transaction is readable at its revision.
      assertEquals(
          1, store.range(KeyRange.prefix("k/"), MvccStateStore.INITIAL_REVISION + 1).count(), context);
      return keys;
    }
  }

  private static TreeSet<Long> sequence(RangeResult result) {
    TreeSet<Long> out = new TreeSet<>();
    for (KeyValue kv : result.kvs()) {
      out.add(Long.parseLong(kv.valueUtf8()));
    }
    return out;
  }

  private static TreeSet<Long> missing(TreeSet<Long> expected, TreeSet<Long> actual) {
    TreeSet<Long> out = new TreeSet<>(expected);
    out.removeAll(actual);
    return out;
  }
}
