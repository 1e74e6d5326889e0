package io.lightpath.sim;

import io.lightpath.pce.DefaultPolicy;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.Locale;

/**
 * Short policy names for the command line: {@code <order>-<policy>} with order {@code ksp} or
 * {@code across} and policy {@code ff}, {@code lf}, {@code random}, {@code mu}, {@code lu} or
 * {@code bf}; for instance {@code ksp-ff} (KSP first-fit) or {@code across-ff} (first-fit across
 * all k paths). {@code default} is the engine's default.
 *
 * @param order the path order
 * @param policy the spectrum policy
 */
public record PolicyName(PathOrder order, SpectrumPolicy policy) {

  /** Every combination, in a stable order (for sweeps). */
  public static PolicyName[] all() {
    PolicyName[] all = new PolicyName[PathOrder.values().length * SpectrumPolicy.values().length];
    int i = 0;
    for (PathOrder o : PathOrder.values()) {
      for (SpectrumPolicy p : SpectrumPolicy.values()) {
        all[i++] = new PolicyName(o, p);
      }
    }
    return all;
  }

  /** Parses a name; throws IllegalArgumentException listing the valid forms. */
  public static PolicyName parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("default")) {
      return new PolicyName(DefaultPolicy.ORDER, DefaultPolicy.POLICY);
    }
    int dash = n.indexOf('-');
    if (dash > 0) {
      PathOrder order = switch (n.substring(0, dash)) {
        case "ksp" -> PathOrder.KSP;
        case "across" -> PathOrder.ACROSS_PATHS;
        default -> null;
      };
      SpectrumPolicy policy = switch (n.substring(dash + 1)) {
        case "ff" -> SpectrumPolicy.FIRST_FIT;
        case "lf" -> SpectrumPolicy.LAST_FIT;
        case "random" -> SpectrumPolicy.RANDOM;
        case "mu" -> SpectrumPolicy.MOST_USED;
        case "lu" -> SpectrumPolicy.LEAST_USED;
        case "bf" -> SpectrumPolicy.BEST_FIT;
        default -> null;
      };
      if (order != null && policy != null) {
        return new PolicyName(order, policy);
      }
    }
    throw new IllegalArgumentException("unknown policy '" + name + "'; use default or"
        + " <ksp|across>-<ff|lf|random|mu|lu|bf>, e.g. ksp-ff");
  }

  @Override
  public String toString() {
    String o = order == PathOrder.KSP ? "ksp" : "across";
    String p = switch (policy) {
      case FIRST_FIT -> "ff";
      case LAST_FIT -> "lf";
      case RANDOM -> "random";
      case MOST_USED -> "mu";
      case LEAST_USED -> "lu";
      case BEST_FIT -> "bf";
    };
    return o + "-" + p;
  }
}
