package io.lightpath.reconcile;

import io.lightpath.device.DeviceRegistry;
import io.lightpath.device.ManagedDevice;
import io.lightpath.model.Topology;
import io.lightpath.provisioning.ChannelMapper;
import io.lightpath.provisioning.DeviceDrivers;
import io.lightpath.service.ServiceRepository;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Level-triggered device reconciliation: compares every device's controller-managed
 * configuration with what the services in the store need ({@link ConfigDiff}), reports each
 * difference (WARN log line, {@code lightpath_reconcile_findings_total}, the returned report) and,
 * when asked to, corrects it through the driver: re-applies missing and altered items, removes
 * orphans.
 *
 * <p><b>Concurrency.</b> Each device is handled inside its provisioning lane ({@link DeviceLane}),
 * so no provisioning or deprovisioning step runs on the device between reading it and correcting
 * it. Inside the lane the device is read <em>first</em> and the store <em>second</em>: a service
 * writes its PROVISIONING record before it touches any device, so configuration seen on the
 * device belongs to a record the later store read sees. Items of services in flight (PENDING,
 * PROVISIONING, DELETING) are neither reported nor touched, and nothing is an orphan while a live
 * service cannot be mapped. A device that cannot be read is reported UNREACHABLE and not touched;
 * the next pass retries it. Devices are reconciled in parallel with each other. Thread-safe.
 */
public final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int PAGE = 256;

  private final ServiceRepository services;
  private final DeviceRegistry registry;
  private final Supplier<Topology> topology;
  private final DeviceDrivers drivers;
  private final ChannelMapper mapper;
  private final DeviceLane lane;
  private final Executor executor;
  private final ReconcileMetrics metrics;
  private final Runnable beforePass;

  /**
   * @param executor runs store reads and comparisons (never a driver thread)
   * @param beforePass runs before every pass; {@code serve} passes the startup recovery, so no
   *     pass sees services a restart caught mid-provisioning
   */
  public Reconciler(ServiceRepository services, DeviceRegistry registry, Supplier<Topology> topology,
      DeviceDrivers drivers, ChannelMapper mapper, DeviceLane lane, Executor executor,
      MeterRegistry meters, Runnable beforePass) {
    this.services = services;
    this.registry = registry;
    this.topology = topology;
    this.drivers = drivers;
    this.mapper = mapper;
    this.lane = lane;
    this.executor = executor;
    this.metrics = new ReconcileMetrics(meters);
    this.beforePass = beforePass;
  }

  /**
   * One pass.
   *
   * @param deviceIds devices to check; empty means every registered device (ids that are not
   *     registered are skipped: the API validates them first)
   * @param correct change the devices (true) or only report (false)
   */
  public CompletableFuture<ReconcileReport> reconcile(Collection<String> deviceIds, boolean correct) {
    return CompletableFuture.supplyAsync(() -> {
      beforePass.run();
      return registered();
    }, executor).thenComposeAsync(all -> {
      // on the executor, never the caller's thread: device calls must not inherit a gRPC call's
      // Context, which is cancelled when that call ends
      Map<String, String> deviceOfNode = deviceOfNode(all);
      IntentBuilder intents = new IntentBuilder(mapper, topology.get(), deviceOfNode);
      List<ManagedDevice> chosen = deviceIds.isEmpty() ? all
          : all.stream().filter(d -> deviceIds.contains(d.id())).toList();
      List<CompletableFuture<List<Finding>>> perDevice = new ArrayList<>();
      for (ManagedDevice d : chosen) {
        perDevice.add(device(d, intents, correct));
      }
      return CompletableFuture.allOf(perDevice.toArray(CompletableFuture[]::new)).thenApply(v -> {
        List<Finding> findings = new ArrayList<>();
        perDevice.forEach(f -> findings.addAll(f.join()));
        intents.unmappable().forEach((id, why) -> log.warn(
            "reconcile: service {} cannot be mapped onto the topology ({}); no orphans are reported", id, why));
        return report(new ReconcileReport(chosen.size(), correct, findings));
      });
    }, executor);
  }

  private ReconcileReport report(ReconcileReport r) {
    metrics.pass();
    for (Finding f : r.findings()) {
      metrics.finding(f);
      log.warn("reconcile finding device={} kind={} item=\"{}\" services={} expected=\"{}\" actual=\"{}\" action={}{}",
          f.deviceId(), f.kind(), f.item(), String.join(",", f.serviceIds()), f.expected(), f.actual(),
          f.action(), f.detail().isEmpty() ? "" : " detail=\"" + f.detail() + "\"");
    }
    log.info("reconcile pass: {} device(s), {} finding(s): {} missing, {} mismatch, {} orphan, {} unreachable; {}",
        r.devicesChecked(), r.findings().size(), r.count(FindingKind.MISSING), r.count(FindingKind.MISMATCH),
        r.count(FindingKind.ORPHAN), r.count(FindingKind.UNREACHABLE),
        r.corrected() ? "corrected " + r.findings().stream()
            .filter(f -> f.action() == FindingAction.CORRECTED).count() : "report only");
    return r;
  }

  private CompletableFuture<List<Finding>> device(ManagedDevice d, IntentBuilder intents, boolean correct) {
    if (d.role() == ManagedDevice.Role.AMPLIFIER) {
      return CompletableFuture.completedFuture(List.of()); // nothing on it is controller-managed
    }
    DeviceDriver driver;
    try {
      driver = drivers.driverFor(d);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(List.of(Finding.unreachable(d.id(),
          "cannot open a driver: " + e.getMessage())));
    }
    return lane.run(d.id(), () -> DeviceAccess.read(driver, d.role()).handle((actual, readError) -> {
      if (readError != null) {
        return CompletableFuture.completedFuture(List.of(Finding.unreachable(d.id(), message(readError))));
      }
      // the store is read after the device (see the class comment), off the driver's thread
      return CompletableFuture.supplyAsync(
              () -> ConfigDiff.diff(intents.forDevice(d.id(), services.all()), actual), executor)
          .thenCompose(found -> settle(driver, d.id(), found, correct));
    }).thenCompose(f -> f));
  }

  /**
   * Corrects the discrepancies one after the other, in order (or only reports them), and returns
   * the findings in the same order. A failed correction does not stop the others.
   */
  private static CompletableFuture<List<Finding>> settle(
      DeviceDriver driver, String deviceId, List<Discrepancy> found, boolean correct) {
    List<Finding> out = new ArrayList<>(); // appended by one chain, one stage at a time
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Discrepancy x : found) {
      if (!correct || x.fixes().isEmpty()) {
        chain = chain.thenRun(() -> out.add(finding(deviceId, x, FindingAction.REPORTED, x.unfixable())));
        continue;
      }
      chain = chain.thenCompose(v -> DeviceAccess.apply(driver, x.fixes())).handle((v, err) -> {
        out.add(err == null ? finding(deviceId, x, FindingAction.CORRECTED, "")
            : finding(deviceId, x, FindingAction.CORRECTION_FAILED, message(err)));
        return null;
      });
    }
    return chain.thenApply(v -> List.copyOf(out));
  }

  private static Finding finding(String deviceId, Discrepancy x, FindingAction action, String detail) {
    return new Finding(deviceId, x.kind(), x.item(), x.serviceIds(), x.expected(), x.actual(), action, detail);
  }

  private static String message(Throwable t) {
    DeviceException de = DeviceException.unwrap(t);
    if (de != null) {
      return de.getMessage();
    }
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return String.valueOf(cause.getMessage());
  }

  private List<ManagedDevice> registered() {
    List<ManagedDevice> all = new ArrayList<>();
    String after = "";
    while (true) {
      List<ManagedDevice> page = registry.page(after, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /**
   * Node id to device id, as {@link DeviceDrivers#deviceFor} resolves it: the first device (by id)
   * whose node id matches, else the device with that id and no node id.
   */
  private static Map<String, String> deviceOfNode(List<ManagedDevice> devices) {
    Map<String, String> out = new HashMap<>();
    for (ManagedDevice d : devices) {
      if (d.nodeId() != null && !d.nodeId().isEmpty()) {
        out.putIfAbsent(d.nodeId(), d.id());
      }
    }
    for (ManagedDevice d : devices) {
      if (d.nodeId() == null || d.nodeId().isEmpty()) {
        out.putIfAbsent(d.id(), d.id());
      }
    }
    return out;
  }
}
