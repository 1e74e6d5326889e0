package io.lightpath.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceDescription;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrections keep their preconditions with and without {@link ConfigBatch}: against emulated
 * devices over gNMI, once through the batch and once through a driver that hides it.
 */
class DeviceAccessTest {
  private static final MediaChannel MC = new MediaChannel(30, 195_000_000, 195_050_000, "add2", "east", 0.0);
  private ReconcileLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = ReconcileLab.start();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private DeviceDriver driver(String id, boolean batch) {
    DeviceDriver real = lab.injector.getInstance(DeviceDrivers.class)
        .driverFor(lab.injector.getInstance(DeviceRegistry.class).get(id).orElseThrow());
    return batch ? real : new WithoutBatch(real);
  }

  private static void apply(DeviceDriver d, ConfigChange... changes) {
    DeviceAccess.apply(d, List.of(changes)).orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static DeviceException.Kind failure(DeviceDriver d, ConfigChange... changes) {
    CompletionException e = assertThrows(CompletionException.class, () -> apply(d, changes));
    return DeviceException.unwrap(e).kind();
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(30, TimeUnit.SECONDS).join();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void mediaChannelsAreOnlyRemovedOrCreatedAsRead(boolean batch) {
    DeviceDriver roadm = driver("west-roadm", batch);
    apply(roadm, new ConfigChange.PutMediaChannel(MC, true));
    MediaChannel other = new MediaChannel(30, 195_100_000, 195_150_000, "add2", "east", 0.0);
    assertEquals(DeviceException.Kind.CONFLICT, failure(roadm, new ConfigChange.PutMediaChannel(other, true)));
    assertEquals(DeviceException.Kind.CONFLICT, failure(roadm, new ConfigChange.RemoveMediaChannel(other)));
    assertEquals(List.of(MC), await(lab.roadm("west-roadm").readMediaChannels()), "nothing overwritten");
    apply(roadm, new ConfigChange.RemoveMediaChannel(MC));
    apply(roadm, new ConfigChange.RemoveMediaChannel(MC)); // absent: nothing to do
    assertEquals(List.of(), await(lab.roadm("west-roadm").readMediaChannels()));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCrossConnectIsOnlyRemovedIfItStillLeadsWhereItDid(boolean batch) {
    DeviceDriver ocs = driver("west-ocs", batch);
    apply(ocs, new ConfigChange.Connect(new CrossConnect("p3", "p4")));
    assertEquals(DeviceException.Kind.CONFLICT, failure(ocs, new ConfigChange.Disconnect(new CrossConnect("p3", "p2"))));
    apply(ocs, new ConfigChange.Disconnect(new CrossConnect("p3", "p4")));
    assertEquals(List.of(), await(lab.ocs("west-ocs").readCrossConnects()));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anOrphanOpticalChannelIsSwitchedOff(boolean batch) {
    DeviceDriver tp = driver("west-tp2", batch);
    apply(tp, new ConfigChange.TuneOpticalChannel(new OpticalChannelConfig("line1", 193_100_000, 0.0, 1, true)));
    apply(tp, new ConfigChange.ResetOpticalChannel("line1"));
    // the batch removes the tuning; without it the laser is switched off and the frequency stays
    List<OpticalChannelConfig> left = await(lab.transponder("west-tp2").readOpticalChannels());
    assertTrue(left.stream().noneMatch(OpticalChannelConfig::adminEnabled), left.toString());
    assertEquals(batch, left.isEmpty(), left.toString());
    assertFalse(left.size() > 1);
  }

  /** The real driver, minus {@link ConfigBatch}. */
  private record WithoutBatch(DeviceDriver real) implements DeviceDriver {
    @Override
    public String deviceId() {
      return real.deviceId();
    }

    @Override
    public CompletableFuture<DeviceDescription> discover() {
      return real.discover();
    }

    @Override
    public Set<Class<? extends DeviceBehaviour>> behaviours() {
      return real.behaviours();
    }

    @Override
    public <T extends DeviceBehaviour> Optional<T> behaviour(Class<T> type) {
      return type == ConfigBatch.class ? Optional.empty() : real.behaviour(type);
    }

    @Override
    public void close() {
      // the real driver belongs to the lab's DeviceDrivers
    }
  }
}
