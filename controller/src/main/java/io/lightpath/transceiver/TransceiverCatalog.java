package io.lightpath.transceiver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.TransceiverMode;
import io.lightpath.qot.GnModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transceiver modes the controller may light, loaded from JSON (data, not code). The built-in
 * catalog is {@code io/lightpath/transceiver/catalog.json} on the classpath; docs/qot.md gives
 * where each figure comes from. Immutable and thread-safe.
 */
public final class TransceiverCatalog {

  /** Classpath location of the built-in catalog. */
  public static final String DEFAULT_RESOURCE = "/io/lightpath/transceiver/catalog.json";

  /** Channel widths are whole 12.5 GHz slots (the flex-grid granularity), in MHz. */
  public static final long SLOT_WIDTH_MHZ = 12_500;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, TransceiverMode> modes;
  private final Map<String, String> sources;

  private TransceiverCatalog(Map<String, TransceiverMode> modes, Map<String, String> sources) {
    this.modes = Collections.unmodifiableMap(modes);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** The catalog shipped with the controller (read once, then shared: it is immutable). */
  public static TransceiverCatalog loadDefault() {
    return DefaultHolder.CATALOG;
  }

  private static final class DefaultHolder {
    static final TransceiverCatalog CATALOG = readDefault();
  }

  private static TransceiverCatalog readDefault() {
    try (InputStream in = TransceiverCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new CatalogException("built-in catalog " + DEFAULT_RESOURCE + " is missing");
      }
      return load(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new CatalogException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Reads a catalog file. */
  public static TransceiverCatalog load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads and validates a catalog.
   *
   * @param origin names the input in error messages
   * @throws CatalogException on malformed JSON, a missing field or a broken rule
   */
  public static TransceiverCatalog load(InputStream in, String origin) {
    CatalogFile file;
    try {
      file = MAPPER.readValue(in, CatalogFile.class);
    } catch (IOException e) {
      throw new CatalogException("catalog " + origin + " is not valid: " + e.getMessage(), e);
    }
    if (file.modes() == null || file.modes().isEmpty()) {
      throw new CatalogException("catalog " + origin + " has no modes");
    }
    Map<String, TransceiverMode> modes = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (CatalogEntry entry : file.modes()) {
      TransceiverMode mode = entry.toMode(origin);
      validate(mode, entry, origin);
      if (modes.put(mode.id(), mode) != null) {
        throw new CatalogException(origin + ": duplicate mode id " + mode.id());
      }
      sources.put(mode.id(), entry.source() == null ? "" : entry.source());
    }
    return new TransceiverCatalog(modes, sources);
  }

  /** All modes, in file order. */
  public List<TransceiverMode> modes() {
    return List.copyOf(modes.values());
  }

  public Optional<TransceiverMode> mode(String id) {
    return Optional.ofNullable(modes.get(id));
  }

  /** Modes of one transceiver type, in file order. */
  public List<TransceiverMode> modesOfType(String type) {
    List<TransceiverMode> out = new ArrayList<>();
    for (TransceiverMode m : modes.values()) {
      if (m.type().equals(type)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Transceiver types, in file order. */
  public Set<String> types() {
    Set<String> out = new LinkedHashSet<>();
    modes.values().forEach(m -> out.add(m.type()));
    return out;
  }

  /** Where a mode's figures come from, or empty. */
  public String source(String modeId) {
    return sources.getOrDefault(modeId, "");
  }

  /** The back-to-back OSNR in 0.1 nm a mode needs: required GSNR + 10·log10(B/12.5 GHz), dB. */
  public static double requiredOsnr0p1nmDb(TransceiverMode mode) {
    return mode.requiredGsnrDb() + bandwidthRatioDb(mode.baudRateGbd());
  }

  static double bandwidthRatioDb(double baudRateGbd) {
    return GnModel.linearToDb(baudRateGbd * 1e9 / GnModel.REFERENCE_BANDWIDTH_HZ);
  }

  private static void validate(TransceiverMode m, CatalogEntry e, String origin) {
    String where = origin + ": mode " + m.id() + ": ";
    if (m.id().isBlank() || m.type().isBlank() || m.modulation().isBlank()) {
      throw new CatalogException(where + "id, type and modulation must not be blank");
    }
    if (m.lineRateGbps() <= 0) {
      throw new CatalogException(where + "lineRateGbps must be positive");
    }
    if (!(m.baudRateGbd() > 0)) {
      throw new CatalogException(where + "baudRateGbd must be positive");
    }
    if (m.widthMhz() <= 0 || m.widthMhz() % SLOT_WIDTH_MHZ != 0) {
      throw new CatalogException(where + "widthMhz must be a positive multiple of 12500");
    }
    if (m.widthMhz() < m.baudRateGbd() * 1000) {
      throw new CatalogException(
          where + "a " + m.baudRateGbd() + " GBd signal does not fit in " + m.widthMhz() + " MHz");
    }
    if (m.minTxPowerDbm() > m.maxTxPowerDbm()) {
      throw new CatalogException(where + "minTxPowerDbm exceeds maxTxPowerDbm");
    }
    if (!(m.powerW() > 0)) {
      throw new CatalogException(where + "powerW must be positive");
    }
    if (m.txOsnrDb() <= requiredOsnr0p1nmDb(m)) {
      throw new CatalogException(
          where + "txOsnrDb " + m.txOsnrDb() + " does not exceed the required OSNR "
              + Math.round(requiredOsnr0p1nmDb(m) * 100) / 100.0 + " dB: the mode can never close");
    }
    if (e.requiredGsnrDb() != null && e.requiredOsnr0p1nmDb() != null) {
      throw new CatalogException(where + "give requiredGsnrDb or requiredOsnr0p1nmDb, not both");
    }
  }

  /** The file as written. */
  record CatalogFile(Integer version, String note, List<CatalogEntry> modes) {}

  /**
   * One mode as written: the receiver threshold may be the published OSNR in 0.1 nm or the GSNR
   * over the symbol rate.
   */
  record CatalogEntry(
      String id,
      String type,
      Integer lineRateGbps,
      Double baudRateGbd,
      String modulation,
      Long widthMhz,
      Double requiredGsnrDb,
      Double requiredOsnr0p1nmDb,
      Double txOsnrDb,
      Double minTxPowerDbm,
      Double maxTxPowerDbm,
      Double powerW,
      String source) {

    TransceiverMode toMode(String origin) {
      String where = origin + ": mode " + (id == null ? "(no id)" : id) + ": ";
      require(id, where, "id");
      require(type, where, "type");
      require(lineRateGbps, where, "lineRateGbps");
      require(baudRateGbd, where, "baudRateGbd");
      require(modulation, where, "modulation");
      require(widthMhz, where, "widthMhz");
      require(txOsnrDb, where, "txOsnrDb");
      require(minTxPowerDbm, where, "minTxPowerDbm");
      require(maxTxPowerDbm, where, "maxTxPowerDbm");
      require(powerW, where, "powerW");
      double gsnr;
      if (requiredGsnrDb != null) {
        gsnr = requiredGsnrDb;
      } else if (requiredOsnr0p1nmDb != null && baudRateGbd > 0) {
        gsnr = requiredOsnr0p1nmDb - bandwidthRatioDb(baudRateGbd);
      } else {
        throw new CatalogException(where + "requiredGsnrDb or requiredOsnr0p1nmDb is required");
      }
      return new TransceiverMode(
          id, type, lineRateGbps, baudRateGbd, modulation, widthMhz, gsnr, txOsnrDb,
          minTxPowerDbm, maxTxPowerDbm, powerW);
    }

    private static void require(Object value, String where, String field) {
      if (value == null) {
        throw new CatalogException(where + field + " is required");
      }
    }
  }
}
