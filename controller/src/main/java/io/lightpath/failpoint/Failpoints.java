package io.lightpath.failpoint;

import java.util.HashMap;
import java.util.Map;

/**
 * The process-wide failpoint registry.
 *
 * <p>Enabled at startup from the system property {@value #PROPERTY} or else the environment
 * variable {@value #ENV}, a comma-separated list of {@code name:ACTION} (or {@code name=ACTION})
 * entries, e.g. {@code -Dlightpath.failpoints=reserve:crash,device-2:error*1}; see {@link
 * FailpointAction} for the action syntax. Tests may also {@link #enable} and {@link #disableAll}.
 *
 * <p>{@link #hit} costs one volatile read when no failpoint is enabled.
 */
public final class Failpoints {

  public static final String PROPERTY = "lightpath.failpoints";
  public static final String ENV = "LIGHTPATH_FAILPOINTS";

  /** Immutable snapshot, replaced on every change; empty means "all off". */
  private static volatile Map<String, FailpointAction> active = Map.of();

  static {
    String spec = System.getProperty(PROPERTY);
    if (spec == null) {
      spec = System.getenv(ENV);
    }
    if (spec != null && !spec.isBlank()) {
      active = parse(spec);
    }
  }

  private Failpoints() {}

  /**
   * Marks a failpoint: does nothing unless {@code name} is enabled, otherwise performs its action.
   *
   * @throws FailpointException when the failpoint is enabled with {@code error}
   */
  public static void hit(String name) {
    Map<String, FailpointAction> snapshot = active;
    if (snapshot.isEmpty()) {
      return;
    }
    FailpointAction action = snapshot.get(name);
    if (action != null) {
      action.trigger(name);
    }
  }

  /** Enables {@code name} with {@code action}, replacing any previous action. */
  public static synchronized void enable(String name, FailpointAction action) {
    Map<String, FailpointAction> next = new HashMap<>(active);
    next.put(name, action);
    active = Map.copyOf(next);
  }

  /** Enables every entry of a {@code name:ACTION,...} spec. */
  public static synchronized void enable(String spec) {
    Map<String, FailpointAction> next = new HashMap<>(active);
    next.putAll(parse(spec));
    active = Map.copyOf(next);
  }

  public static synchronized void disable(String name) {
    Map<String, FailpointAction> next = new HashMap<>(active);
    next.remove(name);
    active = Map.copyOf(next);
  }

  public static synchronized void disableAll() {
    active = Map.of();
  }

  /** The action of {@code name}, or {@code null} when it is not enabled. */
  public static FailpointAction action(String name) {
    return active.get(name);
  }

  /**
   * Parses {@code name:ACTION[,name:ACTION...]}.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static Map<String, FailpointAction> parse(String spec) {
    Map<String, FailpointAction> out = new HashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int sep = indexOfSeparator(entry);
      if (sep <= 0 || sep == entry.length() - 1) {
        throw new IllegalArgumentException(
            "bad failpoint entry '" + entry.trim() + "': expected name:action, e.g. reserve:crash");
      }
      out.put(entry.substring(0, sep).trim(), FailpointAction.parse(entry.substring(sep + 1)));
    }
    return Map.copyOf(out);
  }

  private static int indexOfSeparator(String entry) {
    int colon = entry.indexOf(':');
    int equals = entry.indexOf('=');
    if (colon < 0) {
      return equals;
    }
    return equals < 0 ? colon : Math.min(colon, equals);
  }
}
