package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The lab and lab fault commands, run in-process with captured output. */
class LabCommandTest {
  private record Result(int exit, String out, String err) {}

  private static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void runsLabAndInjectsFaults() throws Exception {
    LabCommand lab = new LabCommand();
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(lab);
    cl.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cl.execute("--bundled", "tri-site.yaml"));
    lab.awaitStarted();
    String printed = out.toString();
    assertTrue(printed.contains("alder-tp1"), printed);
    Matcher m = Pattern.compile("admin (\\S+)").matcher(printed);
    assertTrue(m.find(), printed);
    String admin = m.group(1);

    Result cut = run(new LabCommand(), "fault", "cut-fiber", "alder-birch", "--admin", admin);
    assertEquals(0, cut.exit(), cut.err());
    assertEquals("fiber alder-birch cut", cut.out().trim());

    Result down = run(new LabCommand(), "fault", "down", "birch-tp1", "--admin", admin);
    assertEquals(0, down.exit(), down.err());
    Result devices = run(new LabCommand(), "fault", "devices", "--admin", admin);
    assertTrue(devices.out().lines().anyMatch(l -> l.startsWith("birch-tp1") && l.endsWith("DOWN")),
        devices.out());

    Result optics = run(new LabCommand(), "fault", "optics", "birch-tp1", "--admin", admin);
    assertEquals("birch-tp1:line1 LOS", optics.out().trim());

    Result bad = run(new LabCommand(), "fault", "cut-fiber", "nope", "--admin", admin);
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("NOT_FOUND"), bad.err());

    lab.requestStop();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    assertTrue(out.toString().contains("lab stopped"));
  }

  @Test
  void missingTopologyIsAUsageError() {
    Result r = run(new LabCommand());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--topology"), r.err());
  }

  @Test
  void unreadableTopologyFailsClearly() {
    Result r = run(new LabCommand(), "--topology", "/nonexistent/lab.yaml");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("lab.yaml"), r.err());
  }

  @Test
  void runsATopologyFileOnASharedPort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("lab.yaml");
    try (var in = LabCommand.class.getResourceAsStream("/labs/hexa-metro.yaml")) {
      java.nio.file.Files.copy(in, file);
    }
    LabCommand lab = new LabCommand();
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(lab);
    cl.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> cl.execute("--topology", file.toString(), "--shared-port"));
    lab.awaitStarted();
    List<String> endpoints = out.toString().lines().filter(l -> l.contains("target=")).toList();
    assertEquals(16, endpoints.size(), out.toString());
    // One shared host:port for all devices.
    assertEquals(1, endpoints.stream().map(l -> l.trim().split("\\s+")[2]).distinct().count());
    lab.requestStop();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
  }
}
