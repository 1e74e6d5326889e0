package io.lightpath.store.memory;

import io.lightpath.store.ManualClock;
import io.lightpath.store.StateStore;
import io.lightpath.store.StateStoreContractTest;
import java.time.Duration;

class InMemoryStateStoreContractTest extends StateStoreContractTest {

  private final ManualClock clock = new ManualClock();

  @Override
  protected StateStore createStore() {
    return new InMemoryStateStore(clock);
  }

  @Override
  protected boolean hasManualClock() {
    return true;
  }

  @Override
  protected void advanceClock(Duration by) {
    clock.advance(by);
  }
}
