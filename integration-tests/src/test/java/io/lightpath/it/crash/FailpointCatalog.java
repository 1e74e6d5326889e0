package io.lightpath.it.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failpoints a trial may crash at, with how far into their hits the crash may come. An entry
 * is {@code name[{lo..hi}][@maxHit | @firstHit..lastHit]}: {@code {lo..hi}} stands for a number
 * drawn in that range (e.g. {@code provision.after-device-{0..3}}), and the crash fires at a hit
 * drawn in 1..maxHit (default 3) or firstHit..lastHit, so a later service or a later commit is hit
 * too.
 *
 * @param entries the entries
 * @param sigkillFraction share of trials that are a plain SIGKILL at a random moment instead
 */
record FailpointCatalog(List<String> entries, double sigkillFraction) {
  /**
   * The documented failpoints (docs/crash-testing.md): the lifecycle's steps, the provisioner's
   * per-device steps and the store's commit points (whose hit numbers include the topology
   * write and 13 device registrations of the trial's setup: from hit 8 on, most crashes come
   * during the services' own commits).
   */
  static final List<String> DEFAULT = List.of(
      "after-reserve@3",
      "provision.after-device-{0..3}@2",
      "provision.before-verify@3",
      "before-active@3",
      "delete.before-deprovision@2",
      "delete.before-deleted@2",
      "store.before-commit@8..40",
      "store.after-commit@8..40");

  private static final Pattern ENTRY =
      Pattern.compile("^([^{@]*)(?:\\{(\\d+)\\.\\.(\\d+)})?([^{@]*)(?:@(\\d+)(?:\\.\\.(\\d+))?)?$");

  /** From {@code lightpath.crash.failpoints} (comma-separated entries) or the default list. */
  static FailpointCatalog fromSystemProperties() {
    String list = System.getProperty("lightpath.crash.failpoints", "").trim();
    List<String> entries = list.isEmpty() ? DEFAULT : List.of(list.split("\\s*,\\s*"));
    double kill = Double.parseDouble(System.getProperty("lightpath.crash.sigkillFraction", "0.2"));
    return new FailpointCatalog(entries, kill);
  }

  FailpointCatalog {
    entries = List.copyOf(entries);
    for (String e : entries) {
      if (!ENTRY.matcher(e).matches()) {
        throw new IllegalArgumentException(
            "bad failpoint entry '" + e + "': expected name[{lo..hi}][@maxHit or @firstHit..lastHit]");
      }
    }
    if (entries.isEmpty() && sigkillFraction < 1) {
      throw new IllegalArgumentException("no failpoints and sigkillFraction < 1");
    }
  }

  /** A {@code lightpath.failpoints} spec: one failpoint set to crash at a random hit. */
  String pick(RandomGenerator rnd) {
    Matcher m = ENTRY.matcher(entries.get(rnd.nextInt(entries.size())));
    if (!m.matches()) {
      throw new IllegalStateException("validated in the constructor");
    }
    StringBuilder name = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      int lo = Integer.parseInt(m.group(2));
      int hi = Integer.parseInt(m.group(3));
      name.append(lo + rnd.nextInt(hi - lo + 1));
    }
    name.append(m.group(4));
    int lo = 1;
    int hi = 3;
    if (m.group(6) != null) {
      lo = Integer.parseInt(m.group(5));
      hi = Integer.parseInt(m.group(6));
    } else if (m.group(5) != null) {
      hi = Integer.parseInt(m.group(5));
    }
    return name + ":crash@" + (lo + rnd.nextInt(Math.max(1, hi - lo + 1)));
  }

  /** Every failpoint name the entries can produce (ranges expanded), for the docs and checks. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      Matcher m = ENTRY.matcher(e);
      if (m.matches() && m.group(2) != null) {
        for (int i = Integer.parseInt(m.group(2)); i <= Integer.parseInt(m.group(3)); i++) {
          out.add(m.group(1) + i + m.group(4));
        }
      } else if (m.matches()) {
        out.add(m.group(1) + m.group(4));
      }
    }
    return out;
  }
}
