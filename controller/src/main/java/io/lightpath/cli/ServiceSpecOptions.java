package io.lightpath.cli;

import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.FrequencySlot;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The service request options shared by {@code service create} and {@code path compute}. */
final class ServiceSpecOptions {
  @Option(names = {"-a", "--a-end"}, required = true, paramLabel = "NODE[/PORT]", description = "A-end transponder node.")
  String aEnd;

  @Option(names = {"-z", "--z-end"}, required = true, paramLabel = "NODE[/PORT]", description = "Z-end transponder node.")
  String zEnd;

  @Option(names = "--rate", required = true, description = "100G, 200G, 400G or 800G.")
  String rate;

  @Option(names = "--mode", defaultValue = "", description = "Transceiver mode id from the catalog.")
  String mode;

  @Option(names = "--max-latency-us", description = "Largest one-way latency in µs.")
  Double maxLatencyUs;

  @Option(names = "--include-node", split = ",", description = "Nodes the path must traverse.")
  List<String> includeNodes = new ArrayList<>();

  @Option(names = "--exclude-node", split = ",", description = "Nodes the path must avoid.")
  List<String> excludeNodes = new ArrayList<>();

  @Option(names = "--include-fiber", split = ",", description = "Fibers the path must use.")
  List<String> includeFibers = new ArrayList<>();

  @Option(names = "--exclude-fiber", split = ",", description = "Fibers the path must avoid.")
  List<String> excludeFibers = new ArrayList<>();

  @Option(names = "--include-srlg", split = ",", description = "SRLGs the path must use.")
  List<String> includeSrlgs = new ArrayList<>();

  @Option(names = "--exclude-srlg", split = ",", description = "SRLGs the path must avoid.")
  List<String> excludeSrlgs = new ArrayList<>();

  @Option(names = "--diverse-from", split = ",", paramLabel = "SERVICE_ID",
      description = "Services this one must be disjoint from.")
  List<String> diverseFrom = new ArrayList<>();

  @Option(names = "--protection", defaultValue = "none", description = "none or 1+1 (default: ${DEFAULT-VALUE}).")
  String protection;

  @Option(names = "--frequency-mhz", description = "Pin the centre frequency (MHz, 6.25 GHz grid).")
  Long frequencyMhz;

  @Option(names = "--width-mhz", description = "Pin the width (MHz, multiple of 12,500).")
  Long widthMhz;

  @Option(names = "--min-margin-db", description = "Extra GSNR margin in dB.")
  Double minMarginDb;

  @Option(names = "--bundle", description = "Number of channels in a bundle.")
  Integer bundle;

  @Option(names = "--min-routes", description = "Bundle: least number of disjoint routes (needs --bundle).")
  Integer minRoutes;

  @Option(names = "--max-skew-us", description = "Bundle: largest latency difference in µs (needs --bundle).")
  Double maxSkewUs;

  /**
   * The service these options ask for.
   *
   * @throws CliErrors.CliException (usage) when the options contradict each other
   */
  Service toService() {
    if (bundle == null && (minRoutes != null || maxSkewUs != null)) {
      throw new CliErrors.CliException(CliErrors.USAGE, (maxSkewUs != null ? "--max-skew-us" : "--min-routes")
          + " applies to a bundle: give --bundle N too");
    }
    Constraints.Builder c = Constraints.newBuilder()
        .addAllIncludeNodeIds(includeNodes).addAllExcludeNodeIds(excludeNodes)
        .addAllIncludeFiberIds(includeFibers).addAllExcludeFiberIds(excludeFibers)
        .addAllIncludeSrlgIds(includeSrlgs).addAllExcludeSrlgIds(excludeSrlgs);
    diverseFrom.forEach(s -> c.addDiverseFromServices(s.startsWith("services/") ? s : "services/" + s));
    if (maxLatencyUs != null) {
      c.setMaxLatencyUs(maxLatencyUs);
    }
    if (minMarginDb != null) {
      c.setMinMarginDb(minMarginDb);
    }
    if (frequencyMhz != null || widthMhz != null) {
      c.setPinnedSlot(FrequencySlot.newBuilder()
          .setCenterFrequencyMhz(frequencyMhz == null ? 0 : frequencyMhz)
          .setWidthMhz(widthMhz == null ? 0 : widthMhz));
    }
    Service.Builder s = Service.newBuilder()
        .setAEnd(endpoint(aEnd)).setZEnd(endpoint(zEnd)).setRate(rate(rate))
        .setTransceiverMode(mode).setConstraints(c).setProtection(protection(protection));
    if (bundle != null) {
      Bundle.Builder b = Bundle.newBuilder().setChannelCount(bundle)
          .setMinDisjointRoutes(minRoutes == null ? 1 : minRoutes);
      if (maxSkewUs != null) {
        b.setMaxSkewUs(maxSkewUs);
      }
      s.setBundle(b);
    }
    return s.build();
  }

  static Endpoint endpoint(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? Endpoint.newBuilder().setNodeId(text).build()
        : Endpoint.newBuilder().setNodeId(text.substring(0, slash)).setPortId(text.substring(slash + 1)).build();
  }

  static LineRate rate(String text) {
    return switch (text.toUpperCase(java.util.Locale.ROOT)) {
      case "100G" -> LineRate.LINE_RATE_100G;
      case "200G" -> LineRate.LINE_RATE_200G;
      case "400G" -> LineRate.LINE_RATE_400G;
      case "800G" -> LineRate.LINE_RATE_800G;
      default -> throw new CliErrors.CliException(CliErrors.USAGE,
          "--rate must be 100G, 200G, 400G or 800G; got " + text);
    };
  }

  static Protection protection(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "none" -> Protection.PROTECTION_NONE;
      case "1+1", "one_plus_one" -> Protection.ONE_PLUS_ONE;
      default -> throw new CliErrors.CliException(CliErrors.USAGE,
          "--protection must be none or 1+1; got " + text);
    };
  }
}
