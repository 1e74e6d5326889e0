package io.lightpath.store.mvstore;

import io.lightpath.store.ManualClock;
import io.lightpath.store.StateStore;
import io.lightpath.store.StateStoreContractTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class MvStateStoreContractTest extends StateStoreContractTest {

  private final ManualClock clock = new ManualClock();
  @TempDir Path dataDir;

  @Override
  protected StateStore createStore() {
    return MvStateStore.open(dataDir, clock);
  }

  @Override
  protected boolean hasManualClock() {
    return true;
  }

  @Override
  protected void advanceClock(Duration by) {
    clock.advance(by);
  }

  @Override
  protected boolean supportsRestart() {
    return true;
  }

  @Override
  protected StateStore reopen(StateStore old) {
    old.close();
    return MvStateStore.open(dataDir, clock);
  }

  /** Every commit is an fsync; keep the concurrency tests short on slow disks. */
  @Override
  protected int incrementsPerThread() {
    return 50;
  }
}
