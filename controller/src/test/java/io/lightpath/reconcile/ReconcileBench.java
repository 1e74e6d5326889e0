package io.lightpath.reconcile;

import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import io.lightpath.southbound.spi.MediaChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures reconciliation passes on a generated emulated lab (ring of {@code sites} ROADMs with
 * {@code ports} single-port transponders each) carrying {@code sites × ports / 2} 400G services
 * between neighbouring sites: the time of a report-only
 * pass that finds nothing, and of a correcting pass after every media channel of one ROADM was
 * deleted. Prints the numbers; asserts nothing. Run: see docs/lifecycle.md#reconciliation.
 *
 * <p>Arguments: sites (default 8), transponders per site (default 8), passes (default 10).
 */
public final class ReconcileBench {
  private ReconcileBench() {}

  public static void main(String[] args) throws Exception {
    int sites = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int ports = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    try (ReconcileLab lab = ReconcileLab.start(ring(sites, ports), "400ZR")) {
      int services = 0;
      for (int s = 0; s < sites; s++) {
        for (int p = 0; p < ports / 2; p++) {
          Service created = lab.create("bench-" + s + "-" + p, tp(s, p), tp((s + 1) % sites, ports / 2 + p),
              LineRate.LINE_RATE_400G);
          if (created.getState() != ServiceState.ACTIVE) {
            throw new IllegalStateException("not lit: " + created);
          }
          services++;
        }
      }
      int devices = sites * (ports + 1);
      long[] clean = new long[passes];
      for (int i = 0; i < passes; i++) {
        long t0 = System.nanoTime();
        ReconcileReport r = lab.pass(false);
        clean[i] = System.nanoTime() - t0;
        if (!r.findings().isEmpty()) {
          throw new IllegalStateException("unexpected findings: " + r.findings());
        }
      }
      List<MediaChannel> channels = lab.roadm("roadm0").readMediaChannels().get(30, TimeUnit.SECONDS);
      for (MediaChannel m : channels) {
        lab.roadm("roadm0").removeMediaChannel(m.index()).get(30, TimeUnit.SECONDS);
      }
      long t0 = System.nanoTime();
      ReconcileReport fixed = lab.pass(true);
      long correcting = System.nanoTime() - t0;
      Arrays.sort(clean);
      System.out.printf(Locale.ROOT, "lab: %d devices, %d services (400G), %d media channels on roadm0%n",
          devices, services, channels.size());
      System.out.printf(Locale.ROOT, "report-only pass, nothing found (%d passes): p50 %.1f ms, max %.1f ms%n",
          passes, clean[passes / 2] / 1e6, clean[passes - 1] / 1e6);
      System.out.printf(Locale.ROOT, "correcting pass, %d findings (%d corrected): %.1f ms%n",
          fixed.findings().size(),
          fixed.findings().stream().filter(f -> f.action() == FindingAction.CORRECTED).count(),
          correcting / 1e6);
    }
    System.exit(0);
  }

  /**
   * A ring of {@code sites} ROADMs, 40 km apart, with {@code ports} single-port transponders per
   * site, each on its own ROADM add port. Each transponder is its own site: path computation then
   * ends every route at the requested transponder (a multi-port transponder can be given one line
   * port twice, see docs/crash-testing.md; the reconciler reports that as a MISMATCH naming every
   * service on the port).
   */
  static LabTopology ring(int sites, int ports) {
    List<DeviceSpec> devices = new ArrayList<>();
    List<FiberSpec> fibers = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      List<String> roadmPorts = new ArrayList<>(List.of("east", "west"));
      for (int p = 0; p < ports; p++) {
        roadmPorts.add("add" + p);
        devices.add(DeviceSpec.of(tp(s, p), DeviceRole.TRANSPONDER, tp(s, p), List.of("line1")));
        fibers.add(new FiberSpec(tp(s, p), new PortRef(tp(s, p), "line1"), new PortRef("roadm" + s, "add" + p),
            0.01, 0.5));
      }
      devices.add(DeviceSpec.of("roadm" + s, DeviceRole.ROADM, "roadm" + s, roadmPorts));
    }
    for (int s = 0; s < sites; s++) {
      int next = (s + 1) % sites;
      fibers.add(new FiberSpec("span" + s, new PortRef("roadm" + s, "east"), new PortRef("roadm" + next, "west"),
          40, 40 * FiberSpec.DEFAULT_ATTENUATION_DB_PER_KM));
    }
    return new LabTopology("reconcile-bench-" + sites, devices, fibers);
  }

  static String tp(int site, int port) {
    return "tp" + site + "-" + port;
  }
}
