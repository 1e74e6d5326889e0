package io.lightpath.store.mvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.failpoint.ChildJvm;
import io.lightpath.failpoint.FailpointAction;
import io.lightpath.failpoint.Failpoints;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.StateStore;
import io.lightpath.store.internal.MvccStateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * transaction, contiguous sequences, one distinct revision per transaction. The same data
 * directory is crashed and recovered repeatedly.
 *
 * <p>SIGKILL keeps the OS page cache, so this proves the commit is written before the ack, not
 * that the fsync reaches the platter; the fsync is MVStore's {@code FileChannel.force}.
 */
class MvStoreCrashTest {

  /** A handful by default to stay fast; raise with -Dlightpath.crashTrials=N for a soak. */
  private static final int TRIALS = Integer.getInteger("lightpath.crashTrials", 4);

  private static final int WRITERS = 3;

  @TempDir Path dataDir;

  @Test
  void acknowledgedWritesSurviveSigkillAtRandomMoments() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<Integer, TreeSet<Long>> acked = new HashMap<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      int killAfterAcks = 1 + random.nextInt(400);
      // every other trial checkpoints every 16 KiB of log (~60 transactions), so kills also land
      // inside checkpoints and right after them; the others use the production size
      List<String> args = trial % 2 == 0
          ? List.of(dataDir.toString(), Integer.toString(WRITERS), Integer.toString(16 << 10))
          : List.of(dataDir.toString(), Integer.toString(WRITERS));
      Process child = ChildJvm.start(CrashWriterMain.class, List.of(), args, Map.of());
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int acksThisRun = 0;
        String line;
        while ((line = out.readLine()) != null) {
          String[] parts = line.split(" ");
          if (parts.length == 3 && parts[0].equals("ACK")) {
            acked.computeIfAbsent(Integer.parseInt(parts[1]), w -> new TreeSet<>()).add(Long.parseLong(parts[2]));
            if (++acksThisRun >= killAfterAcks) {
              child.destroyForcibly();
              break;
            }
          }
        }
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die");
      assertFalse(acked.isEmpty(), "child never acknowledged a write (seed " + seed + ")");
      verify(acked, WRITERS, "trial " + trial + ", seed " + seed);
    }
  }

  @Test
  void crashBeforeCommitLosesOnlyTheUnacknowledgedWrite() throws Exception {
    runToFailpoint(MvccStateStore.FAILPOINT_BEFORE_COMMIT + ":crash@6");
    int present = verify(Map.of(0, new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L))), 1, "before-commit");
    assertEquals(5, present, "the 6th transaction was applied but never committed");
  }

  @Test
  void crashAfterCommitKeepsTheCommittedButUnacknowledgedWrite() throws Exception {
    runToFailpoint(MvccStateStore.FAILPOINT_AFTER_COMMIT + ":crash@6");
    int present = verify(Map.of(0, new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L))), 1, "after-commit");
    assertEquals(6, present, "the 6th transaction was durable before the crash");
  }

  private void runToFailpoint(String spec) throws Exception {
    Process child =
        ChildJvm.start(
            CrashWriterMain.class,
            List.of("-D" + Failpoints.PROPERTY + "=" + spec),
            List.of(dataDir.toString(), "1"),
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

  /** Reopens the store, checks invariants, returns how many transactions are present. */
  private int verify(Map<Integer, TreeSet<Long>> acked, int writers, String context) {
    try (StateStore store = MvStateStore.open(dataDir)) {
      TreeSet<Long> revisions = new TreeSet<>();
      int total = 0;
      for (int w = 0; w < writers; w++) {
        List<KeyValue> keys = store.range(KeyRange.prefix("k/" + w + "/")).kvs();
        List<KeyValue> pairs = store.range(KeyRange.prefix("pair/" + w + "/")).kvs();
        assertEquals(keys.size(), pairs.size(), context + ": a transaction was torn");
        TreeSet<Long> sequence = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
          KeyValue k = keys.get(i);
          assertEquals(k.value(), pairs.get(i).value(), context + ": a transaction was torn");
          assertEquals(k.modRevision(), pairs.get(i).modRevision(), context + ": one txn, one revision");
          sequence.add(Long.parseLong(k.valueUtf8()));
          revisions.add(k.modRevision());
        }
        TreeSet<Long> lost = new TreeSet<>(acked.getOrDefault(w, new TreeSet<>()));
        lost.removeAll(sequence);
        assertTrue(lost.isEmpty(), context + ": writer " + w + " lost acknowledged writes " + lost);
        if (!sequence.isEmpty()) {
          long last = Long.parseLong(store.get("last/" + w).orElseThrow().valueUtf8());
          assertEquals(last, sequence.last(), context);
          assertEquals(last + 1, sequence.size(), context + ": sequence has gaps: " + sequence);
        }
        total += sequence.size();
      }
      // Every transaction took exactly one revision, and revisions have no holes.
      assertEquals(total, revisions.size(), context);
      assertEquals(MvccStateStore.INITIAL_REVISION + total, store.revision(), context);
      if (total > 0) {
        assertEquals(MvccStateStore.INITIAL_REVISION + 1, revisions.first(), context);
        assertEquals(store.revision(), revisions.last(), context);
        // History survives too: the first transaction is readable at its own revision.
        assertEquals(
            3, store.range(KeyRange.all(), MvccStateStore.INITIAL_REVISION + 1).count(), context);
      }
      return total;
    }
  }
}
