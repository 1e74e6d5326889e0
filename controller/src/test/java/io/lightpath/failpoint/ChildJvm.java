package io.lightpath.failpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test classpath in a child JVM, for crash tests. */
public final class ChildJvm {

  private ChildJvm() {}

  public static Process start(
      Class<?> mainClass, List<String> jvmArgs, List<String> args, Map<String, String> env)
      throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    // Small heap, no JIT tiers beyond C1: the child is short-lived and the machine is shared.
    command.add("-Xmx128m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder.start();
  }
}
