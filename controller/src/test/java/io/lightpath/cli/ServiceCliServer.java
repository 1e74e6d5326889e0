package io.lightpath.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.lightpath.api.TopologyHolder;
import io.lightpath.pce.ComputedChannel;
import io.lightpath.proto.v1.Amplifier;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Span;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TransceiverPool;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningException;
import io.lightpath.provisioning.ProvisioningResult;
import io.lightpath.server.LightpathServer;
import io.lightpath.server.ServerConfig;
import io.lightpath.server.ServerModule;
import io.lightpath.service.ProvisioningOrchestrator;
import io.lightpath.store.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A real server on a loopback port for service commands: the production lifecycle with a
 * provisioner the test steers (succeed, hang, fail deprovisioning) instead of devices, and a small
 * topology. Transponders ta and tz (two 400ZR transceivers each) are joined over ROADMs ra and rb
 * (160 km, amplified); tx and ty by one 300 km unamplified fiber (no mode clears its GSNR); tn
 * has no fiber at all.
 */
final class ServiceCliServer implements AutoCloseable {
  final Injector injector;
  final LightpathServer server;
  final SteeredProvisioner provisioner = new SteeredProvisioner();

  ServiceCliServer() throws Exception {
    ServerModule production = new ServerModule(
        new ServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), Clock.systemUTC());
    injector = Guice.createInjector(Modules.override(production)
        .with(b -> b.bind(Provisioner.class).toInstance(provisioner)));
    injector.getInstance(TopologyHolder.class).replace(topology(), "");
    server = injector.getInstance(LightpathServer.class).start();
  }

  String target() {
    return "127.0.0.1:" + server.port();
  }

  static Topology topology() {
    Topology.Builder t = Topology.newBuilder();
    for (String id : new String[] {"ta", "tz", "tx", "ty", "tn"}) {
      t.addNodes(Node.newBuilder().setId(id).setKind(NodeKind.TRANSPONDER)
          .addTransceivers(TransceiverPool.newBuilder().setType("400ZR").setTotalCount(2)));
    }
    for (String id : new String[] {"ra", "rb"}) {
      t.addNodes(Node.newBuilder().setId(id).setKind(NodeKind.ROADM));
    }
    // a line port carries one channel: one patch cord (own ports) per transceiver
    for (String suffix : new String[] {"", "-2"}) {
      t.addFibers(patch("ta-ra" + suffix, "ta", "ra", suffix));
      t.addFibers(patch("rb-tz" + suffix, "rb", "tz", suffix));
    }
    Fiber.Builder line = Fiber.newBuilder().setId("ra-rb").setANodeId("ra").setAPortId("to-rb")
        .setZNodeId("rb").setZPortId("to-ra");
    for (int i = 0; i < 2; i++) {
      line.addSpans(Span.newBuilder().setLengthKm(80).setAmplifier(Amplifier.newBuilder().setId("ra-rb-amp" + i)));
    }
    t.addFibers(line);
    t.addFibers(Fiber.newBuilder().setId("tx-ty").setANodeId("tx").setZNodeId("ty")
        .setLengthKm(300).addSpans(Span.newBuilder().setLengthKm(300)));
    return t.build();
  }

  private static Fiber patch(String id, String a, String z, String suffix) {
    return Fiber.newBuilder().setId(id).setANodeId(a).setAPortId("to-" + z + suffix)
        .setZNodeId(z).setZPortId("to-" + a + suffix).setLengthKm(1).build();
  }

  @Override
  public void close() {
    provisioner.release();
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    injector.getInstance(ProvisioningOrchestrator.class).close();
    injector.getInstance(DeviceDrivers.class).close();
    injector.getInstance(StateStore.class).close();
  }

  /** Succeeds with every carrier up unless told to hang or to fail deprovisioning. */
  static final class SteeredProvisioner implements Provisioner {
    private final CompletableFuture<ProvisioningResult> hanging = new CompletableFuture<>();
    volatile boolean hang;
    volatile boolean failDeprovision;

    /** Lets hanging provision calls fail, so the server can stop. */
    void release() {
      hanging.completeExceptionally(new ProvisioningException("ta", "test-release",
          ProvisioningException.Kind.REJECTED, true, "released by the test", null));
    }

    @Override
    public CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels) {
      return hang ? hanging
          : CompletableFuture.completedFuture(new ProvisioningResult(Collections.nCopies(channels.size(), true)));
    }

    @Override
    public CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels) {
      return failDeprovision
          ? CompletableFuture.failedFuture(new ProvisioningException("ta", "transponder-optical-channel",
              ProvisioningException.Kind.TIMEOUT, false, "no answer", null))
          : CompletableFuture.completedFuture(null);
    }
  }
}
