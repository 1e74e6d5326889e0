package io.lightpath.pce;

import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SpectrumPolicy;

/** The default spectrum policy and order; chosen by measurement (docs/path-computation.md). */
public final class DefaultPolicy {
  private DefaultPolicy() {}

  public static final SpectrumPolicy POLICY = SpectrumPolicy.FIRST_FIT;
  public static final PathOrder ORDER = PathOrder.KSP;
}
