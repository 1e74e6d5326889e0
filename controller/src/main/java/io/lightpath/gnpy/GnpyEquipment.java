package io.lightpath.gnpy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a gnpy equipment library ({@code eqpt_config.json}) the importer needs: EDFA
 * noise-figure models, fiber types, the ROADM output power and the launch power. The built-in
 * {@link #defaults()} holds the figures of gnpy's example library so a network file imports
 * without one.
 *
 * @param edfaTypes EDFA models by type_variety
 * @param fiberTypes fiber types by type_variety
 * @param roadmTargetPchOutDbm per-channel power a ROADM sets on its outputs, in dBm
 * @param launchPowerDbm per-channel launch power into the line (gnpy SI power_dbm), in dBm
 */
public record GnpyEquipment(
    Map<String, EdfaType> edfaTypes,
    Map<String, FiberType> fiberTypes,
    double roadmTargetPchOutDbm,
    double launchPowerDbm) {

  /** gnpy's nonlinear index n2, in m²/W, used when a fiber type gives an effective area. */
  static final double N2_M2_PER_W = 2.6e-20;

  /** Reference wavelength for γ = 2π·n2/(λ·A_eff), in m. */
  static final double REFERENCE_WAVELENGTH_M = 1550e-9;

  /** The EDFA model gnpy's design picks for in-line sites when none is named. */
  public static final String DEFAULT_EDFA = "std_medium_gain";

  /** The fiber type assumed when none is named. */
  public static final String DEFAULT_FIBER = "SSMF";

  public GnpyEquipment {
    edfaTypes = Collections.unmodifiableMap(new LinkedHashMap<>(edfaTypes));
    fiberTypes = Collections.unmodifiableMap(new LinkedHashMap<>(fiberTypes));
  }

  /**
   * An EDFA model.
   *
   * @param typeVariety gnpy type_variety
   * @param fixedGain true for gnpy's "fixed_gain" type (NF = nf0 + padding)
   * @param gainMinDb minimum gain, in dB
   * @param gainFlatmaxDb maximum flat gain, in dB
   * @param nfMinDb NF at gain_flatmax (variable gain), in dB
   * @param nfMaxDb NF at gain_min (variable gain), in dB
   * @param nf0Db NF of a fixed-gain amplifier, in dB
   */
  public record EdfaType(
      String typeVariety,
      boolean fixedGain,
      double gainMinDb,
      double gainFlatmaxDb,
      double nfMinDb,
      double nfMaxDb,
      double nf0Db) {

    static EdfaType variable(String name, double gainMin, double gainFlatmax, double nfMin,
        double nfMax) {
      return new EdfaType(name, false, gainMin, gainFlatmax, nfMin, nfMax, Double.NaN);
    }

    static EdfaType fixed(String name, double gainMin, double gainFlatmax, double nf0) {
      return new EdfaType(name, true, gainMin, gainFlatmax, Double.NaN, Double.NaN, nf0);
    }

    /**
     * Noise figure at {@code gainDb}, in dB. Variable gain follows gnpy's two-coil model: nf1 and
     * nf2 solve nf_{min,max} = nf1 + nf2/g1a_{min,max} with g1a = G − δp − max(G_flatmax − G, 0)
     * and δp = 5 dB (nf2 clipped to nf1 + [0.3, 2] dB, δp re-derived, as gnpy does). Below
     * gain_min an input pad raises the NF dB for dB.
     */
    public double noiseFigureDb(double gainDb) {
      double pad = Math.max(gainMinDb - gainDb, 0);
      if (fixedGain) {
        return nf0Db + pad;
      }
      double deltaP = 5.0;
      double g1aMin = gainMinDb - (gainFlatmaxDb - gainMinDb) - deltaP;
      double g1aMax = gainFlatmaxDb - deltaP;
      double nf2 = lin((db(nfMinDb) - db(nfMaxDb)) / (1 / db(g1aMax) - 1 / db(g1aMin)));
      double nf1 = lin(db(nfMinDb) - db(nf2) / db(g1aMax));
      if (!(nf1 + 0.3 < nf2 && nf2 < nf1 + 2)) {
        nf2 = Math.min(Math.max(nf2, nf1 + 0.3), nf1 + 2);
        g1aMax = lin(db(nf2) / (db(nfMinDb) - db(nf1)));
        deltaP = gainFlatmaxDb - g1aMax;
      }
      double target = gainDb + pad;
      double dg = Math.max(gainFlatmaxDb - target, 0);
      double g1a = target - deltaP - dg;
      return lin(db(nf1) + db(nf2) / db(g1a)) + pad;
    }

    private static double db(double v) {
      return Math.pow(10, v / 10);
    }

    private static double lin(double v) {
      return 10 * Math.log10(v);
    }
  }

  /**
   * A fiber type.
   *
   * @param typeVariety gnpy type_variety
   * @param dispersionPsPerNmKm D, in ps/(nm·km) (gnpy gives s/m², × 1e6)
   * @param gammaPerWKm γ, in 1/(W·km) (gnpy gives 1/(W·m), × 1e3)
   */
  public record FiberType(String typeVariety, double dispersionPsPerNmKm, double gammaPerWKm) {}

  /** gnpy's example library: its stock EDFAs, SSMF/NZDF/LOF, −20 dBm ROADM output, 0 dBm. */
  public static GnpyEquipment defaults() {
    Map<String, EdfaType> edfas = new LinkedHashMap<>();
    for (EdfaType t : new EdfaType[] {
      EdfaType.variable("std_medium_gain", 15, 26, 6, 10),
      EdfaType.variable("std_low_gain", 8, 16, 6.5, 11),
      EdfaType.variable("std_high_gain", 25, 35, 5.5, 7),
      EdfaType.variable("high_power", 8, 16, 9, 15),
      EdfaType.variable("operator_model_example", 15, 26, 6, 10),
      EdfaType.fixed("std_fixed_gain", 20, 21, 5.5),
    }) {
      edfas.put(t.typeVariety(), t);
    }
    Map<String, FiberType> fibers = new LinkedHashMap<>();
    fibers.put("SSMF", new FiberType("SSMF", 16.7, 1.27));
    fibers.put("NZDF", new FiberType("NZDF", 5.0, 1.46));
    fibers.put("LOF", new FiberType("LOF", 22.0, 0.843));
    return new GnpyEquipment(edfas, fibers, -20.0, 0.0);
  }

  /**
   * Reads an equipment library on top of the defaults: Edfa entries of type_def variable_gain
   * and fixed_gain, Fiber entries (dispersion with gamma or effective_area), Roadm
   * target_pch_out_db and SI power_dbm. Other EDFA models are left out and fall back.
   */
  public static GnpyEquipment fromJson(JsonNode root) {
    GnpyEquipment base = defaults();
    Map<String, EdfaType> edfas = new LinkedHashMap<>(base.edfaTypes());
    for (JsonNode e : root.path("Edfa")) {
      String name = e.path("type_variety").asText("default");
      String def = e.path("type_def").asText("");
      if (def.equals("variable_gain") && e.has("nf_min") && e.has("nf_max")) {
        edfas.put(name, EdfaType.variable(name, e.path("gain_min").asDouble(),
            e.path("gain_flatmax").asDouble(), e.path("nf_min").asDouble(),
            e.path("nf_max").asDouble()));
      } else if (def.equals("fixed_gain") && e.has("nf0")) {
        edfas.put(name, EdfaType.fixed(name, e.path("gain_min").asDouble(),
            e.path("gain_flatmax").asDouble(), e.path("nf0").asDouble()));
      }
    }
    Map<String, FiberType> fibers = new LinkedHashMap<>(base.fiberTypes());
    for (JsonNode f : root.path("Fiber")) {
      String name = f.path("type_variety").asText(DEFAULT_FIBER);
      Double gamma = gammaPerWKm(f);
      if (f.has("dispersion") && gamma != null) {
        fibers.put(name, new FiberType(name, f.path("dispersion").asDouble() * 1e6, gamma));
      }
    }
    double roadmOut = root.path("Roadm").path(0).path("target_pch_out_db")
        .asDouble(base.roadmTargetPchOutDbm());
    double power = root.path("SI").path(0).path("power_dbm").asDouble(base.launchPowerDbm());
    return new GnpyEquipment(edfas, fibers, roadmOut, power);
  }

  /** γ in 1/(W·km) from "gamma" (1/(W·m)) or "effective_area" (m²); null when neither is set. */
  static Double gammaPerWKm(JsonNode params) {
    if (params.has("gamma")) {
      return params.path("gamma").asDouble() * 1e3;
    }
    if (params.has("effective_area")) {
      double aeff = params.path("effective_area").asDouble();
      return 2 * Math.PI * N2_M2_PER_W / (REFERENCE_WAVELENGTH_M * aeff) * 1e3;
    }
    return null;
  }
}
