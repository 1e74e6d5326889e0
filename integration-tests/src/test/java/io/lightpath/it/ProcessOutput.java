package io.lightpath.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads a child process's output line by line on a daemon thread, so the child never blocks on a full pipe. */
public final class ProcessOutput {
  private ProcessOutput() {}

  /** Feeds every line of {@code in} to {@code lines} until the stream ends. */
  public static void pump(InputStream in, Consumer<String> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.accept(line);
        }
      } catch (IOException ignored) {
        // the process is gone; nothing more to read
      }
    }, "controller-output");
    t.setDaemon(true);
    t.start();
  }
}
