package io.lightpath.qot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lightpath.cli.OutputFormat;
import io.lightpath.gnpy.GnpyEquipment;
import io.lightpath.gnpy.GnpyFormatException;
import io.lightpath.gnpy.GnpyImport;
import io.lightpath.gnpy.GnpyNetworkReader;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.Topology;
import io.lightpath.model.TransceiverMode;
import io.lightpath.transceiver.CatalogException;
import io.lightpath.transceiver.TransceiverCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qot}: the GN-model estimate of the shortest route between two nodes, with its per-fiber
 * and per-span breakdown, to hold against gnpy on the same network file.
 */
@Command(
    name = "qot",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate GSNR/OSNR of the shortest route between two nodes (GN model, offline).",
      "The route is the shortest by km; the model is the closed-form GN model. FILE is a gnpy",
      "network JSON (has \"elements\") or a link-list topology (has \"links\"). See docs/qot.md."
    })
public final class QotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--topology", required = true, paramLabel = "FILE",
      description = "gnpy network JSON or link-list topology JSON")
  Path topologyFile;

  @Option(names = "--from", required = true, paramLabel = "NODE", description = "start node id")
  String fromNode;

  @Option(names = "--to", required = true, paramLabel = "NODE", description = "end node id")
  String toNode;

  @Option(names = "--baud-gbd", defaultValue = "32", description = "symbol rate of the channel (default ${DEFAULT-VALUE})")
  double baudGbd;

  @Option(names = "--power-dbm", description = "launch power per channel, dBm (default: gnpy SI power_dbm, 0)")
  Double powerDbm;

  @Option(names = "--channels", defaultValue = "76", description = "channels on each fiber (default ${DEFAULT-VALUE})")
  int channels;

  @Option(names = "--spacing-ghz", defaultValue = "50", description = "grid spacing, GHz (default ${DEFAULT-VALUE})")
  double spacingGhz;

  @Option(names = "--load-baud-gbd", description = "symbol rate of the other channels (default: the channel's own if it fits the grid, else 32)")
  Double loadBaudGbd;

  @Option(names = "--tx-osnr-db", defaultValue = "40", description = "transmitter OSNR in 0.1 nm (default ${DEFAULT-VALUE}, gnpy's SI tx_osnr)")
  double txOsnrDb;

  @Option(names = "--required-gsnr-db", description = "GSNR the receiver needs, for the margin")
  Double requiredGsnrDb;

  @Option(names = "--mode", paramLabel = "ID", description = "a transceiver catalog mode: sets baud rate, width, tx OSNR and required GSNR")
  String modeId;

  @Option(names = "--nf-db", defaultValue = "5.5", description = "NF of amplifiers the model assumes, dB (default ${DEFAULT-VALUE})")
  double defaultNfDb;

  @Option(names = "--equipment", paramLabel = "FILE", description = "gnpy equipment library (eqpt_config.json) for EDFA and fiber types")
  Path equipmentFile;

  @Option(names = {"-o", "--output"}, defaultValue = "table", converter = OutputFormat.Converter.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): table prints the"
          + " report for people, json one object.")
  OutputFormat output;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      GnpyEquipment equipment = equipmentFile == null ? GnpyEquipment.defaults()
          : GnpyEquipment.fromJson(readJson(equipmentFile));
      JsonNode root = readJson(topologyFile);
      List<String> warnings = new ArrayList<>();
      Topology topology;
      if (GnpyNetworkReader.isGnpyNetwork(root)) {
        GnpyImport imported = new GnpyNetworkReader(equipment).read(root);
        topology = imported.topology();
        warnings.addAll(imported.warnings());
      } else if (LinkListTopologyReader.isLinkList(root)) {
        topology = new LinkListTopologyReader(LinkListTopologyReader.DEFAULT_MAX_SPAN_KM, defaultNfDb)
            .read(root);
      } else {
        throw new IllegalArgumentException(topologyFile
            + " is neither a gnpy network (\"elements\") nor a link list (\"links\")");
      }
      TransceiverMode mode = mode();
      double power = powerDbm != null ? powerDbm : equipment.launchPowerDbm();
      // the comb is made of channels like the one under test when they fit the grid, else of
      // gnpy's default 32 GBd channels
      double defaultLoadBaud = mode.baudRateGbd() <= spacingGhz ? mode.baudRateGbd()
          : Math.min(ChannelLoad.GNPY_DEFAULT.baudRateGbd(), spacingGhz);
      ChannelLoad load = new ChannelLoad(channels, spacingGhz,
          loadBaudGbd != null ? loadBaudGbd : defaultLoadBaud);
      QotParameters params = new QotParameters(
          power, load, QotParameters.DEFAULT_CENTER_FREQUENCY_THZ, defaultNfDb);
      String from = resolve(topology, fromNode);
      String to = resolve(topology, toNode);
      ShortestPath.Route route = ShortestPath.byLength(topology, from, to)
          .orElseThrow(() -> new IllegalArgumentException("no route from " + from + " to " + to));
      QotReport report = new GnQotEstimator(params).report(route.fibers(), route.nodes(), mode);
      boolean hasRequirement = modeId != null || requiredGsnrDb != null;
      if (output == OutputFormat.json) {
        out.println(MAPPER.writeValueAsString(
            QotReportView.toJson(route, report, params, mode, hasRequirement, warnings)));
      } else {
        QotReportView.printText(out, route, report, params, mode, hasRequirement, warnings);
      }
      out.flush();
      return 0;
    } catch (IOException | IllegalArgumentException | GnpyFormatException | CatalogException e) {
      // one line, as every bin/lightpath command reports a bad input: exit 3 (invalid argument)
      err.println("error: qot: " + e.getMessage());
      err.flush();
      return 3;
    }
  }

  private TransceiverMode mode() {
    if (modeId != null) {
      return TransceiverCatalog.loadDefault().mode(modeId).orElseThrow(() ->
          new IllegalArgumentException("unknown transceiver mode " + modeId + "; known: "
              + TransceiverCatalog.loadDefault().modes().stream().map(TransceiverMode::id).toList()));
    }
    if (!(baudGbd > 0)) {
      throw new IllegalArgumentException("--baud-gbd must be positive");
    }
    // the slot a raised-cosine signal with gnpy's 0.15 roll-off needs, on the 12.5 GHz grid
    long widthMhz = (long) Math.ceil(baudGbd * 1.15 / 12.5) * 12_500;
    double required = requiredGsnrDb != null ? requiredGsnrDb : 0.0;
    return new TransceiverMode("custom", "custom", 0,
        baudGbd, "unspecified", widthMhz, required, txOsnrDb, power(), power(), 1.0);
  }

  private double power() {
    return powerDbm != null ? powerDbm : 0.0;
  }

  /** An exact node id, or the one node whose site (gnpy city, link-list name) matches. */
  private static String resolve(Topology topology, String name) {
    if (topology.node(name) != null) {
      return name;
    }
    List<String> bySite = new ArrayList<>();
    for (Node n : topology.nodes().values()) {
      if (n.siteId().equalsIgnoreCase(name)) {
        bySite.add(n.id());
      }
    }
    if (bySite.size() == 1) {
      return bySite.get(0);
    }
    throw new IllegalArgumentException(bySite.isEmpty() ? "unknown node " + name
        : "node " + name + " is ambiguous: " + bySite);
  }

  private static JsonNode readJson(Path file) throws IOException {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Renders a report as text or as a JSON tree. */
  static final class QotReportView {
    private QotReportView() {}

    static void printText(PrintWriter out, ShortestPath.Route route, QotReport r,
        QotParameters p, TransceiverMode mode, boolean hasRequirement, List<String> warnings) {
      List<String> ids = route.nodes().stream().map(Node::id).toList();
      out.printf(Locale.ROOT, "route: %s (%.1f km, %d fibers)%n", String.join(" -> ", ids),
          route.lengthKm(), route.fibers().size());
      out.printf(Locale.ROOT,
          "channel: %s, %.2f GBd, %.2f dBm/ch, load %d x %.1f GHz at %.2f GBd, tx OSNR %.2f dB%n",
          mode.id(), mode.baudRateGbd(), p.launchPowerDbm(), p.load().numChannels(),
          p.load().spacingGhz(), p.load().baudRateGbd(), mode.txOsnrDb());
      double b = mode.baudRateGbd();
      for (int i = 0; i < route.fibers().size(); i++) {
        Fiber f = route.fibers().get(i);
        FiberNoise fn = r.fibers().get(i);
        out.printf(Locale.ROOT,
            "fiber %s: %s -> %s, %.1f km, %d spans: OSNR ASE (0.1nm) %s dB, SNR NLI %s dB, GSNR %s dB%n",
            f.id(), route.nodes().get(i).id(), route.nodes().get(i + 1).id(), f.lengthKm(),
            fn.spans().size(), fmt(osnr(fn.aseNsr(), b)), fmt(snr(fn.nliNsr())),
            fmt(snr(fn.totalNsr())));
        for (SpanNoise s : fn.spans()) {
          out.printf(Locale.ROOT,
              "  span %d: %.1f km, loss %.2f dB, gain %.2f dB, NF %.2f dB%s: OSNR ASE (0.1nm) %s dB, SNR NLI %s dB%n",
              s.index() + 1, s.lengthKm(), s.lossDb(), s.gainDb(), s.noiseFigureDb(),
              s.implicitAmplifier() ? " (assumed)" : "", fmt(osnr(s.aseNsr(), b)),
              fmt(snr(s.nliNsr())));
        }
      }
      for (NodeNoise n : r.nodes()) {
        if (n.aseNsr() > 0) {
          out.printf(Locale.ROOT, "node %s: insertion loss %.2f dB: OSNR ASE (0.1nm) %.2f dB%n",
              n.nodeId(), n.insertionLossDb(), osnr(n.aseNsr(), b));
        }
      }
      QotEstimate e = r.estimate();
      out.printf(Locale.ROOT, "OSNR ASE (0.1nm):        %s dB%n", fmt(r.aseOsnr0p1nmDb()));
      out.printf(Locale.ROOT, "SNR NLI (signal bw):     %s dB%n", fmt(r.nliSnrDb()));
      out.printf(Locale.ROOT, "GSNR (signal bw %.2f GHz): %.2f dB%n", b, e.gsnrDb());
      out.printf(Locale.ROOT, "GSNR (0.1nm):            %.2f dB%n", e.osnr0p1nmDb());
      if (hasRequirement) {
        out.printf(Locale.ROOT, "margin:                  %.2f dB (required GSNR %.2f dB)%n",
            e.marginDb(), mode.requiredGsnrDb());
      }
      for (String w : warnings) {
        out.println("warning: " + w);
      }
    }

    static Map<String, Object> toJson(ShortestPath.Route route, QotReport r, QotParameters p,
        TransceiverMode mode, boolean hasRequirement, List<String> warnings) {
      double b = mode.baudRateGbd();
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("route", route.nodes().stream().map(Node::id).toList());
      root.put("length_km", route.lengthKm());
      Map<String, Object> channel = new LinkedHashMap<>();
      channel.put("mode", mode.id());
      channel.put("baud_rate_gbd", b);
      channel.put("launch_power_dbm", p.launchPowerDbm());
      channel.put("channels", p.load().numChannels());
      channel.put("spacing_ghz", p.load().spacingGhz());
      channel.put("load_baud_rate_gbd", p.load().baudRateGbd());
      channel.put("tx_osnr_db", mode.txOsnrDb());
      root.put("channel", channel);
      List<Object> fibers = new ArrayList<>();
      for (int i = 0; i < route.fibers().size(); i++) {
        FiberNoise fn = r.fibers().get(i);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", fn.fiberId());
        f.put("from", route.nodes().get(i).id());
        f.put("to", route.nodes().get(i + 1).id());
        f.put("length_km", fn.lengthKm());
        f.put("ase_osnr_0p1nm_db", finite(osnr(fn.aseNsr(), b)));
        f.put("nli_snr_db", finite(snr(fn.nliNsr())));
        f.put("gsnr_db", finite(snr(fn.totalNsr())));
        List<Object> spans = new ArrayList<>();
        for (SpanNoise s : fn.spans()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("length_km", s.lengthKm());
          m.put("loss_db", s.lossDb());
          m.put("gain_db", s.gainDb());
          m.put("noise_figure_db", s.noiseFigureDb());
          m.put("assumed_amplifier", s.implicitAmplifier());
          m.put("ase_osnr_0p1nm_db", finite(osnr(s.aseNsr(), b)));
          m.put("nli_snr_db", finite(snr(s.nliNsr())));
          spans.add(m);
        }
        f.put("spans", spans);
        fibers.add(f);
      }
      root.put("fibers", fibers);
      List<Object> nodes = new ArrayList<>();
      for (NodeNoise n : r.nodes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.nodeId());
        m.put("insertion_loss_db", n.insertionLossDb());
        m.put("ase_osnr_0p1nm_db", finite(osnr(n.aseNsr(), b)));
        nodes.add(m);
      }
      root.put("nodes", nodes);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ase_osnr_0p1nm_db", finite(r.aseOsnr0p1nmDb()));
      result.put("nli_snr_db", finite(r.nliSnrDb()));
      result.put("gsnr_db", r.estimate().gsnrDb());
      result.put("gsnr_0p1nm_db", r.estimate().osnr0p1nmDb());
      result.put("margin_db", hasRequirement ? r.estimate().marginDb() : null);
      root.put("result", result);
      root.put("warnings", warnings);
      return root;
    }

    /** SNR in dB; +∞ for a noiseless element. */
    private static double snr(double nsr) {
      return -GnModel.linearToDb(nsr);
    }

    private static double osnr(double nsr, double baudGbd) {
      return snr(nsr) + GnModel.linearToDb(baudGbd * 1e9 / GnModel.REFERENCE_BANDWIDTH_HZ);
    }

    /** JSON has no infinity: a noiseless element's SNR is null. */
    private static Double finite(double db) {
      return Double.isFinite(db) ? db : null;
    }

    /** "12.34" or "inf". */
    private static String fmt(double db) {
      return Double.isFinite(db) ? String.format(Locale.ROOT, "%.2f", db) : "inf";
    }
  }
}
