package io.lightpath.cli;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.GetTopologyRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpath topology show|import}. */
@Command(name = "topology", mixinStandardHelpOptions = true,
    description = "Show or import the network topology.",
    subcommands = {TopologyCommand.Show.class, TopologyCommand.Import.class})
final class TopologyCommand {

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print nodes and fibers.")
  static final class Show extends ClientCommand {
    @Override
    int run(ManagedChannel channel) {
      Topology t = deadline(TopologyServiceGrpc.newBlockingStub(channel))
          .getTopology(GetTopologyRequest.getDefaultInstance());
      return print(t, () -> printTopology(t));
    }

    private void printTopology(Topology t) {
      Output.Table nodes = new Output.Table("NODE", "KIND", "SITE", "PORTS", "DELAY_US", "LOSS_DB");
      for (Node n : t.getNodesList()) {
        nodes.row(n.getId(), n.getKind(), n.getSiteId(), n.getPortsCount(), n.getNodeDelayUs(),
            n.getInsertionLossDb());
      }
      nodes.print(out());
      out().println();
      Output.Table fibers = new Output.Table("FIBER", "A", "Z", "LENGTH_KM", "LOSS_DB", "SPANS", "SRLGS");
      for (Fiber f : t.getFibersList()) {
        fibers.row(f.getId(), end(f.getANodeId(), f.getAPortId()), end(f.getZNodeId(), f.getZPortId()),
            f.getLengthKm(), f.getLossDb() > 0 ? String.format(java.util.Locale.ROOT, "%.1f", f.getLossDb()) : "-",
            f.getSpansCount(), String.join(",", f.getSrlgIdsList()));
      }
      fibers.print(out());
      out().println("etag " + t.getEtag());
      out().flush();
    }

    private static String end(String node, String port) {
      return port.isEmpty() ? node : node + "/" + port;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Replace the topology with a document: Lightpath JSON/YAML or gnpy network JSON.")
  static final class Import extends ClientCommand {
    @Parameters(paramLabel = "FILE", description = "The topology document.")
    Path file;

    @Option(names = "--format", description = "Document format: ${COMPLETION-CANDIDATES} (default: from the file).")
    TopologyFormat format;

    @Option(names = "--etag", defaultValue = "", description = "Import only if the topology still has this etag.")
    String etag;

    @Override
    int run(ManagedChannel channel) {
      byte[] doc;
      try {
        doc = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new CliErrors.CliException(CliErrors.USAGE, "cannot read " + file + ": " + CliErrors.ioProblem(e));
      }
      TopologyFormat f = format != null ? format : guess(file, doc);
      Topology t = deadline(TopologyServiceGrpc.newBlockingStub(channel)).importTopology(
          ImportTopologyRequest.newBuilder().setFormat(f).setDocument(ByteString.copyFrom(doc))
              .setEtag(etag).build());
      return print(t, () -> {
        out().println("imported " + t.getNodesCount() + " nodes, " + t.getFibersCount()
            + " fibers from " + file + " (" + f + "), etag " + t.getEtag());
        out().flush();
      });
    }

    static TopologyFormat guess(Path file, byte[] doc) {
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        return TopologyFormat.LIGHTPATH_YAML;
      }
      // gnpy networks are a JSON object with "elements" and "connections"
      String head = new String(doc, 0, Math.min(doc.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
      return head.contains("\"elements\"") ? TopologyFormat.GNPY_JSON : TopologyFormat.LIGHTPATH_JSON;
    }
  }
}
