package io.lightpath.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.model.Topology;
import io.lightpath.qot.LinkListTopologyReader;
import io.lightpath.qot.QotParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the reference topologies (not shipped in the repository) for benchmarks. */
final class BenchTopologies {
  private BenchTopologies() {}

  /**
   * A topology from the shared reference directory: system property {@code lightpath.shared},
   * else {@code ../shared}, {@code ../../shared} or {@code ../../../shared} from the working
   * directory. Links are cut into 80 km amplified spans so the GN model has a line design.
   */
  static Topology load(String fileName) throws IOException {
    String prop = System.getProperty("lightpath.shared");
    Path dir = Stream.of(prop == null ? null : Path.of(prop), Path.of("../shared"),
            Path.of("../../shared"), Path.of("../../../shared"))
        .filter(p -> p != null && Files.isDirectory(p.resolve("topologies")))
        .findFirst()
        .orElseThrow(() -> new IOException("reference topologies not found; pass"
            + " -Dlightpath.shared=/path/to/shared"));
    return new LinkListTopologyReader(LinkListTopologyReader.DEFAULT_MAX_SPAN_KM,
        QotParameters.DEFAULT_NOISE_FIGURE_DB)
        .read(new ObjectMapper().readTree(dir.resolve("topologies").resolve(fileName).toFile()));
  }
}
