package io.lightpath.qot;

import io.lightpath.model.Amplifier;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.Span;
import io.lightpath.model.TransceiverMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link QotEstimator} on the closed-form GN model ({@link GnModel}). Every span's loss is made
 * up by an amplifier that restores the launch power of {@link QotParameters}: the span's own
 * amplifier, or an implicit one with the default noise figure when the span has none. A node's
 * insertion loss is made up the same way. Noise adds incoherently:
 * 1/GSNR = 1/SNR_tx + Σ_spans (ASE + NLI)/P + Σ_nodes ASE/P.
 *
 * <p>Per-fiber sums are cached, keyed by the fiber record's value and the channel's symbol rate
 * and width; a topology change produces new Fiber values and so never reads a stale entry. A
 * second map keyed by fiber identity answers repeat lookups without hashing the spans. One
 * estimate then costs O(hops).
 */
public final class GnQotEstimator implements QotEstimator {

  /** Beyond this many cached fibers × channel shapes the cache starts again from empty. */
  static final int MAX_CACHE_ENTRIES = 200_000;

  private final QotParameters params;
  private final double frequencyHz;
  private final double launchPowerW;
  private final Map<CacheKey, FiberNoise> cache = new ConcurrentHashMap<>();
  private final Map<IdentityKey, FiberNoise> identityCache = new ConcurrentHashMap<>();

  public GnQotEstimator(QotParameters params) {
    this.params = params;
    this.frequencyHz = params.centerFrequencyThz() * 1e12;
    this.launchPowerW = GnModel.dbmToWatt(params.launchPowerDbm());
  }

  public QotParameters parameters() {
    return params;
  }

  @Override
  public QotEstimate estimate(List<Fiber> fibers, List<Node> nodes, TransceiverMode mode) {
    checkPath(fibers, nodes);
    double baudHz = mode.baudRateGbd() * 1e9;
    double nsr = transmitterNsr(mode);
    for (Fiber f : fibers) {
      nsr += fiberNoise(f, mode).totalNsr();
    }
    for (Node n : nodes) {
      nsr += nodeAseNsr(n.insertionLossDb(), baudHz);
    }
    return toEstimate(nsr, mode);
  }

  /** The estimate with its per-fiber, per-span and per-node breakdown. */
  public QotReport report(List<Fiber> fibers, List<Node> nodes, TransceiverMode mode) {
    checkPath(fibers, nodes);
    double baudHz = mode.baudRateGbd() * 1e9;
    double txNsr = transmitterNsr(mode);
    double nsr = txNsr;
    List<FiberNoise> fiberNoise = new ArrayList<>(fibers.size());
    for (Fiber f : fibers) {
      FiberNoise fn = fiberNoise(f, mode);
      fiberNoise.add(fn);
      nsr += fn.totalNsr();
    }
    List<NodeNoise> nodeNoise = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      double ase = nodeAseNsr(n.insertionLossDb(), baudHz);
      nodeNoise.add(new NodeNoise(n.id(), n.insertionLossDb(), ase));
      nsr += ase;
    }
    return new QotReport(
        mode.id(),
        mode.baudRateGbd(),
        params.launchPowerDbm(),
        fiberNoise,
        nodeNoise,
        txNsr,
        toEstimate(nsr, mode));
  }

  /** The cached noise of one fiber for a channel of {@code mode}'s symbol rate and width. */
  public FiberNoise fiberNoise(Fiber fiber, TransceiverMode mode) {
    // Fast path by identity: a snapshot reuses the Fiber instances it did not change, and an
    // identity hash avoids hashing every span of the record on each lookup.
    IdentityKey byIdentity = new IdentityKey(fiber, mode.baudRateGbd(), mode.widthMhz());
    FiberNoise cached = identityCache.get(byIdentity);
    if (cached != null) {
      return cached;
    }
    CacheKey byValue = new CacheKey(fiber, mode.baudRateGbd(), mode.widthMhz());
    cached = cache.get(byValue);
    if (cached == null) {
      if (cache.size() >= MAX_CACHE_ENTRIES) {
        cache.clear();
      }
      FiberNoise computed =
          computeFiberNoise(fiber, mode.baudRateGbd() * 1e9, mode.widthMhz() * 1e6);
      FiberNoise raced = cache.putIfAbsent(byValue, computed);
      cached = raced != null ? raced : computed;
    }
    if (identityCache.size() >= MAX_CACHE_ENTRIES) {
      identityCache.clear();
    }
    identityCache.put(byIdentity, cached);
    return cached;
  }

  /** Number of cached fiber values × channel shapes (for tests and metrics). */
  public int cacheSize() {
    return cache.size();
  }

  FiberNoise computeFiberNoise(Fiber fiber, double baudHz, double widthHz) {
    List<Span> spans = spansOf(fiber);
    List<SpanNoise> out = new ArrayList<>(spans.size());
    double ase = 0;
    double nli = 0;
    for (int i = 0; i < spans.size(); i++) {
      SpanNoise sn = spanNoise(i, spans.get(i), baudHz, widthHz);
      out.add(sn);
      ase += sn.aseNsr();
      nli += sn.nliNsr();
    }
    return new FiberNoise(fiber.id(), fiber.lengthKm(), out, ase, nli);
  }

  SpanNoise spanNoise(int index, Span span, double baudHz, double widthHz) {
    double attenuation =
        orDefault(span.attenuationDbPerKm(), Span.DEFAULT_ATTENUATION_DB_PER_KM);
    double dispersion =
        orDefault(span.dispersionPsPerNmKm(), Span.DEFAULT_DISPERSION_PS_PER_NM_KM);
    double gamma = orDefault(span.gammaPerWKm(), Span.DEFAULT_GAMMA_PER_W_KM);
    double lossDb = span.lengthKm() * attenuation + span.connectorLossDb();
    Amplifier amp = span.amplifier();
    // a lossless unamplified span (a patch cord) needs no amplifier and adds no ASE
    boolean patchCord = amp == null && lossDb <= 0;
    boolean implicit = amp == null && !patchCord;
    double gainDb = amp == null || amp.gainDb() == 0 ? lossDb : amp.gainDb();
    double nfDb = patchCord ? 0.0 : implicit ? params.defaultNoiseFigureDb() : amp.noiseFigureDb();
    double aseNsr = patchCord ? 0.0
        : GnModel.asePowerW(nfDb, gainDb, frequencyHz, baudHz) / launchPowerW;
    double nliNsr =
        GnModel.nliPowerW(
                span.lengthKm(),
                attenuation,
                dispersion,
                gamma,
                launchPowerW,
                baudHz,
                widthHz,
                params.load(),
                frequencyHz)
            / launchPowerW;
    return new SpanNoise(index, span.lengthKm(), lossDb, gainDb, nfDb, implicit, aseNsr, nliNsr);
  }

  /**
   * The spans of a fiber; a fiber without spans is one unamplified span of its length whose
   * attenuation is lossDb/lengthKm (or the G.652 default when lossDb is 0).
   */
  static List<Span> spansOf(Fiber fiber) {
    if (!fiber.spans().isEmpty()) {
      return fiber.spans();
    }
    double attenuation =
        fiber.lengthKm() > 0 && fiber.lossDb() > 0
            ? fiber.lossDb() / fiber.lengthKm()
            : Span.DEFAULT_ATTENUATION_DB_PER_KM;
    return List.of(
        new Span(
            fiber.lengthKm(),
            attenuation,
            Span.DEFAULT_DISPERSION_PS_PER_NM_KM,
            Span.DEFAULT_GAMMA_PER_W_KM,
            0.0,
            null));
  }

  private double nodeAseNsr(double insertionLossDb, double baudHz) {
    if (insertionLossDb <= 0) {
      return 0.0;
    }
    return GnModel.asePowerW(params.defaultNoiseFigureDb(), insertionLossDb, frequencyHz, baudHz)
        / launchPowerW;
  }

  /** Transmitter noise: its OSNR is quoted in 0.1 nm, so SNR_tx = OSNR_tx · 12.5 GHz / B. */
  static double transmitterNsr(TransceiverMode mode) {
    double baudHz = mode.baudRateGbd() * 1e9;
    return baudHz / (GnModel.REFERENCE_BANDWIDTH_HZ * GnModel.dbToLinear(mode.txOsnrDb()));
  }

  private static QotEstimate toEstimate(double nsr, TransceiverMode mode) {
    double gsnrDb = -GnModel.linearToDb(nsr);
    double osnrDb =
        gsnrDb + GnModel.linearToDb(mode.baudRateGbd() * 1e9 / GnModel.REFERENCE_BANDWIDTH_HZ);
    return new QotEstimate(gsnrDb, osnrDb, gsnrDb - mode.requiredGsnrDb());
  }

  private static void checkPath(List<Fiber> fibers, List<Node> nodes) {
    if (nodes.size() != fibers.size() + 1) {
      throw new IllegalArgumentException(
          "a path of " + fibers.size() + " fibers needs " + (fibers.size() + 1)
              + " nodes, got " + nodes.size());
    }
  }

  /** A zero fiber parameter means "not given": the G.652 default applies. */
  private static double orDefault(double value, double fallback) {
    return value == 0 ? fallback : value;
  }

  private record CacheKey(Fiber fiber, double baudRateGbd, long widthMhz) {}

  /** Same fields, compared by fiber identity (the record's own equals is deep). */
  private record IdentityKey(Fiber fiber, double baudRateGbd, long widthMhz) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k
          && k.fiber == fiber
          && Double.compare(k.baudRateGbd, baudRateGbd) == 0
          && k.widthMhz == widthMhz;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(fiber) * 31 + Double.hashCode(baudRateGbd)) * 31
          + Long.hashCode(widthMhz);
    }
  }
}
