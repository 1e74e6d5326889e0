package io.lightpath.it.crash;

import io.lightpath.it.ProcessOutput;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One controller JVM of a crash trial: {@code java -jar} the shaded jar with {@code serve} on a
 * data directory, optionally with failpoints (system property {@code lightpath.failpoints}). It
 * is started with a small heap and C1 only so that a trial's two starts cost about a second each.
 * Output is kept (bounded) for the report of a failing trial.
 */
final class ControllerJvm implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("lightpath serving on [^,]*:(\\d+)");
  private static final int MAX_LOG_CHARS = 64 * 1024;

  private final Process process;
  private final StringBuilder log = new StringBuilder();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  /** Controllers still running when the test JVM exits (e.g. Maven interrupted) are killed. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "crash-controller-reaper"));
  }

  private ControllerJvm(Process process) {
    this.process = process;
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
    ProcessOutput.pump(process.getInputStream(), line -> {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        port.complete(Integer.parseInt(m.group(1)));
      }
      append(line);
    });
    ProcessOutput.pump(process.getErrorStream(), this::append);
    process.onExit().thenRun(() -> port.completeExceptionally(
        new IllegalStateException("controller exited (" + process.exitValue() + ") before serving")));
  }

  /** The shaded controller jar (system property {@code lightpath.jar}, set by Failsafe). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("lightpath.jar", "../controller/target/missing.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("runnable jar not built: " + jar
          + " (./mvnw -pl controller -am package -DskipTests)");
    }
    return jar;
  }

  /**
   * Starts {@code serve} on {@code dataDir} and waits for its banner.
   *
   * @param failpoints a {@code lightpath.failpoints} spec, or empty for none
   * @param serveArgs further {@code serve} options
   */
  static ControllerJvm start(Path dataDir, String failpoints, Duration timeout, String... serveArgs)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-XX:+UseSerialGC"));
    classArchive().ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
    if (!failpoints.isEmpty()) {
      cmd.add("-Dlightpath.failpoints=" + failpoints);
    }
    cmd.addAll(List.of("-jar", jar().toString(), "serve", "--port", "0", "--bind", "127.0.0.1",
        "--metrics-port", "-1", "--data-dir", dataDir.toString()));
    cmd.addAll(List.of(serveArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // a failpoint spec in the environment of the test JVM must not leak into the restart
    pb.environment().remove("LIGHTPATH_FAILPOINTS");
    ControllerJvm jvm = new ControllerJvm(pb.start());
    try {
      jvm.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      jvm.close();
      throw new IllegalStateException("controller did not start: " + e.getMessage() + "\n" + jvm.log(), e);
    }
    return jvm;
  }

  /**
   * An application class-data archive of the controller (AppCDS), made once per jar version by a
   * run that exits normally ({@code -XX:ArchiveClassesAtExit}; a crashed JVM writes none). It
   * takes about a third off each start. Off with {@code -Dlightpath.crash.cds=false}; if it
   * cannot be made, starts go without it.
   */
  static synchronized Optional<Path> classArchive() {
    if (!Boolean.parseBoolean(System.getProperty("lightpath.crash.cds", "true"))) {
      return Optional.empty();
    }
    try {
      Path jar = jar();
      // beside the jar, so `mvn clean` removes it; one per jar build (~40 MB each), older ones deleted
      Path archive = jar.toAbsolutePath().resolveSibling("crash-cds-"
          + Integer.toHexString((jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
              + Files.getLastModifiedTime(jar).toMillis()).hashCode()) + ".jsa");
      if (Files.isRegularFile(archive)) {
        return Optional.of(archive);
      }
      try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "crash-cds-*.jsa")) {
        for (Path p : old) {
          Files.deleteIfExists(p);
        }
      }
      Path dir = Files.createTempDirectory("lightpath-crash-cds-");
      List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "serve", "--port", "0",
          "--bind", "127.0.0.1", "--metrics-port", "-1", "--data-dir", dir.resolve("data").toString());
      ControllerJvm trainer = new ControllerJvm(new ProcessBuilder(cmd).start());
      try {
        trainer.port.get(60, TimeUnit.SECONDS);
        trainer.process.toHandle().destroy(); // SIGTERM: a normal exit writes the archive
        trainer.process.waitFor(60, TimeUnit.SECONDS);
      } finally {
        trainer.close();
        CrashTrial.deleteTree(dir);
      }
      return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  int port() {
    return port.join();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Exit code once dead, waiting up to {@code timeout}; -1 if still running. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash failpoint's {@code Runtime.halt}. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  synchronized String log() {
    return log.toString();
  }

  private synchronized void append(String line) {
    if (log.length() < MAX_LOG_CHARS) {
      log.append(line).append('\n');
    }
  }

  @Override
  public void close() {
    kill();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
