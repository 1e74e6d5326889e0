package io.lightpath.service;

import io.lightpath.pce.ComputedChannel;
import io.lightpath.provisioning.Provisioner;
import io.lightpath.provisioning.ProvisioningException;
import io.lightpath.provisioning.ProvisioningResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake of our own {@link Provisioner} interface: records calls, succeeds with every carrier up
 * by default, and can be told to fail at a device and step (after "rolling back") or to hang
 * until released.
 */
final class FakeProvisioner implements Provisioner {
  final List<String> provisioned = Collections.synchronizedList(new ArrayList<>());
  /** The gRPC Context each provision call ran in (a device RPC would inherit it). */
  final List<io.grpc.Context> contexts = Collections.synchronizedList(new ArrayList<>());
  final List<String> deprovisioned = Collections.synchronizedList(new ArrayList<>());
  /** The channels of each prepare call, and those of each provision call, in call order. */
  final List<List<ComputedChannel>> prepared = Collections.synchronizedList(new ArrayList<>());
  final List<List<ComputedChannel>> provisionedChannels =
      Collections.synchronizedList(new ArrayList<>());
  /** When set, prepare throws (a provisioner breaking the "never throws" rule). */
  volatile boolean prepareThrows;
  private final BlockingQueue<CompletableFuture<ProvisioningResult>> hanging =
      new LinkedBlockingQueue<>();
  private volatile String failDevice;
  private volatile String failStep;
  private volatile boolean hang;
  private volatile int deprovisionFailures;

  FakeProvisioner failAt(String device, String step) {
    failDevice = device;
    failStep = step;
    return this;
  }

  /** The next {@code n} deprovision calls fail at a transponder. */
  FakeProvisioner failDeprovision(int n) {
    deprovisionFailures = n;
    return this;
  }

  /**
   * The next provision call left hanging, waiting for it (provisioning starts asynchronously
   * after CreateService returns).
   */
  CompletableFuture<ProvisioningResult> nextHanging() throws InterruptedException {
    CompletableFuture<ProvisioningResult> f = hanging.poll(30, TimeUnit.SECONDS);
    if (f == null) {
      throw new AssertionError("no provision call within 30 s");
    }
    return f;
  }

  FakeProvisioner hang() {
    hang = true;
    return this;
  }

  @Override
  public CompletableFuture<Void> prepare(List<ComputedChannel> channels) {
    prepared.add(channels);
    if (prepareThrows) {
      throw new IllegalStateException("read-ahead broke");
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<ProvisioningResult> provision(String serviceId, List<ComputedChannel> channels) {
    provisionedChannels.add(channels);
    provisioned.add(serviceId);
    contexts.add(io.grpc.Context.current());
    if (failDevice != null) {
      return CompletableFuture.failedFuture(new ProvisioningException(failDevice, failStep,
          ProvisioningException.Kind.REJECTED, true, "device said no", null));
    }
    if (hang) {
      CompletableFuture<ProvisioningResult> f = new CompletableFuture<>();
      hanging.add(f);
      return f;
    }
    return CompletableFuture.completedFuture(
        new ProvisioningResult(Collections.nCopies(channels.size(), true)));
  }

  @Override
  public CompletableFuture<Void> deprovision(String serviceId, List<ComputedChannel> channels) {
    deprovisioned.add(serviceId);
    if (deprovisionFailures > 0) {
      deprovisionFailures--;
      return CompletableFuture.failedFuture(new ProvisioningException("ta",
          "transponder-optical-channel", ProvisioningException.Kind.TIMEOUT, false, "no answer", null));
    }
    return CompletableFuture.completedFuture(null);
  }
}
