package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceDescription;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.OperStatus;
import io.lightpath.southbound.spi.OpticalChannelState;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.StateEvent;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.StateSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The event-driven carrier check in virtual time: state events complete it without reading the
 * devices or waiting for a timer; reads happen only without a synced stream or as the fallback when
 * an awaited report does not come; the deadline comes from the injected clock.
 */
class CarrierVerifierTest {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  private final ManualTime time = new ManualTime();
  private final CarrierStates states = new CarrierStates();
  private final CarrierVerifier verifier = new CarrierVerifier(time, time,
      ProvisioningConfig.defaults().withVerification(DEADLINE, POLL), states);

  /** A transponder whose stream the test drives and whose direct reads it counts and answers. */
  static final class FakeTransponder implements DeviceDriver, StateSubscriber, OpticalStateReader {
    final String id;
    StateListener listener;
    boolean connected = true;
    final AtomicInteger reads = new AtomicInteger();
    volatile OperStatus readStatus = OperStatus.DOWN;

    FakeTransponder(String id) {
      this.id = id;
    }

    void report(String component, boolean up) {
      listener.onEvent(new StateEvent(id, component, StateMetric.OPER_STATUS, up ? 1 : 0,
          up ? OperStatus.UP : OperStatus.DOWN, Instant.EPOCH));
      listener.onEvent(new StateEvent(id, component, StateMetric.LOSS_OF_SIGNAL, up ? 0 : 1,
          OperStatus.UNKNOWN, Instant.EPOCH));
    }

    @Override
    public String deviceId() {
      return id;
    }

    @Override
    public CompletableFuture<DeviceDescription> discover() {
      return CompletableFuture.completedFuture(new DeviceDescription(id, "0.10.0", List.of()));
    }

    @Override
    public Set<Class<? extends DeviceBehaviour>> behaviours() {
      return Set.of(StateSubscriber.class, OpticalStateReader.class);
    }

    @Override
    public <T extends DeviceBehaviour> Optional<T> behaviour(Class<T> type) {
      return behaviours().contains(type) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public StateSubscription subscribe(Set<String> resources, Set<StateMetric> metrics,
        Duration sampleInterval, StateListener l) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StateSubscription subscribeAll(Set<StateMetric> metrics, StateListener l) {
      listener = l;
      return new StateSubscription() {
        @Override
        public boolean connected() {
          return connected;
        }

        @Override
        public void close() {
          connected = false;
        }
      };
    }

    @Override
    public CompletableFuture<OpticalChannelState> readOpticalChannelState(String component) {
      reads.incrementAndGet();
      boolean up = readStatus == OperStatus.UP;
      return CompletableFuture.completedFuture(new OpticalChannelState(component, readStatus, 0,
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), !up));
    }

    @Override
    public void close() {}
  }

  private FakeTransponder watched(String id) {
    FakeTransponder tp = new FakeTransponder(id);
    states.watch(id, tp);
    tp.listener.onSynced();
    return tp;
  }

  private List<CarrierVerifier.End> ends(FakeTransponder a, FakeTransponder z) {
    return List.of(new CarrierVerifier.End(a.id, a, "line1"), new CarrierVerifier.End(z.id, z, "line1"));
  }

  @Test
  void eventsCompleteTheCheckWithoutReadsOrWaiting() {
    FakeTransponder a = watched("a");
    FakeTransponder z = watched("z");
    a.report("line1", false);
    z.report("line1", false);
    states.expectChange("a", "line1");
    states.expectChange("z", "line1");
    CompletableFuture<List<Boolean>> done = verifier.verify(ends(a, z));
    assertFalse(done.isDone());
    a.report("line1", true);
    assertFalse(done.isDone(), "one end is not enough");
    z.report("line1", true);
    assertEquals(List.of(true, true), done.join());
    assertEquals(0, a.reads.get() + z.reads.get(), "no device read");
    assertEquals(Instant.EPOCH, time.instant(), "no time passed");
  }

  @Test
  void aValueCachedBeforeTheChangeDoesNotVerifyIt() {
    FakeTransponder a = watched("a");
    FakeTransponder z = watched("z");
    a.report("line1", true); // up from an earlier tuning
    z.report("line1", true);
    states.expectChange("a", "line1");
    states.expectChange("z", "line1");
    CompletableFuture<List<Boolean>> done = verifier.verify(ends(a, z));
    assertFalse(done.isDone(), "waits for reports made after the change");
    a.report("line1", true);
    z.report("line1", true);
    assertTrue(done.join().stream().allMatch(b -> b));
  }

  @Test
  void anUnchangedValueIsReadAfterOnePollInterval() {
    FakeTransponder a = watched("a");
    FakeTransponder z = watched("z");
    a.report("line1", true);
    z.report("line1", true);
    states.expectChange("a", "line1");
    CompletableFuture<List<Boolean>> done = verifier.verify(ends(a, z));
    assertFalse(done.isDone());
    assertEquals(0, a.reads.get());
    a.readStatus = OperStatus.UP;
    z.readStatus = OperStatus.UP;
    time.advance(POLL);
    assertTrue(done.isDone());
    assertEquals(1, a.reads.get());
  }

  @Test
  void withoutASyncedStreamTheDevicesAreRead() {
    FakeTransponder a = new FakeTransponder("a");
    states.watch("a", a); // subscribed but never synced
    FakeTransponder z = watched("z");
    z.report("line1", true);
    a.readStatus = OperStatus.UP;
    CompletableFuture<List<Boolean>> done = verifier.verify(ends(a, z));
    assertTrue(done.isDone());
    assertEquals(1, a.reads.get());
    assertEquals(0, z.reads.get());
  }

  @Test
  void noCarrierByTheDeadlineFailsNamingTheEnd() {
    FakeTransponder a = watched("a");
    FakeTransponder z = watched("z");
    a.report("line1", true);
    z.report("line1", false);
    CompletableFuture<List<Boolean>> done = verifier.verify(ends(a, z));
    a.readStatus = OperStatus.UP;
    time.advance(DEADLINE.minus(POLL));
    assertFalse(done.isDone());
    time.advance(POLL);
    CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        done::join);
    StepFailure f = (StepFailure) e.getCause();
    assertEquals("z", f.deviceId);
    assertEquals(ProvisioningException.Kind.VERIFICATION_FAILED, f.kind);
    assertTrue(f.getMessage().contains("no carrier at z line1"), f.getMessage());
  }
}
