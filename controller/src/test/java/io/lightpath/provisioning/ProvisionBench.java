package io.lightpath.provisioning;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: measures provision (4 devices, 6 verified changes, carrier check) and deprovision
 * latency of one channel against the emulated tri-site lab over loopback, one at a time, and
 * prints p50/p99. Usage: {@code ProvisionBench [iterations]} (see docs/provisioning.md).
 */
public final class ProvisionBench {
  private ProvisionBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmup = Math.max(20, n / 5);
    try (LabHarness h = new LabHarness("tri-site.yaml")) {
      long[] up = new long[n];
      long[] down = new long[n];
      for (int i = -warmup; i < n; i++) {
        long t0 = System.nanoTime();
        h.provisioner.provision("bench", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
            .get(60, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        h.provisioner.deprovision("bench", List.of(DeviceProvisionerLabTest.ALDER_BIRCH))
            .get(60, TimeUnit.SECONDS);
        long t2 = System.nanoTime();
        if (i >= 0) {
          up[i] = t1 - t0;
          down[i] = t2 - t1;
        }
      }
      print("provision (verified, carrier up)", up);
      print("deprovision", down);
    }
    System.exit(0);
  }

  private static void print(String what, long[] nanos) {
    Arrays.sort(nanos);
    System.out.printf("%-34s n=%d p50=%.2f ms p99=%.2f ms%n", what, nanos.length,
        nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, nanos.length * 0.99)] / 1e6);
  }
}
