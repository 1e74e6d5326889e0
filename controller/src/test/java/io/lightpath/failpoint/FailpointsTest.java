package io.lightpath.failpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailpointsTest {

  @AfterEach
  void reset() {
    Failpoints.disableAll();
  }

  @Test
  void disabledFailpointDoesNothing() {
    Failpoints.hit("nothing-enabled");
    Failpoints.enable("other", FailpointAction.error());
    Failpoints.hit("nothing-enabled");
  }

  @Test
  void errorActionThrowsNamingTheFailpoint() {
    Failpoints.enable("reserve:error");
    FailpointException e = assertThrows(FailpointException.class, () -> Failpoints.hit("reserve"));
    assertEquals("reserve", e.failpoint());
    Failpoints.disable("reserve");
    Failpoints.hit("reserve");
  }

  @Test
  void fromAndCountSelectWhichHitsFire() {
    Failpoints.enable("p", FailpointAction.parse("error@3*2"));
    Failpoints.hit("p");
    Failpoints.hit("p");
    assertThrows(FailpointException.class, () -> Failpoints.hit("p"));
    assertThrows(FailpointException.class, () -> Failpoints.hit("p"));
    Failpoints.hit("p");
    assertEquals(5, Failpoints.action("p").hits());
  }

  @Test
  void sleepActionDelaysTheCaller() {
    Failpoints.enable("slow", FailpointAction.parse("sleep(50)"));
    long start = System.nanoTime();
    Failpoints.hit("slow");
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos());
  }

  @Test
  void specParsingAcceptsColonAndEqualsAndRejectsGarbageClearly() {
    Map<String, FailpointAction> parsed =
        Failpoints.parse("reserve:crash, device-2=error*1 ,slow:sleep(20)@2");
    assertEquals("crash", parsed.get("reserve").toString());
    assertEquals("error*1", parsed.get("device-2").toString());
    assertEquals("sleep(20)@2", parsed.get("slow").toString());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Failpoints.parse("reserve:explode"));
    assertTrue(bad.getMessage().contains("reserve:explode") || bad.getMessage().contains("explode"));
    assertThrows(IllegalArgumentException.class, () -> Failpoints.parse("no-action"));
    assertThrows(IllegalArgumentException.class, () -> Failpoints.parse("x:error*0"));
    assertThrows(IllegalArgumentException.class, () -> Failpoints.parse("x:sleep(abc)"));
    assertNull(Failpoints.action("reserve"), "parse does not enable");
  }

  @Test
  void crashActionHaltsTheJvmLikeSigkillWhenEnabledBySystemProperty() throws Exception {
    Process child =
        ChildJvm.start(
            FailpointChildMain.class,
            List.of("-D" + Failpoints.PROPERTY + "=step-1:error,step-2:crash"),
            List.of(),
            Map.of());
    List<String> lines = readAll(child);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(FailpointAction.CRASH_EXIT_STATUS, child.exitValue());
    assertEquals(List.of("error at step-1"), lines, "nothing runs after the crash point");
  }

  @Test
  void environmentVariableEnablesFailpoints() throws Exception {
    Process child =
        ChildJvm.start(
            FailpointChildMain.class, List.of(), List.of(), Map.of(Failpoints.ENV, "step-3:error"));
    List<String> lines = readAll(child);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue());
    assertEquals(List.of("passed step-1", "passed step-2", "error at step-3"), lines);
  }

  private static List<String> readAll(Process child) throws Exception {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      return reader.lines().collect(Collectors.toList());
    }
  }
}
