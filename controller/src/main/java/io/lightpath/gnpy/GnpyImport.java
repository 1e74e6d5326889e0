package io.lightpath.gnpy;

import io.lightpath.model.Topology;
import java.util.List;

/**
 * The result of reading a gnpy network.
 *
 * @param networkName gnpy's network_name, or empty
 * @param topology the collapsed topology: Roadm and Transceiver elements become nodes, each
 *     chain of Fiber/Edfa/Fused elements between them becomes one Fiber with spans
 * @param warnings what was approximated or left out, one line each
 */
public record GnpyImport(String networkName, Topology topology, List<String> warnings) {
  public GnpyImport {
    warnings = List.copyOf(warnings);
  }
}
