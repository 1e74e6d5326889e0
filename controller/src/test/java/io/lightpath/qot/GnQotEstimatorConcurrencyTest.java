package io.lightpath.qot;

import static io.lightpath.qot.QotFixtures.MODE_32G;
import static io.lightpath.qot.QotFixtures.fiberOfSpans;
import static io.lightpath.qot.QotFixtures.terminals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.model.Fiber;
import io.lightpath.model.TransceiverMode;
import io.lightpath.transceiver.TransceiverCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads filling and reading the fiber cache get exactly the single-threaded answers. */
class GnQotEstimatorConcurrencyTest {

  @Test
  void concurrentEstimatesMatchSequentialOnes() throws Exception {
    List<TransceiverMode> modes = new ArrayList<>(TransceiverCatalog.loadDefault().modes());
    modes.add(MODE_32G);
    List<Fiber> fibers = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      fibers.add(fiberOfSpans("f" + i, i));
    }
    GnQotEstimator reference = new GnQotEstimator(QotParameters.defaults());
    double[][] expected = new double[fibers.size()][modes.size()];
    for (int f = 0; f < fibers.size(); f++) {
      for (int m = 0; m < modes.size(); m++) {
        expected[f][m] = reference.estimate(List.of(fibers.get(f)), terminals(), modes.get(m)).gsnrDb();
      }
    }

    GnQotEstimator shared = new GnQotEstimator(QotParameters.defaults());
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          for (int k = 0; k < fibers.size() * modes.size(); k++) {
            int idx = (k * 7 + offset * 13) % (fibers.size() * modes.size());
            int f = idx / modes.size();
            int m = idx % modes.size();
            double got = shared.estimate(List.of(fibers.get(f)), terminals(), modes.get(m)).gsnrDb();
            assertEquals(expected[f][m], got, 0.0);
            checked++;
          }
          return checked;
        }));
      }
      start.countDown();
      for (Future<Integer> r : results) {
        assertEquals(fibers.size() * modes.size(), r.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(fibers.size() * modes.stream().map(m -> m.baudRateGbd() + "/" + m.widthMhz())
        .distinct().count(), shared.cacheSize());
  }
}
