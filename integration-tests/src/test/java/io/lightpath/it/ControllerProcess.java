package io.lightpath.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller as a separate JVM, started from the runnable jar exactly as {@code bin/lightpath}
 * does, on a free loopback port. Its stderr is kept for assertions.
 */
final class ControllerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("lightpath serving on [^,]*:(\\d+)");

  final Process process;
  private final StringBuffer stderr = new StringBuffer();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ControllerProcess(Process process) {
    this.process = process;
    ProcessOutput.pump(process.getInputStream(), line -> {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        port.complete(Integer.parseInt(m.group(1)));
      }
    });
    ProcessOutput.pump(process.getErrorStream(), line -> stderr.append(line).append('\n'));
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("lightpath.jar", "../controller/target/missing.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("runnable jar not built: " + jar + " (run ./mvnw verify from the root)");
    }
    return jar;
  }

  /** The command line that runs the jar with {@code args}. */
  static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  static ControllerProcess start(String... extraServeArgs) throws Exception {
    List<String> cmd = java("serve", "--port", "0", "--bind", "127.0.0.1", "--metrics-port", "0", "--in-memory");
    cmd.addAll(List.of(extraServeArgs));
    ControllerProcess cp = new ControllerProcess(new ProcessBuilder(cmd).start());
    cp.process.onExit().thenRun(() -> cp.port.completeExceptionally(
        new IllegalStateException("controller exited before serving:\n" + cp.stderr)));
    cp.port.get(60, TimeUnit.SECONDS);
    return cp;
  }

  int port() {
    return port.join();
  }

  String target() {
    return "127.0.0.1:" + port();
  }

  String stderr() {
    return stderr.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
