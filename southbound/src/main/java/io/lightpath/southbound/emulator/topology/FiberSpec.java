package io.lightpath.southbound.emulator.topology;

import java.util.Objects;

/**
 * A bidirectional fiber between two device ports.
 *
 * @param name unique fiber name (used to cut and repair it)
 * @param a one end
 * @param b the other end
 * @param lengthKm fiber length in km
 * @param lossDb total loss in dB, the same in both directions
 */
public record FiberSpec(String name, PortRef a, PortRef b, double lengthKm, double lossDb) {
  /** Attenuation used when a lab file gives a length but no loss, dB/km. */
  public static final double DEFAULT_ATTENUATION_DB_PER_KM = 0.22;

  public FiberSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (lengthKm < 0 || lossDb < 0 || Double.isNaN(lengthKm) || Double.isNaN(lossDb)) {
      throw new IllegalArgumentException("fiber " + name + ": length and loss must be >= 0");
    }
  }

  /** The end opposite {@code end}, which must be one of this fiber's ends. */
  public PortRef otherEnd(PortRef end) {
    return end.equals(a) ? b : a;
  }
}
