package io.lightpath.demo;

import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.LabOptions;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bench's emulated lab in a JVM of its own ({@code bench --lab-process}), so the controller's
 * CPU per service can be measured apart from the devices', as it would be with real devices that
 * do their own work on their own CPUs.
 *
 * <p>{@link #main} is the child: it builds the same {@link BenchLab}, starts it, prints one
 * {@code endpoint NAME ROLE HOST PORT} line per device and then {@code ready}, and stops when its
 * standard input closes (so it never outlives the bench). {@link #start} is the parent's side.
 */
final class BenchLabProcess implements AutoCloseable {
  private final Process process;
  private final Map<String, DeviceEndpoint> endpoints;

  private BenchLabProcess(Process process, Map<String, DeviceEndpoint> endpoints) {
    this.process = process;
    this.endpoints = endpoints;
  }

  /**
   * Child entry point: {@code SITES SERVICES YANG_VALIDATION [SHARED_PORT]}; SHARED_PORT true
   * serves every device on one port (default false).
   */
  public static void main(String[] args) throws Exception {
    BenchLab lab = new BenchLab(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    LabOptions options = LabOptions.defaults().withYangValidation(Boolean.parseBoolean(args[2]))
        .withSharedPort(args.length > 3 && Boolean.parseBoolean(args[3]));
    try (EmulatedLab running = EmulatedLab.start(lab.topology(), options)) {
      for (DeviceEndpoint ep : running.endpoints()) {
        System.out.printf("endpoint %s %s %s %d%n", ep.name(), ep.role(), ep.host(), ep.port());
      }
      System.out.println("ready");
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // wait for the parent to close our standard input
      }
    }
  }

  /**
   * Starts the child with this JVM's class path and {@code jvmOptions}, and waits until it serves.
   *
   * @throws IOException when the child does not start or dies before it is ready
   */
  static BenchLabProcess start(int sites, int services, boolean yangValidation,
      boolean sharedPort, List<String> jvmOptions) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BenchLabProcess.class.getName());
    cmd.add(Integer.toString(sites));
    cmd.add(Integer.toString(services));
    cmd.add(Boolean.toString(yangValidation));
    cmd.add(Boolean.toString(sharedPort));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, DeviceEndpoint> endpoints = new LinkedHashMap<>();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); ; line = out.readLine()) {
        if (line == null) {
          throw new IOException("lab process exited before it was ready (exit "
              + (p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1) + ")");
        }
        if (line.equals("ready")) {
          break;
        }
        String[] f = line.split(" ");
        if (f.length == 5 && f[0].equals("endpoint")) {
          endpoints.put(f[1], new DeviceEndpoint(f[1], DeviceRole.valueOf(f[2]), f[3],
              Integer.parseInt(f[4]), f[1]));
        }
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      p.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof IOException io ? io : new IOException("lab process: " + e.getMessage(), e);
    }
    return new BenchLabProcess(p, endpoints);
  }

  Map<String, DeviceEndpoint> endpoints() {
    return endpoints;
  }

  /** CPU time the child has used so far (user + system), or zero if the OS does not say. */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
